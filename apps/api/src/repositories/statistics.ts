import type { FarmAttributeName, HistogramBin } from "@monitor/domain";
import type { Database } from "../db/client.ts";
import { AggregateCache } from "./aggregateCache.ts";
import type { CounterRepository } from "./counters.ts";
import { type Population, populationCondition } from "./population.ts";

export type { Population } from "./population.ts";

/** What a breakdown groups by: a farm attribute. */
export type BreakdownBy = FarmAttributeName;

/** Farms on the register during a campaign's year: registered before its end, not stopped before it. */
const onRegisterIn =
  "f.created_at < (c.year + 1) || '-01-01' AND (f.stopped_on IS NULL OR f.stopped_on >= (c.year + 1) || '-01-01')";

const bins = (rows: readonly { total: number; farms: number }[]): HistogramBin[] =>
  rows.map((r) => ({ total: r.total, farms: r.farms })).sort((x, y) => x.total - y.total);

/**
 * Aggregates over submitted monitors. The distributions and adoption come from the statistic
 * counters (SQLite sums at most a few thousand small counter rows, whatever the number of farms);
 * participation and audits are row-level counts kept until the register or the monitors change
 * (aggregateCache.ts); a farm's own history is an indexed row-level count. Each returns counts;
 * the figures come from @monitor/domain.
 */
export class StatisticsRepository {
  private readonly cache: AggregateCache;

  constructor(
    private readonly db: Database,
    private readonly counters: CounterRepository,
  ) {
    this.cache = new AggregateCache(db);
  }

  /** Farms per number of initiatives in one campaign. */
  async totalsHistogram(campaignId: number, population: Population): Promise<HistogramBin[]> {
    return bins(await this.counters.histograms(campaignId, population, "totals"));
  }

  /** Per theme, farms per number of initiatives in that theme (farms with none in a bin of 0). */
  async themeHistograms(campaignId: number, population: Population, themes: readonly string[]) {
    const rows = await this.counters.themeHistograms(campaignId, population);
    return Object.fromEntries(
      themes.map((theme) => [theme, bins(rows.filter((r) => r.theme === theme))]),
    ) as Record<string, HistogramBin[]>;
  }

  /** How many submitting farms take each initiative, and how many farms submitted. */
  async adoption(
    campaignId: number,
    population: Population,
  ): Promise<{ farms: number; counts: Record<string, number> }> {
    return this.counters.initiativeCounts(campaignId, population);
  }

  /**
   * Every campaign's histograms of initiative totals, for trends: `all` counts every initiative of
   * the campaign's questionnaire, `comparable` only those every questionnaire version asks.
   */
  async trendHistograms(population: Population): Promise<
    {
      campaignId: number;
      year: number;
      surveyVersionId: string;
      all: HistogramBin[];
      comparable: HistogramBin[];
    }[]
  > {
    const [campaigns, all, comparable] = await Promise.all([
      this.db.query<{ id: number; year: number; survey_version_id: string }>(
        "SELECT id, year, survey_version_id FROM campaigns ORDER BY year",
      ),
      this.counters.histograms(null, population, "totals"),
      this.counters.histograms(null, population, "comparable"),
    ]);
    return campaigns.map((c) => ({
      campaignId: Number(c.id),
      year: Number(c.year),
      surveyVersionId: c.survey_version_id,
      all: bins(all.filter((r) => r.campaignId === Number(c.id))),
      comparable: bins(comparable.filter((r) => r.campaignId === Number(c.id))),
    }));
  }

  /** Per group of a breakdown, farms per number of initiatives in one campaign. */
  async breakdownHistograms(campaignId: number, population: Population, by: BreakdownBy) {
    const rows = await this.counters.histograms(campaignId, population, "totals", by);
    const groups = new Map<string, HistogramBin[]>();
    for (const row of rows) {
      const key = row.group || "unknown";
      groups.set(key, [...(groups.get(key) ?? []), { total: row.total, farms: row.farms }]);
    }
    return new Map([...groups].map(([key, group]) => [key, bins(group)]));
  }

  /** Farms on the register, farms that started and farms that submitted the campaign. */
  participation(campaignId: number, population: Population) {
    return this.cache.figures(`participation:${campaignId}`, population, () =>
      this.countParticipation(campaignId, population),
    );
  }

  /** Farms audited in the campaign's year, and how many had submitted the monitor by their audit. */
  auditsFilledIn(campaignId: number, population: Population) {
    return this.cache.figures(`audits:${campaignId}`, population, () =>
      this.countAuditsFilledIn(campaignId, population),
    );
  }

  /** `participation` counted from the register and the responses, row by row. */
  async countParticipation(campaignId: number, population: Population) {
    const where = populationCondition(population, "c.year");
    const row = await this.db.queryOne<{
      registered: number;
      started: number;
      submitted: number;
      key_sum: number | null;
    }>(
      `SELECT count(*) AS registered, sum(f.record_key) % 4294967296 AS key_sum,
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
      /** Sum of the registered farms' record keys (mod 2^32), for disclosure control. */
      keySum: Number(row?.key_sum ?? 0),
    };
  }

  /** `auditsFilledIn` counted from the audits and the responses, row by row. */
  async countAuditsFilledIn(campaignId: number, population: Population) {
    const where = populationCondition(population, "c.year");
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
