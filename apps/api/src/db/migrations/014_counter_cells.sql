-- Statistic counters per cell of the farm-attribute lattice (repositories/population.ts): besides
-- each full combination and the roll-up, every value of one attribute and every pair of values of
-- two, so a filtered view reads one row whatever the number of farms. Counted again at start.
DELETE FROM statistic_counters;
