-- ログイン中のセッション: a login token names its session; every server checks it here, so ending it (logout, a
-- disabled account, a changed role, a reset password) ends the login everywhere at once.
CREATE TABLE staff_session (
    id           text        PRIMARY KEY,
    city_code    text        NOT NULL,
    username     text        NOT NULL,
    started_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    ended_at     timestamptz,
    ended_reason text
);
CREATE INDEX staff_session_open_by_user ON staff_session (username) WHERE ended_at IS NULL;
