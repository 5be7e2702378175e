import type { AggregateScope, HistogramBin, SizeClassId } from "@monitor/domain";
import { SIZE_CLASSES, sizeClassBounds } from "@monitor/domain";
import type { Database } from "../db/client.ts";
import { scopeCondition } from "./sector.ts";

/** The farms a figure is computed over: an analyst's scope narrowed by farm attributes. */
export interface Population {
  scope: AggregateScope;
  region?: string | undefined;
  province?: string | undefined;
  sizeClass?: SizeClassId | undefined;
  dairyBuyerId?: string | undefined;
  certificationBodyId?: string | undefined;
  inspectionBodyId?: string | undefined;
}

function populationCondition(p: Population): { sql: string; args: unknown[] } {
  const scope = scopeCondition(p.scope);
  const parts = [scope.sql];
  const args = [...scope.args];
  const equal = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    parts.push(`f.${column} = ?`);
    args.push(value);
  };
  equal("region", p.region);
  equal("province", p.province);
  equal("dairy_buyer_id", p.dairyBuyerId);
  equal("certification_body_id", p.certificationBodyId);
  equal("inspection_body_id", p.inspectionBodyId);
  if (p.sizeClass) {
    const { min, max } = sizeClassBounds(p.sizeClass);
    parts.push("f.herd_size >= ?");
    args.push(min);
    if (max !== null) {
      parts.push("f.herd_size <= ?");
      args.push(max);
    }
  }
  return { sql: parts.join(" AND "), args };
}

const submittedIn = "r.campaign_id = ? AND r.status = 'submitted'";

/** What a breakdown groups by: a farm column, or the herd-size class computed from the herd size. */
export const BREAKDOWN_COLUMNS = {
  region: "f.region",
  province: "f.province",
  dairyBuyer: "f.dairy_buyer_id",
  certificationBody: "f.certification_body_id",
  inspectionBody: "f.inspection_body_id",
  sizeClass: `CASE ${SIZE_CLASSES.map((c) => `WHEN f.herd_size >= ${c.min}${c.max === null ? "" : ` AND f.herd_size <= ${c.max}`} THEN '${c.id}'`).join(" ")} END`,
} as const;
export type BreakdownBy = keyof typeof BREAKDOWN_COLUMNS;

/** Farms on the register during a campaign's year: registered before its end, not stopped before it. */
const onRegisterIn =
  "f.created_at < (c.year + 1) || '-01-01' AND (f.stopped_on IS NULL OR f.stopped_on >= (c.year + 1) || '-01-01')";

/**
 * Aggregates over submitted responses, read from the derived rows and per-response totals written
 * at submission (never from the answers). Each returns counts; the figures come from @monitor/domain.
 */
export class StatisticsRepository {
  constructor(private readonly db: Database) {}

  /** Farms per number of initiatives in one campaign. */
  async totalsHistogram(campaignId: number, population: Population): Promise<HistogramBin[]> {
    const where = populationCondition(population);
    const rows = await this.db.query<{ total: number; farms: number }>(
      `SELECT r.initiative_total AS total, count(*) AS farms
         FROM responses r JOIN farms f ON f.id = r.farm_id
        WHERE ${submittedIn} AND ${where.sql}
        GROUP BY r.initiative_total`,
      [campaignId, ...where.args],
    );
    return rows.map((r) => ({ total: Number(r.total), farms: Number(r.farms) }));
  }

  /** Per theme, farms per number of initiatives in that theme (farms with none in a bin of 0). */
  async themeHistograms(campaignId: number, population: Population, themes: readonly string[]) {
    const where = populationCondition(population);
    const rows = await this.db.query<{ theme: string; total: number; farms: number }>(
      `SELECT theme, n AS total, count(*) AS farms FROM (
          SELECT r.id, ri.theme, count(*) AS n
            FROM responses r JOIN farms f ON f.id = r.farm_id JOIN response_initiatives ri ON ri.response_id = r.id
           WHERE ${submittedIn} AND ${where.sql}
           GROUP BY r.id, ri.theme)
        GROUP BY theme, n`,
      [campaignId, ...where.args],
    );
    const farms = (await this.totalsHistogram(campaignId, population)).reduce(
      (sum, bin) => sum + bin.farms,
      0,
    );
    const result: Record<string, HistogramBin[]> = {};
    for (const theme of themes) {
      const bins = rows
        .filter((r) => r.theme === theme)
        .map((r) => ({ total: Number(r.total), farms: Number(r.farms) }));
      const counted = bins.reduce((sum, bin) => sum + bin.farms, 0);
      result[theme] = [...bins, { total: 0, farms: farms - counted }];
    }
    return result;
  }

  /** How many submitting farms take each initiative, and how many farms submitted. */
  async adoption(
    campaignId: number,
    population: Population,
  ): Promise<{ farms: number; counts: Record<string, number> }> {
    const where = populationCondition(population);
    const rows = await this.db.query<{ initiative_id: string; farms: number }>(
      `SELECT ri.initiative_id, count(*) AS farms
         FROM responses r JOIN farms f ON f.id = r.farm_id JOIN response_initiatives ri ON ri.response_id = r.id
        WHERE ${submittedIn} AND ${where.sql}
        GROUP BY ri.initiative_id`,
      [campaignId, ...where.args],
    );
    const farms = (await this.totalsHistogram(campaignId, population)).reduce(
      (sum, bin) => sum + bin.farms,
      0,
    );
    return { farms, counts: Object.fromEntries(rows.map((r) => [r.initiative_id, Number(r.farms)])) };
  }

