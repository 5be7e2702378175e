-- Organisations the farms relate to: dairy buyers, certification bodies, inspection bodies.
CREATE TABLE organisations (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('dairy_buyer', 'certification_body', 'inspection_body')),
  name TEXT NOT NULL
);

CREATE TABLE farms (
  id INTEGER PRIMARY KEY,
  herd_number TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  region TEXT NOT NULL CHECK (region IN ('flanders', 'wallonia', 'east_belgium', 'netherlands', 'france', 'germany')),
  province TEXT NOT NULL,
  herd_size INTEGER NOT NULL CHECK (herd_size >= 0),
  dairy_buyer_id TEXT REFERENCES organisations (id),
  certification_body_id TEXT REFERENCES organisations (id),
  inspection_body_id TEXT REFERENCES organisations (id),
  active INTEGER NOT NULL DEFAULT 1,
  stopped_on TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX farms_dairy_buyer ON farms (dairy_buyer_id);
CREATE INDEX farms_certification_body ON farms (certification_body_id);
CREATE INDEX farms_inspection_body ON farms (inspection_body_id);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  locale TEXT NOT NULL DEFAULT 'nl' CHECK (locale IN ('nl', 'fr', 'de', 'en')),
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);

CREATE TABLE award_editions (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  year INTEGER NOT NULL
);

-- A role held within a scope: farmer of a farm, sector analyst of all farms, a certification body
-- or a dairy buyer, juror of an award edition, auditor of an inspection body, administrator of all.
CREATE TABLE memberships (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('farmer', 'sector_analyst', 'juror', 'auditor', 'admin')),
  scope_type TEXT NOT NULL CHECK (scope_type IN ('all', 'farm', 'dairy_buyer', 'certification_body', 'inspection_body', 'award_edition')),
  scope_id TEXT,
  UNIQUE (user_id, role, scope_type, scope_id)
);
CREATE INDEX memberships_user ON memberships (user_id);
CREATE INDEX memberships_scope ON memberships (scope_type, scope_id);

-- Only a hash of the session token is stored: a leaked table does not open sessions.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_failures (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL COLLATE NOCASE,
  failed_at TEXT NOT NULL
);
CREATE INDEX login_failures_email ON login_failures (email, failed_at);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id INTEGER REFERENCES users (id),
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT,
  detail TEXT,
  request_id TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
