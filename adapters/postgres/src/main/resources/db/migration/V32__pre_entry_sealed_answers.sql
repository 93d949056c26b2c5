-- 事前入力の回答: the answers a citizen gives on the phone are kept sealed under the code (AES-GCM, the key derived
-- from the code's secret part), so the database alone cannot read them; for that the code itself is no longer kept,
-- only its SHA-256, as for the kiosk visits' tokens.
ALTER TABLE pre_entry ADD COLUMN token_hash text;
UPDATE pre_entry SET token_hash = encode(sha256(convert_to(token, 'UTF8')), 'hex');
ALTER TABLE pre_entry ALTER COLUMN token_hash SET NOT NULL;
ALTER TABLE pre_entry DROP CONSTRAINT pre_entry_pkey;
ALTER TABLE pre_entry ADD PRIMARY KEY (city_code, token_hash);
ALTER TABLE pre_entry DROP COLUMN token;
ALTER TABLE pre_entry ADD COLUMN sealed_answers bytea;
