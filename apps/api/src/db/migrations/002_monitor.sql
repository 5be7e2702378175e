-- Each questionnaire version the platform has served, with the hash of the exact JSON.
CREATE TABLE survey_versions (
  id TEXT PRIMARY KEY,
  year INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  registered_at TEXT NOT NULL
);

CREATE TABLE campaigns (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  year INTEGER NOT NULL UNIQUE,
  survey_version_id TEXT NOT NULL REFERENCES survey_versions (id),
  opens_at TEXT NOT NULL,
  closes_at TEXT NOT NULL
);

ALTER TABLE farms ADD COLUMN next_audit_on TEXT;

-- One monitor per farm and campaign, pinned to the questionnaire version and hash it answered.
CREATE TABLE responses (
  id INTEGER PRIMARY KEY,
  farm_id INTEGER NOT NULL REFERENCES farms (id),
  campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
  survey_version_id TEXT NOT NULL REFERENCES survey_versions (id),
  survey_hash TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
  version INTEGER NOT NULL,
  data TEXT NOT NULL,
  carried_over TEXT NOT NULL DEFAULT '[]',
  page INTEGER NOT NULL DEFAULT 0,
  locale TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  submitted_at TEXT,
  submitted_by INTEGER REFERENCES users (id),
  UNIQUE (farm_id, campaign_id)
);
CREATE INDEX responses_campaign_status ON responses (campaign_id, status);

-- Append-only: every accepted save, submission and reopening, so no answer is ever lost.
CREATE TABLE response_revisions (
  id INTEGER PRIMARY KEY,
  response_id INTEGER NOT NULL REFERENCES responses (id),
  version INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('save', 'submit', 'reopen')),
  data TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  saved_by INTEGER REFERENCES users (id),
  UNIQUE (response_id, version)
);

-- The initiatives a submitted response takes, written in the submission's transaction.
CREATE TABLE response_initiatives (
  response_id INTEGER NOT NULL REFERENCES responses (id),
  initiative_id TEXT NOT NULL,
  theme TEXT NOT NULL,
  PRIMARY KEY (response_id, initiative_id)
);
CREATE INDEX response_initiatives_initiative ON response_initiatives (initiative_id);

-- A retried write with the same key gets the first answer again.
CREATE TABLE idempotency_keys (
  user_id INTEGER NOT NULL REFERENCES users (id),
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (user_id, key)
);
