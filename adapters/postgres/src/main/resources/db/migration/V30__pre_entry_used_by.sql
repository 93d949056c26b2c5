-- 二度読み: a handheld scanner reads a code twice, or a citizen shows it again while the screen is slow. The kiosk
-- that used the code is kept so that the same kiosk, a moment later, is shown the same visit instead of a refusal.
ALTER TABLE pre_entry ADD COLUMN used_by text;
