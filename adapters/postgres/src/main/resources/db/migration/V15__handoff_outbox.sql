-- 基幹連携の送り出し待ち（outbox）. A finished visit's records are written here in the completion's own transaction;
-- each has one delivery per target (the RPA folder, the city's bucket), retried until it lands. A record is unique
-- per city, layout and key, a delivery per record and target, so nothing is queued or delivered twice.
CREATE TABLE handoff_record (
    id          bigserial   PRIMARY KEY,
    city_code   text        NOT NULL,
    reception   text        NOT NULL,
    layout      text        NOT NULL,
    record_key  text        NOT NULL,
    header      text[]      NOT NULL,
    fields      text[]      NOT NULL,
    missing     text[]      NOT NULL,
    queued_at   timestamptz NOT NULL,
    UNIQUE (city_code, layout, record_key)
);

CREATE TABLE handoff_delivery (
    id           bigserial   PRIMARY KEY,
    city_code    text        NOT NULL,
    record_id    bigint      NOT NULL REFERENCES handoff_record (id),
    target       text        NOT NULL,
    due_at       timestamptz NOT NULL,
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text,
    location     text,
    sha256       text,
    delivered_at timestamptz,
    UNIQUE (record_id, target)
);

-- the delivery job's question: what is due for a target
CREATE INDEX handoff_delivery_due ON handoff_delivery (target, due_at) WHERE delivered_at IS NULL;
CREATE INDEX handoff_record_city ON handoff_record (city_code, id);
