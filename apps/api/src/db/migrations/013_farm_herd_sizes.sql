-- A farm's herd changes over the years: the dairy cows per campaign year, so that a size class of
-- 2014 uses the 2014 herd (farms.herd_size stays the register's current value).
CREATE TABLE farm_herd_sizes (
  farm_id INTEGER NOT NULL REFERENCES farms (id),
  year INTEGER NOT NULL,
  herd_size INTEGER NOT NULL CHECK (herd_size >= 0),
  PRIMARY KEY (farm_id, year)
) WITHOUT ROWID;
