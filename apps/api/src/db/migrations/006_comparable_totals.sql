-- The number of a submitted response's initiatives that every questionnaire version asks, so the
-- series comparable across versions is a grouped count too. Filled in at start (see
-- registerSurveyVersions), and again whenever a new version changes which initiatives are shared.
ALTER TABLE responses ADD COLUMN comparable_total INTEGER;
CREATE INDEX responses_campaign_comparable ON responses (campaign_id, status, comparable_total);

-- Small facts the platform keeps about itself.
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
