import type { InStatement } from "@libsql/client";
import { FARM_ATTRIBUTES, type FarmAttributeName } from "@monitor/domain";
import { comparableInitiativeIds, type DerivedInitiative, getCatalogue, withThemes } from "@monitor/surveys";
import type { Database } from "../db/client.ts";
import {
  CELL_ATTRIBUTES,
  counterColumnOf,
  counterCondition,
  type Population,
  ROLL_UP,
} from "./population.ts";

/**
 * The attributes a counter row is kept for (the farm as it was when its monitor was submitted):
 * one key column per farm attribute, read with the attribute's SQL in the campaign's year.
 */
const KEY = FARM_ATTRIBUTES.map((a) => a.counterColumn);

/**
 * The cells a farm is counted in (population.ts): which key columns each keeps (true) or rolls up
 * (false): every choice of at most CELL_ATTRIBUTES columns, and the full key.
 */
const CELLS: boolean[][] = (() => {
  const masks: boolean[][] = [];
  for (let bits = 0; bits < 1 << KEY.length; bits++) {
    const mask = KEY.map((_, i) => (bits & (1 << i)) !== 0);
    const kept = mask.filter(Boolean).length;
    if (kept <= CELL_ATTRIBUTES || kept === KEY.length) masks.push(mask);
  }
  return masks;
})();
const cellKeyOf = (key: readonly string[], mask: readonly boolean[]) =>
  key.map((value, i) => (mask[i] ? value : ROLL_UP));
const CELLS_SQL = `cells(${KEY.map((_, i) => `m${i}`).join(", ")}) AS (VALUES ${CELLS.map((m) => `(${m.map(Number).join(", ")})`).join(", ")})`;

/**
 * The key of a farm's counter row, as SQL over `farms f` and its campaign `c` (so the size class is
 * the herd's in the campaign's year), one expression per key column.
 */
export const COUNTER_KEY_SQL = FARM_ATTRIBUTES.map((a) => a.sql("c.year")).join(", ");

/** A sparse histogram: number of farms per count, only the counts that occur (JSON object keys). */
export type Counts = Record<string, number>;
const themeZeros = () => Object.fromEntries(getCatalogue().themes.map((t) => [t.id, {} as Counts]));

export interface ResponseCounts {
  total: number;
  comparable: number;
  /** Initiatives per theme, every theme listed (0 where none). */
  themes: Record<string, number>;
  initiatives: readonly string[];
}

export interface CounterRow {
  campaignId: number;
  /** The value of each key column. */
  key: Record<string, string>;
  farms: number;
  /** Sum of the farms' record keys, mod 2^32. */
  recordKeys: number;
  totals: Counts;
  comparable: Counts;
  themes: Record<string, Counts>;
  initiatives: Counts;
}

/** The counts a submitted response adds, from its derived initiatives. */
export function responseCounts(initiatives: readonly DerivedInitiative[]): ResponseCounts {
  const comparable = comparableInitiativeIds();
  const themes = Object.fromEntries(getCatalogue().themes.map((t) => [t.id as string, 0]));
  for (const i of initiatives) themes[i.theme] = (themes[i.theme] ?? 0) + 1;
  return {
    total: initiatives.length,
    comparable: initiatives.filter((i) => comparable.has(i.initiativeId)).length,
    themes,
    initiatives: initiatives.map((i) => i.initiativeId),
  };
}

/**
 * SQL that adds a delta to JSON counts in `column` with `json_set` (JSON paths such as `$."12"` or
 * `$."energy"."3"`), with its parameters in order; at most 40 paths per call (SQLite functions take
 * at most 127 arguments), calls nested. A count that comes back to 0 stays as a 0 entry; every
 * reader skips zeros. (Merging whole objects with json_each and GROUP BY cost about 2 ms per row.)
 */
function addDelta(
  column: string,
  delta: readonly [path: string, n: number][],
): { sql: string; args: unknown[] } {
  let sql = column;
  const args: unknown[] = [];
  for (let start = 0; start < delta.length; start += 40) {
    const chunk = delta.slice(start, start + 40);
    sql = `json_set(${sql}, ${chunk.map(() => `?, coalesce(json_extract(${column}, ?), 0) + ?`).join(", ")})`;
    for (const [path, n] of chunk) args.push(path, path, n);
  }
  return { sql, args };
}
const path = (...keys: (string | number)[]) => `$${keys.map((k) => `."${k}"`).join("")}`;

