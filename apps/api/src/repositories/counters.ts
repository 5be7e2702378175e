import type { InStatement } from "@libsql/client";
import { type HistogramBin, SIZE_CLASSES } from "@monitor/domain";
import { comparableInitiativeIds, getCatalogue } from "@monitor/surveys";
import type { Database } from "../db/client.ts";
import type { Population } from "./statistics.ts";

/** The attributes a counter row is kept for (the farm as it was when its monitor was submitted). */
const KEY = [
  "region",
  "province",
  "size_class",
  "dairy_buyer_id",
  "certification_body_id",
  "inspection_body_id",
] as const;
type KeyColumn = (typeof KEY)[number];

const SIZE_CLASS_OF_HERD = `CASE ${SIZE_CLASSES.map((c) => `WHEN f.herd_size >= ${c.min}${c.max === null ? "" : ` AND f.herd_size <= ${c.max}`} THEN '${c.id}'`).join(" ")} END`;
/** The key of a farm's counter row, as SQL over `farms f`, one expression per key column. */
const FARM_KEY = [
  "f.region",
  "f.province",
  SIZE_CLASS_OF_HERD,
  "coalesce(f.dairy_buyer_id, '')",
  "coalesce(f.certification_body_id, '')",
  "coalesce(f.inspection_body_id, '')",
];
const FARM_KEY_SQL = FARM_KEY.join(", ");

/** One more than the largest count a histogram can hold: every initiative of the catalogue. */
const histogramLength = () => getCatalogue().initiatives.length + 1;
const zeros = () => new Array<number>(histogramLength()).fill(0);
const themeZeros = () => Object.fromEntries(getCatalogue().themes.map((t) => [t.id, zeros()]));

export interface ResponseCounts {
  total: number;
  comparable: number;
  /** Initiatives per theme, every theme listed (0 where none). */
  themes: Record<string, number>;
  initiatives: readonly string[];
}

export interface CounterRow {
  campaignId: number;
  key: Record<KeyColumn, string>;
  farms: number;
  totals: number[];
  comparable: number[];
  themes: Record<string, number[]>;
  initiatives: Record<string, number>;
}

