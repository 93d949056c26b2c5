-- 本人による内容の確認 on the citizen tablet. A clerk sends a visit to a tablet (a browser registered like a kiosk);
-- the tablet shows the content of the forms, and the citizen confirms and signs. The confirmation keeps the SHA-256
-- of exactly the content shown and of the signature drawn; a changed answer afterwards removes it (and the
-- signature), so the citizen is asked again.
CREATE TABLE tablet_request (
    city_code        text        NOT NULL,
    terminal         text        NOT NULL,
    reception_number text        NOT NULL,
    requested_at     timestamptz NOT NULL,
    PRIMARY KEY (city_code, terminal)
);

CREATE TABLE content_confirmation (
    city_code        text        NOT NULL,
    reception_number text        NOT NULL,
    content_sha256   text        NOT NULL,
    signature_sha256 text        NOT NULL,
    terminal         text        NOT NULL,
    confirmed_at     timestamptz NOT NULL,
    PRIMARY KEY (city_code, reception_number)
);