const increment = (counts: Counts, key: string | number) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

const TWO_32 = 4294967296;

const add = (into: Counts, from: Counts) => {
  for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n;
};

export class CounterRepository {
  constructor(private readonly db: Database) {}

  /**
   * Statements for the batch that submits (sign 1) or reopens (sign -1) one response: they change
   * the counter row of the farm's attributes, and only when `condition` holds after the change.
   */
  changeStatements(
    campaignId: number,
    farmId: number,
    counts: ResponseCounts,
    sign: 1 | -1,
    condition: { sql: string; args: unknown[] },
  ): InStatement[] {
    // Adding: the cells of the farm's attributes now. Taking out: those the response was counted in.
    const farmKey =
      sign === 1
        ? {
            sql: `SELECT ${COUNTER_KEY_SQL} FROM farms f, campaigns c WHERE f.id = ? AND c.id = ?`,
            args: [farmId, campaignId],
          }
        : {
            sql: `SELECT ${KEY.map((_, i) => `json_extract(r.counter_key, '$[${i}]')`).join(", ")}
                    FROM responses r WHERE r.campaign_id = ? AND r.farm_id = ?`,
            args: [campaignId, farmId],
          };
    // A new cell starts from the delta itself, as JSON parameters.
    const delta = (keys: readonly (string | number)[]) => {
      const object: Counts = {};
      for (const key of keys) object[key] = (object[key] ?? 0) + sign;
      return JSON.stringify(object);
    };
    const themeDeltas = JSON.stringify(
      Object.fromEntries(Object.entries(counts.themes).map(([theme, n]) => [theme, { [n]: sign }])),
    );
    const initiatives: Counts = {};
    for (const id of counts.initiatives) initiatives[id] = (initiatives[id] ?? 0) + sign;
    const updates = [
      ["totals", addDelta("totals", [[path(counts.total), sign]])],
      ["comparable", addDelta("comparable", [[path(counts.comparable), sign]])],
      [
        "themes",
        addDelta(
          "themes",
          Object.entries(counts.themes).map(([theme, n]) => [path(theme, n), sign]),
        ),
      ],
      [
        "initiatives",
        addDelta(
          "initiatives",
          Object.entries(initiatives).map(([id, n]) => [path(id), n]),
        ),
      ],
    ] as const;
    // One statement for every cell: a cell seen for the first time starts from the delta itself.
    return [
      {
        sql: `WITH farm_key(${KEY.join(", ")}) AS (${farmKey.sql}), ${CELLS_SQL}
              INSERT INTO statistic_counters (campaign_id, ${KEY.join(", ")}, farms, record_keys, totals, comparable, themes, initiatives)
              SELECT ?, ${KEY.map((column, i) => `CASE WHEN cells.m${i} THEN farm_key.${column} ELSE '${ROLL_UP}' END`).join(", ")},
                     ?, ((? * coalesce((SELECT record_key FROM farms WHERE id = ?), 0)) % 4294967296 + 4294967296) % 4294967296,
                     ?, ?, ?, ?
                FROM farm_key, cells WHERE ${condition.sql}
              ON CONFLICT (campaign_id, ${KEY.join(", ")}) DO UPDATE SET
                farms = farms + excluded.farms,
                record_keys = (record_keys + excluded.record_keys) % 4294967296,
                ${updates.map(([column, update]) => `${column} = ${update.sql}`).join(",\n                ")}`,
        args: [
          ...farmKey.args,
          campaignId,
          sign,
          sign,
          farmId,
          delta([counts.total]),
          delta([counts.comparable]),
          themeDeltas,
          delta(counts.initiatives),
          ...condition.args,
          ...updates.flatMap(([, update]) => update.args),
        ] as never,
      },
    ];
  }

