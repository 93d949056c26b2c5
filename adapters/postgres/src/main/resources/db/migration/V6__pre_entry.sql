-- 事前入力: the procedures a citizen chose at home, behind the random token of their QR code. No personal data:
-- who they are is found at the kiosk or the counter. A code serves once, and only until it expires.
CREATE TABLE pre_entry (
    city_code        text        NOT NULL,
    token            text        NOT NULL,
    procedure_codes  text[]      NOT NULL,
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    used_at          timestamptz,
    reception_number text,
    PRIMARY KEY (city_code, token)
);
