-- 職員を呼ぶ: a kiosk's call for a member of staff, open until answered. One open call per kiosk: pressing again
-- keeps the first time; answered calls stay as a record of when help came.
CREATE TABLE kiosk_help_call (
    city_code   text        NOT NULL,
    terminal_id text        NOT NULL,
    called_at   timestamptz NOT NULL,
    answered_at timestamptz,
    answered_by text,
    PRIMARY KEY (city_code, terminal_id, called_at)
);
CREATE UNIQUE INDEX kiosk_help_call_open ON kiosk_help_call (city_code, terminal_id) WHERE answered_at IS NULL;
