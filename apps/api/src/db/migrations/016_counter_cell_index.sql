-- A trend reads one cell in every campaign: found by its key, not by scanning each campaign's cells.
CREATE INDEX statistic_counters_cell ON statistic_counters (region, province, size_class, dairy_buyer_id, certification_body_id, inspection_body_id, campaign_id);
