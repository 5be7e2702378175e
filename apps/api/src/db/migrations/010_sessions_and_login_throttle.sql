-- Sessions get a public id (listed to their user; the token hash never leaves the server), the
-- User-Agent they were opened with and when they were last used (updated at most once a minute).
-- SQLite cannot add a primary key in place: the table is recreated, open sessions are kept.
CREATE TABLE sessions_next (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  user_agent TEXT
);
INSERT INTO sessions_next (token_hash, user_id, created_at, last_seen_at, expires_at)
  SELECT token_hash, user_id, created_at, created_at, expires_at FROM sessions;
DROP TABLE sessions;
ALTER TABLE sessions_next RENAME TO sessions;
CREATE INDEX sessions_user ON sessions (user_id, expires_at);
CREATE INDEX sessions_expiry ON sessions (expires_at);
-- Login throttling (services/loginThrottle.ts) replaces the per-account lockout: one counter row
-- per (address, account) pair and one per address, claimed with one UPSERT … RETURNING before the
-- password is checked, so concurrent attempts cannot all slip under the limit. Times in ms since
-- the epoch, so that the back-off is computed inside that one statement.
DROP TABLE login_failures;
CREATE TABLE login_throttle (
  key TEXT PRIMARY KEY,
  free_failures INTEGER NOT NULL,
  failures INTEGER NOT NULL,
  last_failure_ms INTEGER NOT NULL,
  blocked_until_ms INTEGER
);
CREATE INDEX login_throttle_last ON login_throttle (last_failure_ms);
