-- Audits as the auditor records them: the result, a note, who recorded it and when. Rows from
-- before (seeded periodic audits) keep a null recorder.
ALTER TABLE audits ADD COLUMN result TEXT CHECK (result IN ('compliant', 'findings', 'non_compliant'));
ALTER TABLE audits ADD COLUMN note TEXT;
ALTER TABLE audits ADD COLUMN recorded_by INTEGER REFERENCES users (id);
ALTER TABLE audits ADD COLUMN recorded_at TEXT;
CREATE INDEX audits_farm_date ON audits (farm_id, audited_on);

-- One-time links an administrator hands out (no mail server is assumed): an invitation sets the
-- first password, a reset sets a new one. Only the hash of the token is stored.
CREATE TABLE one_time_tokens (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('invitation', 'password_reset')),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  created_by INTEGER REFERENCES users (id)
);
CREATE INDEX one_time_tokens_user ON one_time_tokens (user_id);

-- A later deadline for one farm in one campaign; everyone's deadline is the campaign's closes_at.
CREATE TABLE deadline_extensions (
  campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
  farm_id INTEGER NOT NULL REFERENCES farms (id),
  closes_at TEXT NOT NULL,
  granted_by INTEGER REFERENCES users (id),
  granted_at TEXT NOT NULL,
  PRIMARY KEY (campaign_id, farm_id)
);

-- The audit log is searched by action and by actor over a period.
CREATE INDEX audit_log_action ON audit_log (action, at);
CREATE INDEX audit_log_user ON audit_log (user_id, at);
