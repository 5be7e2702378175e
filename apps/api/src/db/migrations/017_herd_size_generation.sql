-- A farm's size class in a campaign is its herd of that year (farm_herd_sizes, else the register):
-- a kept figure counted per size class goes stale when a year's herd is recorded or corrected.
CREATE TRIGGER aggregate_herd_sizes_insert AFTER INSERT ON farm_herd_sizes BEGIN UPDATE aggregate_generation SET generation = generation + 1; END;
CREATE TRIGGER aggregate_herd_sizes_update AFTER UPDATE ON farm_herd_sizes BEGIN UPDATE aggregate_generation SET generation = generation + 1; END;
CREATE TRIGGER aggregate_herd_sizes_delete AFTER DELETE ON farm_herd_sizes BEGIN UPDATE aggregate_generation SET generation = generation + 1; END;
-- Counters kept before counted every campaign by the register's herd: counted again at start.
DELETE FROM statistic_counters;
