import { countInitiatives, getVersion } from "@monitor/surveys";
import type { Database } from "../apps/api/src/db/client.ts";
import { type Timing, time } from "./stats.ts";

/**
 * The floor: the plain per-request SQL that returns the same counts a view shows (row-level
 * tables, their indexes, no counters), run directly on the database file, with no HTTP, JSON or
 * disclosure control on top. And the naive baseline: every submitted answer set of the campaign
 * loaded and counted in JavaScript, what a generic survey dashboard does.
 */
type Query = [sql: string, args: unknown[]];

const SUBMITTED = "r.status = 'submitted'";

function floorQueries(
  view: string,
  ids: { previous: number; earlier: number; farmId: number },
  filter: string,
  args: unknown[],
): Query[] {
  const c = ids.previous;
  const histogram = (where: string, whereArgs: unknown[]): Query => [
    `SELECT r.initiative_total AS total, count(*) AS farms, sum(f.record_key) % 4294967296 AS keys
       FROM responses r JOIN farms f ON f.id = r.farm_id
      WHERE r.campaign_id = ? AND ${SUBMITTED} AND ${where} GROUP BY r.initiative_total`,
    [c, ...whereArgs],
  ];
  const adoption = (campaign: number, where: string, whereArgs: unknown[]): Query => [
    `SELECT ri.initiative_id, count(*) AS farms FROM response_initiatives ri
       JOIN responses r ON r.id = ri.response_id JOIN farms f ON f.id = r.farm_id
      WHERE r.campaign_id = ? AND ${SUBMITTED} AND ${where} GROUP BY ri.initiative_id`,
    [campaign, ...whereArgs],
  ];
  switch (view) {
    case "trend":
      return [
        [
          `SELECT r.campaign_id, r.initiative_total, r.comparable_total, count(*) AS farms, sum(f.record_key) % 4294967296 AS keys
             FROM responses r JOIN farms f ON f.id = r.farm_id
            WHERE ${SUBMITTED} AND ${filter} GROUP BY r.campaign_id, r.initiative_total, r.comparable_total`,
          args,
        ],
      ];
    case "distribution":
      return [histogram(filter, args)];
    case "adoption":
      return [histogram(filter, args), adoption(c, filter, args), adoption(ids.earlier, filter, args)];
    case "breakdown":
      return [
        [
          `SELECT f.dairy_buyer_id, r.initiative_total, count(*) AS farms, sum(f.record_key) % 4294967296 AS keys
             FROM responses r JOIN farms f ON f.id = r.farm_id
            WHERE r.campaign_id = ? AND ${SUBMITTED} AND ${filter} GROUP BY f.dairy_buyer_id, r.initiative_total`,
          [c, ...args],
        ],
      ];
    case "participation":
      return [
        [
          `SELECT count(*) AS registered, sum(f.record_key) % 4294967296, count(r.id), count(CASE WHEN ${SUBMITTED} THEN 1 END)
             FROM campaigns c JOIN farms f ON f.created_at < (c.year + 1) || '-01-01'
                  AND (f.stopped_on IS NULL OR f.stopped_on >= (c.year + 1) || '-01-01')
             LEFT JOIN responses r ON r.farm_id = f.id AND r.campaign_id = c.id
            WHERE c.id = ? AND ${filter}`,
          [c, ...args],
        ],
        [
          `SELECT count(DISTINCT a.farm_id) FROM campaigns c
             JOIN audits a ON a.kind = 'periodic' AND a.audited_on >= c.year || '-01-01' AND a.audited_on < (c.year + 1) || '-01-01'
             JOIN farms f ON f.id = a.farm_id WHERE c.id = ? AND ${filter}`,
          [c, ...args],
        ],
      ];
    case "results":
      return [
        histogram("1 = 1", []),
        histogram("f.region = (SELECT region FROM farms WHERE id = ?)", [ids.farmId]),
        histogram("f.herd_size BETWEEN 50 AND 99", []),
        [
          `SELECT ri.theme, n, count(*) FROM (SELECT ri.theme, count(*) AS n FROM response_initiatives ri
             JOIN responses r ON r.id = ri.response_id WHERE r.campaign_id = ? AND ${SUBMITTED} GROUP BY r.id, ri.theme) ri
            GROUP BY ri.theme, n`,
          [c],
        ],
        adoption(c, "f.region = (SELECT region FROM farms WHERE id = ?)", [ids.farmId]),
      ];
    default:
      return [];
  }
}

const FILTERS: Record<string, [string, unknown[]]> = {
  "": ["1 = 1", []],
  ", Wallonia": ["f.region = ?", ["wallonia"]],
  ", Flanders × 50–99 cows": ["f.region = ? AND f.herd_size BETWEEN 50 AND 99", ["flanders"]],
};

/** At most about this long per floor query once it has run 3 times: some take seconds at 100,000 farms. */
const BUDGET_MS = 15_000;

export interface FloorTiming {
  name: string;
  view: string;
  timing: Timing;
}

/** The floor of each view and filter that the HTTP reads time (same names). */
export async function timeFloor(
  db: Database,
  ids: { previous: number; earlier: number; farmId: number },
  warmUp: number,
  runs: number,
): Promise<FloorTiming[]> {
  const out: FloorTiming[] = [];
  for (const view of ["trend", "participation", "adoption", "distribution", "breakdown"]) {
    for (const [label, [filter, args]] of Object.entries(FILTERS)) {
      if (view === "breakdown" && label.includes("×")) continue;
      const queries = floorQueries(view, ids, filter, args);
      out.push({
        name: `${view}${label}`,
        view,
        timing: await time(() => runAll(db, queries), warmUp, runs, BUDGET_MS),
      });
    }
  }
  const results = floorQueries("results", ids, "", []);
  out.push({
    name: "farmer's results",
    view: "results",
    timing: await time(() => runAll(db, results), warmUp, runs, BUDGET_MS),
  });
  return out;
}

const runAll = (db: Database, queries: Query[]) =>
  Promise.all(queries.map(([sql, args]) => db.query(sql, args)));

/** Adoption and the distribution of one campaign, counted from every submitted answer set in JavaScript. */
export async function timeNaive(db: Database, campaignId: number, runs: number): Promise<Timing> {
  return time(
    async () => {
      const rows = await db.query<{ data: string; survey_version_id: string }>(
        "SELECT r.data, r.survey_version_id FROM responses r WHERE r.campaign_id = ? AND r.status = 'submitted'",
        [campaignId],
      );
      const adoption = new Map<string, number>();
      const histogram = new Map<number, number>();
      for (const row of rows) {
        const version = getVersion(row.survey_version_id);
        if (!version) continue;
        const counted = countInitiatives(version, JSON.parse(row.data));
        histogram.set(counted.total, (histogram.get(counted.total) ?? 0) + 1);
        for (const id of counted.initiatives) adoption.set(id, (adoption.get(id) ?? 0) + 1);
      }
      return [adoption, histogram];
    },
    1,
    runs,
  );
}
