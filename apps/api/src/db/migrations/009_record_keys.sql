-- Disclosure control (docs/disclosure-control.md): every farm gets a secret, permanent random
-- record key; a view's noise is a function of the sum of the keys of the farms in it, so the same
-- farms always get the same noise and two views that differ by one farm get unrelated noise.
ALTER TABLE farms ADD COLUMN record_key INTEGER;
UPDATE farms SET record_key = abs(random()) % 4294967296;
CREATE TRIGGER farms_record_key AFTER INSERT ON farms WHEN NEW.record_key IS NULL BEGIN UPDATE farms SET record_key = abs(random()) % 4294967296 WHERE id = NEW.id; END;
-- Per counter row, the sum of the record keys of the farms counted in it. The counters are counted
-- again at start (a campaign without its roll-up row is recounted), now with the key sums.
ALTER TABLE statistic_counters ADD COLUMN record_keys INTEGER NOT NULL DEFAULT 0;
DELETE FROM statistic_counters;
