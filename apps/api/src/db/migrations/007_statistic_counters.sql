-- Statistics at scale: per campaign and per combination of the farm attributes the sector views
-- filter on, the submitted monitors' counts as small histograms (JSON arrays indexed by a count)
-- and counts per initiative. Kept in the submission's batch; a filtered view sums the matching rows
-- (at most a few thousand), whatever the number of farms. The row-level tables stay the reference.
CREATE TABLE statistic_counters (
  campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
  region TEXT NOT NULL,
  province TEXT NOT NULL,
  size_class TEXT NOT NULL,
  dairy_buyer_id TEXT NOT NULL,
  certification_body_id TEXT NOT NULL,
  inspection_body_id TEXT NOT NULL,
  farms INTEGER NOT NULL,
  totals TEXT NOT NULL,
  comparable TEXT NOT NULL,
  themes TEXT NOT NULL,
  initiatives TEXT NOT NULL,
  PRIMARY KEY (campaign_id, region, province, size_class, dairy_buyer_id, certification_body_id, inspection_body_id)
);
