-- Runs after every migration (Flyway callback). The application logs in as its own role (${appRole}), which owns
-- the operational tables (a FULL import swaps partitions, which takes ownership) but may only read and append
-- to the access history: no UPDATE, DELETE or TRUNCATE, and not being the owner it cannot switch the trigger
-- off either. Pruning goes through prune_audit_entries, which runs with the owner's rights.
-- When the application uses the owner's login itself (a one-user external database), nothing is handed over.
DO $$
DECLARE
    app text := '${appRole}';
    rel record;
BEGIN
    IF app = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE, CREATE ON SCHEMA public TO %I', app);
    FOR rel IN
        SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'S')
           AND c.relname NOT LIKE 'audit\_%' AND c.relname <> 'flyway_schema_history'
           AND pg_get_userbyid(c.relowner) <> app
           -- a sequence that belongs to a column follows its table
           AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
    LOOP
        EXECUTE format('ALTER %s %I OWNER TO %I',
                       CASE rel.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END, rel.relname, app);
    END LOOP;
    EXECUTE format('GRANT SELECT ON flyway_schema_history TO %I', app);
    EXECUTE format('REVOKE ALL ON audit_entry, audit_checkpoint, audit_head FROM %I', app);
    EXECUTE format('GRANT SELECT, INSERT ON audit_entry, audit_checkpoint TO %I', app);
    EXECUTE format('GRANT SELECT, UPDATE ON audit_head TO %I', app);
    EXECUTE format('GRANT EXECUTE ON FUNCTION prune_audit_entries(timestamptz) TO %I', app);
END
$$;