/** The counts a submitted response adds, from its derived initiatives. */
export function responseCounts(
  initiatives: readonly { initiativeId: string; theme: string }[],
): ResponseCounts {
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

function histogramOf(counts: number[]): HistogramBin[] {
  return counts.flatMap((farms, total) => (farms ? [{ total, farms }] : []));
}

export function addCounts(into: number[], from: readonly number[]) {
  from.forEach((n, index) => {
    into[index] = (into[index] ?? 0) + n;
  });
  return into;
}

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
    const match = `(campaign_id, ${KEY.join(", ")}) = (SELECT ?, ${FARM_KEY_SQL} FROM farms f WHERE f.id = ?)`;
    const themePaths = Object.entries(counts.themes).flatMap(([theme, n]) => [`$.${theme}[${n}]`]);
    const initiativePaths = counts.initiatives.map((id) => `$."${id}"`);
    const setThemes = themePaths.length
      ? `json_set(themes, ${themePaths.map(() => "?, json_extract(themes, ?) + ?").join(", ")})`
      : "themes";
    const setInitiatives = initiativePaths.length
      ? `json_set(initiatives, ${initiativePaths.map(() => "?, coalesce(json_extract(initiatives, ?), 0) + ?").join(", ")})`
      : "initiatives";
    return [
      {
        sql: `INSERT INTO statistic_counters (campaign_id, ${KEY.join(", ")}, farms, totals, comparable, themes, initiatives)
              SELECT ?, ${FARM_KEY_SQL}, 0, ?, ?, ?, '{}' FROM farms f WHERE f.id = ? AND ${condition.sql}
              ON CONFLICT DO NOTHING`,
        args: [
          campaignId,
          JSON.stringify(zeros()),
          JSON.stringify(zeros()),
          JSON.stringify(themeZeros()),
          farmId,
          ...condition.args,
        ] as never,
      },
      {
        sql: `UPDATE statistic_counters SET farms = farms + ?,
                totals = json_set(totals, ?, json_extract(totals, ?) + ?),
                comparable = json_set(comparable, ?, json_extract(comparable, ?) + ?),
                themes = ${setThemes},
                initiatives = ${setInitiatives}
              WHERE ${match} AND ${condition.sql}`,
        args: [
          sign,
          `$[${counts.total}]`,
          `$[${counts.total}]`,
          sign,
          `$[${counts.comparable}]`,
          `$[${counts.comparable}]`,
          sign,
          ...themePaths.flatMap((path) => [path, path, sign]),
          ...initiativePaths.flatMap((path) => [path, path, sign]),
          campaignId,
          farmId,
          ...condition.args,
        ] as never,
      },
    ];
  }

  /**
   * Counts every submitted response again from the row-level tables (after a bulk import, or
   * when the comparable initiatives changed), for one campaign or all.
   */
  async rebuild(campaignId?: number): Promise<void> {
    const themeOf = new Map(getCatalogue().initiatives.map((i) => [i.id, i.theme as string]));
    const rows = await this.db.query<
      Record<KeyColumn, string> & { campaign_id: number; initiatives: string | null }
    >(
      `SELECT r.campaign_id, ${FARM_KEY.map((expression, index) => `${expression} AS ${KEY[index]}`).join(", ")},
              (SELECT group_concat(ri.initiative_id) FROM response_initiatives ri WHERE ri.response_id = r.id) AS initiatives
         FROM responses r JOIN farms f ON f.id = r.farm_id
        WHERE r.status = 'submitted' ${campaignId === undefined ? "" : "AND r.campaign_id = ?"}`,
      campaignId === undefined ? [] : [campaignId],
    );
    const counters = new Map<string, CounterRow>();
    for (const row of rows) {
      const key = Object.fromEntries(KEY.map((column) => [column, row[column]])) as Record<KeyColumn, string>;
      const id = [row.campaign_id, ...KEY.map((column) => row[column])].join("\u0000");
      const counter = counters.get(id) ?? {
        campaignId: Number(row.campaign_id),
        key,
        farms: 0,
        totals: zeros(),
        comparable: zeros(),
        themes: themeZeros(),
        initiatives: {},
      };
      const ids = row.initiatives ? row.initiatives.split(",") : [];
      const counts = responseCounts(
        ids.map((initiativeId) => ({ initiativeId, theme: themeOf.get(initiativeId) ?? "unknown" })),
      );
      counter.farms++;
      counter.totals[counts.total] = (counter.totals[counts.total] ?? 0) + 1;
      counter.comparable[counts.comparable] = (counter.comparable[counts.comparable] ?? 0) + 1;
      for (const [theme, n] of Object.entries(counts.themes)) {
        const histogram = counter.themes[theme];
        if (histogram) histogram[n] = (histogram[n] ?? 0) + 1;
      }
      for (const initiative of counts.initiatives)
        counter.initiatives[initiative] = (counter.initiatives[initiative] ?? 0) + 1;
      counters.set(id, counter);
    }
    const inserts: InStatement[] = [...counters.values()].map((c) => ({
      sql: `INSERT INTO statistic_counters (campaign_id, ${KEY.join(", ")}, farms, totals, comparable, themes, initiatives)
            VALUES (?, ${KEY.map(() => "?").join(", ")}, ?, ?, ?, ?, ?)`,
      args: [
        c.campaignId,
        ...KEY.map((column) => c.key[column]),
        c.farms,
        JSON.stringify(c.totals),
        JSON.stringify(c.comparable),
        JSON.stringify(c.themes),
        JSON.stringify(c.initiatives),
      ],
    }));
    await this.db.write([
      campaignId === undefined
        ? { sql: "DELETE FROM statistic_counters", args: [] }
        : { sql: "DELETE FROM statistic_counters WHERE campaign_id = ?", args: [campaignId] },
      ...inserts,
    ]);
  }

  /** True when submitted monitors exist but no counter row does. */
  async missing(): Promise<boolean> {
    const row = await this.db.queryOne<{ missing: number }>(
      `SELECT EXISTS (SELECT 1 FROM responses WHERE status = 'submitted')
              AND NOT EXISTS (SELECT 1 FROM statistic_counters) AS missing`,
    );
    return Number(row?.missing ?? 0) === 1;
  }

  /** The counter rows of a population, for one campaign or all; only the asked fields are read. */
  async rows(
    campaignId: number | null,
    population: Population,
    fields: readonly ("totals" | "comparable" | "themes" | "initiatives")[],
  ): Promise<CounterRow[]> {
    const where = counterCondition(population);
    const rows = await this.db.query<
      Record<KeyColumn, string> & { campaign_id: number; farms: number } & Record<string, string>
    >(
      `SELECT campaign_id, ${KEY.join(", ")}, farms${fields.map((f) => `, ${f}`).join("")}
         FROM statistic_counters
        WHERE ${campaignId === null ? "1 = 1" : "campaign_id = ?"} AND ${where.sql}`,
      campaignId === null ? where.args : [campaignId, ...where.args],
    );
    return rows.map((row) => ({
      campaignId: Number(row.campaign_id),
      key: Object.fromEntries(KEY.map((column) => [column, row[column]])) as Record<KeyColumn, string>,
      farms: Number(row.farms),
      totals: fields.includes("totals") ? (JSON.parse(row.totals ?? "[]") as number[]) : [],
      comparable: fields.includes("comparable") ? (JSON.parse(row.comparable ?? "[]") as number[]) : [],
      themes: fields.includes("themes") ? (JSON.parse(row.themes ?? "{}") as Record<string, number[]>) : {},
      initiatives: fields.includes("initiatives")
        ? (JSON.parse(row.initiatives ?? "{}") as Record<string, number>)
        : {},
    }));
  }
}

/** Sums the histograms of counter rows. */
export function sumHistograms(rows: readonly CounterRow[], field: "totals" | "comparable"): HistogramBin[] {
  return histogramOf(rows.reduce((sum, row) => addCounts(sum, row[field]), [] as number[]));
}

function counterCondition(p: Population): { sql: string; args: unknown[] } {
  const parts: string[] = [];
  const args: unknown[] = [];
  const equal = (column: KeyColumn, value: string | undefined) => {
    if (value === undefined) return;
    parts.push(`${column} = ?`);
    args.push(value);
  };
  if (p.scope.kind === "dairy_buyer") equal("dairy_buyer_id", p.scope.id);
  if (p.scope.kind === "certification_body") equal("certification_body_id", p.scope.id);
  equal("region", p.region);
  equal("province", p.province);
  equal("size_class", p.sizeClass);
  equal("dairy_buyer_id", p.dairyBuyerId);
  equal("certification_body_id", p.certificationBodyId);
  equal("inspection_body_id", p.inspectionBodyId);
  return { sql: parts.length ? parts.join(" AND ") : "1 = 1", args };
}
