-- Audits of the quality system by the inspection bodies; the monitor is checked at the periodic audit.
CREATE TABLE audits (
  id INTEGER PRIMARY KEY,
  farm_id INTEGER NOT NULL REFERENCES farms (id),
  inspection_body_id TEXT REFERENCES organisations (id),
  audited_on TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('periodic', 'unannounced'))
);
CREATE INDEX audits_audited_on ON audits (audited_on);
CREATE INDEX audits_farm ON audits (farm_id);
