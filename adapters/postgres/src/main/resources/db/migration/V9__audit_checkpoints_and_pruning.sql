-- アクセス記録: signed checkpoints of the chain head, and pruning behind one only (issue 7).
-- A checkpoint's signature is an HMAC under a key derived from the data key, which lives outside the database:
-- whoever can write the tables can recompute the chain but cannot sign a new head, so a rewritten chain no
-- longer meets its checkpoints.
CREATE TABLE audit_checkpoint (
    seq       bigint      PRIMARY KEY,
    hash      bytea       NOT NULL,
    at        timestamptz NOT NULL,
    signature bytea       NOT NULL
);

CREATE FUNCTION audit_checkpoint_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'アクセス記録のチェックポイントは変更・削除できません（%）', TG_OP;
END
$$;
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_checkpoint_is_append_only();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoint_is_append_only();

-- Where the remaining chain starts after pruning: the checkpoint the pruned entries ended at.
ALTER TABLE audit_head
    ADD COLUMN pruned_seq  bigint NOT NULL DEFAULT 0,
    ADD COLUMN pruned_hash bytea  NOT NULL DEFAULT '\x0000000000000000000000000000000000000000000000000000000000000000';

-- Entries stay unchangeable; the one delete allowed is prune_audit_entries' own, and only of entries a
-- checkpoint already covers.
CREATE OR REPLACE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('madoguchi.audit_pruning', true) = 'on'
       AND OLD.seq <= (SELECT coalesce(max(seq), 0) FROM audit_checkpoint) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'アクセス記録は変更・削除できません（%）', TG_OP;
END
$$;

-- Removes the entries older than `before`, up to the newest checkpoint that has only such entries behind it.
-- Runs with its owner's rights (the application's role has no DELETE on the trail) and never removes anything
-- younger than a year, whatever it is asked: 特定個人情報の保護評価 asks for 1 to 5 years.
CREATE FUNCTION prune_audit_entries(before timestamptz) RETURNS TABLE (removed bigint, through_seq bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    last_old bigint;
    anchor   record;
BEGIN
    IF before > now() - interval '1 year' THEN
        RAISE EXCEPTION 'アクセス記録は1年以上保存します（削除の基準日 % は新しすぎます）', before;
    END IF;
    SELECT coalesce((SELECT min(seq) - 1 FROM audit_entry WHERE at >= before), (SELECT max(seq) FROM audit_entry), 0)
      INTO last_old;
    SELECT c.seq, c.hash INTO anchor FROM audit_checkpoint c, audit_head h
     WHERE c.seq <= last_old AND c.seq > h.pruned_seq ORDER BY c.seq DESC LIMIT 1;
    IF NOT FOUND THEN
        RETURN QUERY SELECT 0::bigint, (SELECT pruned_seq FROM audit_head WHERE id = 1);
        RETURN;
    END IF;
    PERFORM set_config('madoguchi.audit_pruning', 'on', true);
    DELETE FROM audit_entry WHERE seq <= anchor.seq;
    GET DIAGNOSTICS last_old = ROW_COUNT;
    PERFORM set_config('madoguchi.audit_pruning', 'off', true);
    UPDATE audit_head SET pruned_seq = anchor.seq, pruned_hash = anchor.hash WHERE id = 1;
    RETURN QUERY SELECT last_old, anchor.seq;
END
$$;
REVOKE ALL ON FUNCTION prune_audit_entries(timestamptz) FROM PUBLIC;
