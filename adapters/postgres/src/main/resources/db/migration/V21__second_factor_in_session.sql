-- When the member last gave the second factor in this login (at the login itself or when asked again): revealing a
-- 個人番号 asks for it again once it is older than the city allows.
ALTER TABLE staff_session ADD COLUMN second_factor_at timestamptz;
-- the auditor's count of reveals per member and day
CREATE INDEX IF NOT EXISTS audit_entry_reveals ON audit_entry (city_code, at) WHERE action = 'REVEAL_INDIVIDUAL_NUMBER';
