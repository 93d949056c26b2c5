-- Login protection and the city's own roles (issue 7).

ALTER TABLE staff_account
    ADD COLUMN failed_logins  integer     NOT NULL DEFAULT 0,
    ADD COLUMN locked_until   timestamptz,
    -- TOTP secrets, sealed like 個人番号 (AES-GCM under the data key kept outside the database)
    ADD COLUMN totp_secret    bytea,
    ADD COLUMN totp_pending   bytea,
    -- the time step of the last accepted code: a code is good once
    ADD COLUMN totp_last_step bigint      NOT NULL DEFAULT 0,
    ADD COLUMN version        integer     NOT NULL DEFAULT 0;

CREATE INDEX staff_account_city ON staff_account (city_code, username);

-- 役割: a named group of permissions, per city
CREATE TABLE staff_role (
    city_code   text   NOT NULL,
    name        text   NOT NULL,
    label       text   NOT NULL,
    permissions text[] NOT NULL,
    department  text   NOT NULL DEFAULT '',
    PRIMARY KEY (city_code, name)
);
