-- アクセス記録: append-only and hash-chained. Each entry's hash covers the previous entry's hash and its own
-- content, so a changed, removed or reordered entry breaks the chain where it happened (./madoguchi audit verify).
-- Numbers come from audit_head, whose row lock also orders concurrent appends: no gaps, one chain.
CREATE TABLE audit_entry (
    seq          bigint      PRIMARY KEY,
    at           timestamptz NOT NULL,
    city_code    text        NOT NULL,
    actor_kind   text        NOT NULL,
    actor_id     text        NOT NULL,
    actor_name   text        NOT NULL,
    terminal     text        NOT NULL,
    action       text        NOT NULL,
    residents    text[]      NOT NULL,
    purpose      text        NOT NULL,
    detail       text        NOT NULL,
    content_hash bytea       NOT NULL,
    prev_hash    bytea       NOT NULL,
    hash         bytea       NOT NULL
);
CREATE INDEX audit_entry_by_city_time ON audit_entry (city_code, at);
CREATE INDEX audit_entry_by_resident ON audit_entry USING gin (residents);

CREATE TABLE audit_head (
    id   integer PRIMARY KEY CHECK (id = 1),
    seq  bigint  NOT NULL,
    hash bytea   NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '\x0000000000000000000000000000000000000000000000000000000000000000');

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'アクセス記録は変更・削除できません（%）', TG_OP;
END
$$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();
