-- 基幹連携の取得API の利用者（基幹系ごと）: the token is shown once and kept only as its SHA-256; a revoked client is
-- refused at once. Each client keeps its own cursor: the newest record it has acknowledged.
CREATE TABLE handoff_client (
    id                   bigserial   PRIMARY KEY,
    city_code            text        NOT NULL,
    name                 text        NOT NULL,
    token_sha256         text        NOT NULL,
    created_at           timestamptz NOT NULL,
    created_by           text        NOT NULL,
    revoked_at           timestamptz,
    acknowledged_through bigint      NOT NULL DEFAULT 0,
    acknowledged_at      timestamptz
);
CREATE UNIQUE INDEX handoff_client_token ON handoff_client (token_sha256);
