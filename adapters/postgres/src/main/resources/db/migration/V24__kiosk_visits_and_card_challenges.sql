-- What a kiosk needs between two of its requests, kept here rather than in one server's memory, so that behind a
-- load balancer any server answers the next request: the visit between 本人確認 and 受付 (under the hash of the
-- token the page carries), the slip the kiosk may show right after, and the card challenges handed to the terminal
-- agents (each good for one answer). All live for minutes; expired rows are deleted as new ones arrive.
CREATE TABLE kiosk_visit (
    city_code        text        NOT NULL,
    token_hash       text        NOT NULL,
    kiosk            text        NOT NULL,
    addressee_number text,
    card_name        text,
    card_address     text,
    card_birth_date  text,
    card_sex         text,
    procedure_code   text        NOT NULL,
    expires_at       timestamptz NOT NULL,
    PRIMARY KEY (city_code, token_hash),
    CHECK (addressee_number IS NOT NULL OR card_name IS NOT NULL)
);
CREATE INDEX kiosk_visit_expiry ON kiosk_visit (expires_at);

CREATE TABLE kiosk_slip (
    city_code        text        NOT NULL,
    kiosk            text        NOT NULL,
    reception_number text        NOT NULL,
    expires_at       timestamptz NOT NULL,
    PRIMARY KEY (city_code, kiosk, reception_number)
);
CREATE INDEX kiosk_slip_expiry ON kiosk_slip (expires_at);

CREATE TABLE card_challenge (
    city_code         text        NOT NULL,
    terminal_id       text        NOT NULL,
    nonce             text        NOT NULL,
    individual_number boolean     NOT NULL,
    expires_at        timestamptz NOT NULL,
    PRIMARY KEY (city_code, terminal_id, nonce)
);
CREATE INDEX card_challenge_expiry ON card_challenge (expires_at);