  /**
   * Every campaign's histogram of initiative totals, for trends; `comparable` counts only the
   * initiatives every questionnaire version asks.
   */
  async trendHistograms(
    population: Population,
    series: "all" | "comparable" = "all",
  ): Promise<{ campaignId: number; year: number; surveyVersionId: string; bins: HistogramBin[] }[]> {
    const where = populationCondition(population);
    const total = series === "comparable" ? "r.comparable_total" : "r.initiative_total";
    const rows = await this.db.query<{
      campaign_id: number;
      year: number;
      survey_version_id: string;
      total: number | null;
      farms: number;
    }>(
      `SELECT c.id AS campaign_id, c.year, c.survey_version_id, t.total, t.farms
         FROM campaigns c
         LEFT JOIN (SELECT r.campaign_id, ${total} AS total, count(*) AS farms
                      FROM responses r JOIN farms f ON f.id = r.farm_id
                     WHERE r.status = 'submitted' AND ${where.sql}
                     GROUP BY r.campaign_id, ${total}) t ON t.campaign_id = c.id
        ORDER BY c.year`,
      where.args,
    );
    const byCampaign = new Map<
      number,
      { campaignId: number; year: number; surveyVersionId: string; bins: HistogramBin[] }
    >();
    for (const row of rows) {
      const id = Number(row.campaign_id);
      const entry = byCampaign.get(id) ?? {
        campaignId: id,
        year: Number(row.year),
        surveyVersionId: row.survey_version_id,
        bins: [],
      };
      if (row.total !== null) entry.bins.push({ total: Number(row.total), farms: Number(row.farms) });
      byCampaign.set(id, entry);
    }
    return [...byCampaign.values()];
  }

  /** Per group of a breakdown, farms per number of initiatives in one campaign. */
  async breakdownHistograms(campaignId: number, population: Population, by: BreakdownBy) {
    const where = populationCondition(population);
    const rows = await this.db.query<{ key: string | null; total: number; farms: number }>(
      `SELECT ${BREAKDOWN_COLUMNS[by]} AS key, r.initiative_total AS total, count(*) AS farms
         FROM responses r JOIN farms f ON f.id = r.farm_id
        WHERE ${submittedIn} AND ${where.sql}
        GROUP BY key, r.initiative_total`,
      [campaignId, ...where.args],
    );
    const groups = new Map<string, HistogramBin[]>();
    for (const row of rows) {
      const key = row.key ?? "unknown";
      groups.set(key, [...(groups.get(key) ?? []), { total: Number(row.total), farms: Number(row.farms) }]);
    }
    return groups;
  }

  /** Farms on the register, farms that started and farms that submitted the campaign. */
  async participation(campaignId: number, population: Population) {
    const where = populationCondition(population);
    const row = await this.db.queryOne<{ registered: number; started: number; submitted: number }>(
      `SELECT count(*) AS registered,
              count(r.id) AS started,
              count(CASE WHEN r.status = 'submitted' THEN 1 END) AS submitted
         FROM campaigns c JOIN farms f ON ${onRegisterIn}
         LEFT JOIN responses r ON r.farm_id = f.id AND r.campaign_id = c.id
        WHERE c.id = ? AND ${where.sql}`,
      [campaignId, ...where.args],
    );
    return {
      registered: Number(row?.registered ?? 0),
      started: Number(row?.started ?? 0),
      submitted: Number(row?.submitted ?? 0),
    };
  }

  /** Farms audited in the campaign's year, and how many had submitted the monitor by their audit. */
  async auditsFilledIn(campaignId: number, population: Population) {
    const where = populationCondition(population);
    const row = await this.db.queryOne<{ audited: number; filled_in: number }>(
      `SELECT count(DISTINCT a.farm_id) AS audited,
              count(DISTINCT CASE WHEN r.submitted_at IS NOT NULL AND substr(r.submitted_at, 1, 10) <= a.audited_on THEN a.farm_id END) AS filled_in
         FROM campaigns c
         JOIN audits a ON a.kind = 'periodic' AND a.audited_on >= c.year || '-01-01' AND a.audited_on < (c.year + 1) || '-01-01'
         JOIN farms f ON f.id = a.farm_id
         LEFT JOIN responses r ON r.farm_id = a.farm_id AND r.campaign_id = c.id AND r.status = 'submitted'
        WHERE c.id = ? AND ${where.sql}`,
      [campaignId, ...where.args],
    );
    return { audited: Number(row?.audited ?? 0), filledIn: Number(row?.filled_in ?? 0) };
  }

  /** One farm's submitted totals over the campaigns. */
  async farmHistory(farmId: number): Promise<{ campaignId: number; year: number; total: number }[]> {
    const rows = await this.db.query<{ campaign_id: number; year: number; total: number }>(
      `SELECT c.id AS campaign_id, c.year, r.initiative_total AS total
         FROM responses r JOIN campaigns c ON c.id = r.campaign_id
        WHERE r.farm_id = ? AND r.status = 'submitted' ORDER BY c.year`,
      [farmId],
    );
    return rows.map((r) => ({
      campaignId: Number(r.campaign_id),
      year: Number(r.year),
      total: Number(r.total),
    }));
  }
}
