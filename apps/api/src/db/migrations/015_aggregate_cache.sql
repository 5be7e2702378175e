-- Figures counted from the register row by row (participation, farms per region) are kept per view
-- and population with the generation they were counted at. Any change to the register, to a
-- monitor's existence or status, to the audits or to the campaigns moves the generation on (one
-- row, by triggers, whatever path writes), and a kept figure of an older generation is counted again.
CREATE TABLE aggregate_generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  generation INTEGER NOT NULL
);
INSERT INTO aggregate_generation (id, generation) VALUES (1, 0);
CREATE TABLE aggregate_cache (
  view TEXT NOT NULL,
  population TEXT NOT NULL,
  generation INTEGER NOT NULL,
  figures TEXT NOT NULL,
  PRIMARY KEY (view, population)
) WITHOUT ROWID;
CREATE TRIGGER aggregate_farms_insert AFTER INSERT ON farms BEGIN UPDATE aggregate_generation SET generation = generation + 1; END;
CREATE TRIGGER aggregate_farms_update AFTER UPDATE ON farms BEGIN UPDATE aggregate_generation SET generation = generation + 1; END;
CREATE TRIGGER aggregate_farms_delete AFTER DELETE ON farms BEGIN UPDATE aggregate_generation SET generation = generation + 1; END;
CREATE TRIGGER aggregate_responses_insert AFTER INSERT ON responses BEGIN UPDATE aggregate_generation SET generation = generation + 1; END;
CREATE TRIGGER aggregate_responses_status AFTER UPDATE OF status, submitted_at, farm_id, campaign_id ON responses BEGIN UPDATE aggregate_generation SET generation = generation + 1; END;
CREATE TRIGGER aggregate_responses_delete AFTER DELETE ON responses BEGIN UPDATE aggregate_generation SET generation = generation + 1; END;
CREATE TRIGGER aggregate_audits_insert AFTER INSERT ON audits BEGIN UPDATE aggregate_generation SET generation = generation + 1; END;
CREATE TRIGGER aggregate_audits_update AFTER UPDATE ON audits BEGIN UPDATE aggregate_generation SET generation = generation + 1; END;
CREATE TRIGGER aggregate_audits_delete AFTER DELETE ON audits BEGIN UPDATE aggregate_generation SET generation = generation + 1; END;
CREATE TRIGGER aggregate_campaigns_insert AFTER INSERT ON campaigns BEGIN UPDATE aggregate_generation SET generation = generation + 1; END;
CREATE TRIGGER aggregate_campaigns_update AFTER UPDATE ON campaigns BEGIN UPDATE aggregate_generation SET generation = generation + 1; END;
CREATE TRIGGER aggregate_campaigns_delete AFTER DELETE ON campaigns BEGIN UPDATE aggregate_generation SET generation = generation + 1; END;