  /**
   * Counts every submitted response again from the row-level tables (after a bulk import, or
   * when the comparable initiatives changed), for one campaign or all.
   */
  async rebuild(campaignId?: number): Promise<void> {
    const rows = await this.db.query<
      Record<string, string> & { campaign_id: number; record_key: number | null; initiatives: string | null }
    >(
      `SELECT r.campaign_id, coalesce(f.record_key, 0) AS record_key, ${FARM_ATTRIBUTES.map((a) => `${a.sql("c.year")} AS ${a.counterColumn}`).join(", ")},
              (SELECT group_concat(ri.initiative_id) FROM response_initiatives ri WHERE ri.response_id = r.id) AS initiatives
         FROM responses r JOIN farms f ON f.id = r.farm_id JOIN campaigns c ON c.id = r.campaign_id
        WHERE r.status = 'submitted' ${campaignId === undefined ? "" : "AND r.campaign_id = ?"}`,
      campaignId === undefined ? [] : [campaignId],
    );
    const counters = new Map<string, CounterRow>();
    for (const row of rows) {
      const key = Object.fromEntries(KEY.map((column) => [column, row[column] as string]));
      const id = [row.campaign_id, ...KEY.map((column) => row[column])].join("\u0000");
      const counter = counters.get(id) ?? {
        campaignId: Number(row.campaign_id),
        key,
        farms: 0,
        recordKeys: 0,
        totals: {},
        comparable: {},
        themes: themeZeros(),
        initiatives: {},
      };
      const ids = row.initiatives ? row.initiatives.split(",") : [];
      const counts = responseCounts(withThemes(ids));
      counter.farms++;
      counter.recordKeys = (counter.recordKeys + Number(row.record_key)) % TWO_32;
      increment(counter.totals, counts.total);
      increment(counter.comparable, counts.comparable);
      for (const [theme, n] of Object.entries(counts.themes)) {
        counter.themes[theme] ??= {};
        increment(counter.themes[theme], n);
      }
      for (const initiative of counts.initiatives) increment(counter.initiatives, initiative);
      counters.set(id, counter);
    }
    const cells = new Map<string, CounterRow>();
    for (const c of counters.values()) {
      const fullKey = KEY.map((column) => c.key[column] as string);
      for (const mask of CELLS) {
        const cellKey = cellKeyOf(fullKey, mask);
        const id = [c.campaignId, ...cellKey].join("\u0000");
        const cell = cells.get(id) ?? {
          campaignId: c.campaignId,
          key: Object.fromEntries(KEY.map((column, i) => [column, cellKey[i] as string])),
          farms: 0,
          recordKeys: 0,
          totals: {},
          comparable: {},
          themes: themeZeros(),
          initiatives: {},
        };
        cell.farms += c.farms;
        cell.recordKeys = (cell.recordKeys + c.recordKeys) % TWO_32;
        add(cell.totals, c.totals);
        add(cell.comparable, c.comparable);
        for (const [theme, counts] of Object.entries(c.themes)) {
          cell.themes[theme] ??= {};
          add(cell.themes[theme], counts);
        }
        add(cell.initiatives, c.initiatives);
        cells.set(id, cell);
      }
    }
    const inserts: InStatement[] = [...cells.values()].map((c) => ({
      sql: `INSERT INTO statistic_counters (campaign_id, ${KEY.join(", ")}, farms, record_keys, totals, comparable, themes, initiatives)
            VALUES (?, ${KEY.map(() => "?").join(", ")}, ?, ?, ?, ?, ?, ?)`,
      args: [
        c.campaignId,
        ...KEY.map((column) => c.key[column] as string),
        c.farms,
        c.recordKeys,
        JSON.stringify(c.totals),
        JSON.stringify(c.comparable),
        JSON.stringify(c.themes),
        JSON.stringify(c.initiatives),
      ],
    }));
    const scope = campaignId === undefined ? "" : "AND campaign_id = ?";
    const scopeArgs = campaignId === undefined ? [] : [campaignId];
    await this.db.write([
      { sql: `DELETE FROM statistic_counters WHERE 1 = 1 ${scope}`, args: scopeArgs },
      ...inserts,
      {
        sql: `UPDATE responses SET counter_key = (SELECT json_array(${COUNTER_KEY_SQL}) FROM farms f, campaigns c
                                                    WHERE f.id = responses.farm_id AND c.id = responses.campaign_id)
               WHERE status = 'submitted' ${scope}`,
        args: scopeArgs,
      },
    ]);
  }

  /**
   * True when a campaign has submitted monitors but no roll-up counter row: a database counted
   * before the counters (or the roll-up rows) existed.
   */
  async missing(): Promise<boolean> {
    const row = await this.db.queryOne<{ missing: number }>(
      `SELECT EXISTS (
         SELECT 1 FROM responses r WHERE r.status = 'submitted' AND NOT EXISTS (
           SELECT 1 FROM statistic_counters c WHERE c.campaign_id = r.campaign_id AND ${KEY.map((column) => `c.${column} = ?`).join(" AND ")})) AS missing`,
      KEY.map(() => ROLL_UP),
    );
    return Number(row?.missing ?? 0) === 1;
  }

