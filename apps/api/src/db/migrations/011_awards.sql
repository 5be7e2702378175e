-- Award editions: the campaign whose monitor counts, the entry window, theme weights, blind review,
-- the chair, and when the shortlist was closed (which reveals the candidates' identities to the jury).
ALTER TABLE award_editions ADD COLUMN campaign_id INTEGER REFERENCES campaigns (id);
ALTER TABLE award_editions ADD COLUMN opens_at TEXT;
ALTER TABLE award_editions ADD COLUMN closes_at TEXT;
ALTER TABLE award_editions ADD COLUMN blind INTEGER NOT NULL DEFAULT 1;
-- Theme id → weight, as JSON: the ranking applies them to the farm's initiatives per theme.
ALTER TABLE award_editions ADD COLUMN weights TEXT NOT NULL DEFAULT '{}';
ALTER TABLE award_editions ADD COLUMN chair_user_id INTEGER REFERENCES users (id);
ALTER TABLE award_editions ADD COLUMN shortlist_closed_at TEXT;
ALTER TABLE award_editions ADD COLUMN shortlist_closed_by INTEGER REFERENCES users (id);

CREATE TABLE award_categories (
  edition_id INTEGER NOT NULL REFERENCES award_editions (id) ON DELETE CASCADE,
  category TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (edition_id, category)
);

-- A farm's place in an edition: made on its first entry and kept for good, so its pseudonym stays
-- the same across pages, exports and a withdrawal followed by a new entry.
CREATE TABLE award_candidates (
  id INTEGER PRIMARY KEY,
  edition_id INTEGER NOT NULL REFERENCES award_editions (id) ON DELETE CASCADE,
  farm_id INTEGER NOT NULL REFERENCES farms (id),
  pseudonym TEXT NOT NULL,
  UNIQUE (edition_id, farm_id),
  UNIQUE (edition_id, pseudonym)
);

-- The consent ledger: who gave or withdrew the farm's consent to share the campaign's monitor with
-- the edition's jury, when, for which categories. Rows are only ever added; the latest one counts.
CREATE TABLE award_consents (
  id INTEGER PRIMARY KEY,
  candidate_id INTEGER NOT NULL REFERENCES award_candidates (id),
  action TEXT NOT NULL CHECK (action IN ('given', 'withdrawn')),
  categories TEXT NOT NULL DEFAULT '[]',
  user_id INTEGER NOT NULL REFERENCES users (id),
  at TEXT NOT NULL
);
CREATE INDEX award_consents_candidate ON award_consents (candidate_id, id);
CREATE TRIGGER award_consents_no_update BEFORE UPDATE ON award_consents
BEGIN SELECT RAISE(ABORT, 'the consent ledger is append-only'); END;
CREATE TRIGGER award_consents_no_delete BEFORE DELETE ON award_consents
BEGIN SELECT RAISE(ABORT, 'the consent ledger is append-only'); END;

CREATE TABLE award_scores (
  candidate_id INTEGER NOT NULL REFERENCES award_candidates (id),
  juror_id INTEGER NOT NULL REFERENCES users (id),
  score INTEGER CHECK (score BETWEEN 1 AND 10),
  note TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  PRIMARY KEY (candidate_id, juror_id)
);

-- A declared conflict of interest hides the farm from that juror for good.
CREATE TABLE award_conflicts (
  candidate_id INTEGER NOT NULL REFERENCES award_candidates (id),
  juror_id INTEGER NOT NULL REFERENCES users (id),
  reason TEXT NOT NULL DEFAULT '',
  declared_at TEXT NOT NULL,
  PRIMARY KEY (candidate_id, juror_id)
);

-- Shortlist decisions with their reason; every decision is kept, the latest counts.
CREATE TABLE award_decisions (
  id INTEGER PRIMARY KEY,
  candidate_id INTEGER NOT NULL REFERENCES award_candidates (id),
  decision TEXT NOT NULL CHECK (decision IN ('shortlisted', 'not_shortlisted')),
  reason TEXT NOT NULL,
  decided_by INTEGER NOT NULL REFERENCES users (id),
  at TEXT NOT NULL
);
CREATE INDEX award_decisions_candidate ON award_decisions (candidate_id, id);
