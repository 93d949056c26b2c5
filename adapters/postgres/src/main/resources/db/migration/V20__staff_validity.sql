-- 人事異動: an account may start on a given day and end on another (both inclusive, in the city's calendar); outside
-- that period its password no longer logs in, and a session never outlasts the last day.
ALTER TABLE staff_account ADD COLUMN valid_from date;
ALTER TABLE staff_account ADD COLUMN valid_until date;
ALTER TABLE staff_account ADD CONSTRAINT staff_account_validity CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from);