  /**
   * Farms per count (of all initiatives, or of the comparable ones), summed over the population's
   * counter rows by SQLite itself; per campaign when `campaignId` is null, per value of a farm
   * attribute with `groupBy`.
   */
  async histograms(
    campaignId: number | null,
    population: Population,
    field: "totals" | "comparable",
    groupBy?: FarmAttributeName,
  ): Promise<{ campaignId: number; group: string; total: number; farms: number }[]> {
    const where = counterCondition(population, groupBy);
    const group = groupBy === undefined ? "''" : counterColumnOf(groupBy);
    const rows = await this.db.query<{ campaign_id: number; grp: string; total: string; farms: number }>(
      `SELECT c.campaign_id, ${group} AS grp, h.key AS total, sum(h.value) AS farms
         FROM statistic_counters c, json_each(c.${field}) h
        WHERE ${campaignId === null ? "1 = 1" : "c.campaign_id = ?"} AND ${where.sql}
        GROUP BY c.campaign_id, grp, h.key`,
      campaignId === null ? where.args : [campaignId, ...where.args],
    );
    return rows
      .map((r) => ({
        campaignId: Number(r.campaign_id),
        group: r.grp,
        total: Number(r.total),
        farms: Number(r.farms),
      }))
      .filter((r) => r.farms > 0);
  }

  /**
   * The farms of a population and the sum of their record keys (mod 2^32), the key of its noise in
   * disclosure control; per campaign when `campaignId` is null, per attribute value with `groupBy`.
   */
  async populationKeys(
    campaignId: number | null,
    population: Population,
    groupBy?: FarmAttributeName,
  ): Promise<{ campaignId: number; group: string; farms: number; keySum: number }[]> {
    const where = counterCondition(population, groupBy);
    const group = groupBy === undefined ? "''" : counterColumnOf(groupBy);
    const rows = await this.db.query<{ campaign_id: number; grp: string; farms: number; key_sum: number }>(
      `SELECT c.campaign_id, ${group} AS grp, sum(c.farms) AS farms, sum(c.record_keys) % 4294967296 AS key_sum
         FROM statistic_counters c
        WHERE ${campaignId === null ? "1 = 1" : "c.campaign_id = ?"} AND ${where.sql}
        GROUP BY c.campaign_id, grp`,
      campaignId === null ? where.args : [campaignId, ...where.args],
    );
    return rows.map((r) => ({
      campaignId: Number(r.campaign_id),
      group: r.grp,
      farms: Number(r.farms),
      keySum: Number(r.key_sum),
    }));
  }

  /** Per theme, farms per number of initiatives in that theme, in one campaign. */
  async themeHistograms(
    campaignId: number,
    population: Population,
  ): Promise<{ theme: string; total: number; farms: number }[]> {
    const where = counterCondition(population);
    const rows = await this.db.query<{ theme: string; total: string; farms: number }>(
      `SELECT t.key AS theme, h.key AS total, sum(h.value) AS farms
         FROM statistic_counters c, json_each(c.themes) t, json_each(t.value) h
        WHERE c.campaign_id = ? AND ${where.sql}
        GROUP BY t.key, h.key`,
      [campaignId, ...where.args],
    );
    return rows
      .map((r) => ({ theme: r.theme, total: Number(r.total), farms: Number(r.farms) }))
      .filter((r) => r.farms > 0);
  }

  /** Farms that submitted, and how many of them take each initiative, in one campaign. */
  async initiativeCounts(
    campaignId: number,
    population: Population,
  ): Promise<{ farms: number; counts: Counts }> {
    const where = counterCondition(population);
    const [farms, rows] = await Promise.all([
      this.db.queryOne<{ farms: number | null }>(
        `SELECT sum(c.farms) AS farms FROM statistic_counters c WHERE c.campaign_id = ? AND ${where.sql}`,
        [campaignId, ...where.args],
      ),
      this.db.query<{ initiative_id: string; farms: number }>(
        `SELECT i.key AS initiative_id, sum(i.value) AS farms
           FROM statistic_counters c, json_each(c.initiatives) i
          WHERE c.campaign_id = ? AND ${where.sql}
          GROUP BY i.key`,
        [campaignId, ...where.args],
      ),
    ]);
    const counts: Counts = {};
    for (const row of rows) if (Number(row.farms) > 0) counts[row.initiative_id] = Number(row.farms);
    return { farms: Number(farms?.farms ?? 0), counts };
  }
}
