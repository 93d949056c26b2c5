-- Backups taken and how their check went (restored into a scratch copy), for the administrator's page and the
-- metrics. The store keeps each backup's own manifest too, so this history is not needed to restore.
CREATE TABLE backup_run (
    id          text        PRIMARY KEY,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz NOT NULL,
    verified    boolean     NOT NULL,
    bytes       bigint      NOT NULL,
    summary     text        NOT NULL
);
CREATE INDEX backup_run_recent ON backup_run (finished_at DESC);
