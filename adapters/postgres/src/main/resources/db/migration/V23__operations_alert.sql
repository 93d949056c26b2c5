-- 警報: every error the server logged, as the administrator's page lists it and as it was sent to the city's contact.
-- The same error again within the quiet period is counted on its first row, not sent again.
CREATE TABLE operations_alert (
    id         bigserial   PRIMARY KEY,
    raised_at  timestamptz NOT NULL,
    last_at    timestamptz NOT NULL,
    source     text        NOT NULL,
    message    text        NOT NULL,
    repeats    integer     NOT NULL DEFAULT 1,
    sent_to    text        NOT NULL DEFAULT '',
    send_error text        NOT NULL DEFAULT ''
);
CREATE INDEX operations_alert_recent ON operations_alert (raised_at DESC);
