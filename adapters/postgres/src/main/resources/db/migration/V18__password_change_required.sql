-- A password someone else chose (the first administrator's one-time password from ./madoguchi setup) must be replaced
-- by the member at the next login.
ALTER TABLE staff_account ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
