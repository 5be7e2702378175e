-- A submission or a reopening writes a token of its own on the response; the statements of the
-- same batch that follow (derived rows, counters, audit record) run only where that token stands,
-- so a lost race (a double click, a second instance) changes nothing.
ALTER TABLE responses ADD COLUMN write_token TEXT;
-- The counter row a submitted response was counted in (its farm's attributes at submission), so a
-- reopening takes it out of that same row even if the register changed since.
ALTER TABLE responses ADD COLUMN counter_key TEXT;
