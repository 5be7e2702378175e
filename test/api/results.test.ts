import { DEFAULT_DISCLOSURE_PARAMS, round } from "@monitor/domain";
import { getCatalogue } from "@monitor/surveys";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../apps/api/src/app.ts";
import { checkAgainstContract, createTestApi, problemOf, type TestApi } from "../support/api.ts";
import { campaignOfYear } from "../support/fixtures.ts";

const NOW = new Date("2026-11-21T10:00:00.000Z");
const K = 5;
const BIN_WIDTH = 5;
let api: TestApi;
let farmer: string;
let campaign2025: number;

interface Results {
  farm: { total: number; themes: Record<string, number> };
  sector: {
    farms: number | null;
    mean: number | null;
    median: number | null;
    q1: number | null;
    q3: number | null;
    suppressed: boolean;
  };
  percentile: number | null;
  region: {
    key: string;
    suppressed: boolean;
    farms: number | null;
    mean: number | null;
    percentile: number | null;
  };
  sizeClass: { key: string; suppressed: boolean; farms: number | null };
  themes: { theme: string; farm: number; sectorMean: number | null; sectorMedian: number | null }[];
  trend: { year: number; total: number; sectorMean: number | null }[];
  suggestions: { initiativeId: string; adoption: number }[];
}

beforeAll(async () => {
  api = await createTestApi({
    farms: 60,
    now: () => NOW,
    // noise off: these tests check the statistics pipeline against hand counts; test/api/disclosure.test.ts checks the noise
    config: { disclosure: { countBound: 0, sumBound: 0 } },
  });
  farmer = await api.login("farmer@demo.test");
  campaign2025 = await campaignOfYear(api.db, 2025);
});
afterAll(() => api.close());

const results = async (farmId = 1, cookie = farmer) =>
  api.request(`/api/farms/${farmId}/results/${campaign2025}`, { cookie });

/** Farms per fixed bin 0–4, 5–9, … up to the bin holding the catalogue size, from per-farm totals. */
function fixedBins(totals: readonly number[]): number[] {
  const bins = new Array<number>(Math.floor(getCatalogue().initiatives.length / BIN_WIDTH) + 1).fill(0);
  for (const t of totals) bins[Math.floor(t / BIN_WIDTH)] = (bins[Math.floor(t / BIN_WIDTH)] ?? 0) + 1;
  return bins;
}

/**
 * The p-quantile interpolated within the fixed bins (a total t stands for [t − 0.5, t + 0.5), so
 * the bin lo–hi spans lo − 0.5 .. hi + 0.5), rounded to 1 decimal.
 */
function binQuantile(bins: readonly number[], p: number): number {
  const target = p * bins.reduce((a, b) => a + b, 0);
  let before = 0;
  for (const [i, farms] of bins.entries()) {
    if (farms > 0 && before + farms >= target)
      return round(i * BIN_WIDTH - 0.5 + ((target - before) / farms) * BIN_WIDTH, 1);
    before += farms;
  }
  throw new Error("no farms");
}

/** Where a total stands: the farms in lower bins, plus its own bin's farms in proportion (mid-rank). */
function binPercentile(bins: readonly number[], total: number): number {
  const own = Math.floor(total / BIN_WIDTH);
  const below = bins.slice(0, own).reduce((a, b) => a + b, 0);
  const within = (bins[own] ?? 0) * ((total - own * BIN_WIDTH + 0.5) / BIN_WIDTH);
  return round((100 * (below + within)) / bins.reduce((a, b) => a + b, 0), 1);
}

describe("the farmer's results", () => {
  it("match an independent count of the farm's initiatives and of the sector", async () => {
    const response = await results();
    expect(response.status).toBe(200);
    const body = (await response.json()) as Results;

    const own = await api.db.query<{ theme: string; n: number }>(
      `SELECT ri.theme, count(*) AS n FROM response_initiatives ri JOIN responses r ON r.id = ri.response_id
        WHERE r.farm_id = 1 AND r.campaign_id = ? GROUP BY ri.theme`,
      [campaign2025],
    );
    const ownTotal = own.reduce((sum, t) => sum + Number(t.n), 0);
    expect(body.farm.total).toBe(ownTotal);
    for (const t of own) expect(body.farm.themes[t.theme]).toBe(Number(t.n));

    const perFarm = await api.db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM response_initiatives ri WHERE ri.response_id = r.id) AS n
         FROM responses r WHERE r.campaign_id = ? AND r.status = 'submitted'`,
      [campaign2025],
    );
    const totals = perFarm.map((p) => Number(p.n)).sort((a, b) => a - b);
    const n = totals.length;
    expect(n).toBeGreaterThanOrEqual(K);
    expect(body.sector.farms).toBe(n);
    // The mean is the sum over the count, rounded to 1 decimal.
    expect(body.sector.mean).toBe(round(totals.reduce((a, b) => a + b, 0) / n, 1));
    // Quartiles and the farm's percentile come from the fixed bins 0–4, 5–9, …, interpolated.
    const bins = fixedBins(totals);
    expect(body.sector).toMatchObject({
      q1: binQuantile(bins, 0.25),
      median: binQuantile(bins, 0.5),
      q3: binQuantile(bins, 0.75),
    });
    expect(body.percentile).toBe(binPercentile(bins, ownTotal));
    // Binning moves the median by less than one bin from the exact one.
    const mid = (n - 1) / 2;
    const exactMedian = ((totals[Math.floor(mid)] ?? 0) + (totals[Math.ceil(mid)] ?? 0)) / 2;
    expect(Math.abs((body.sector.median as number) - exactMedian)).toBeLessThanOrEqual(BIN_WIDTH);

    // Per theme, the sector's mean is the theme's initiatives taken over the submitted farms.
    const themeSums = await api.db.query<{ theme: string; n: number }>(
      `SELECT ri.theme, count(*) AS n FROM response_initiatives ri JOIN responses r ON r.id = ri.response_id
        WHERE r.campaign_id = ? AND r.status = 'submitted' GROUP BY ri.theme`,
      [campaign2025],
    );
    const sumOf = new Map(themeSums.map((t) => [t.theme, Number(t.n)]));
    for (const theme of body.themes)
      expect(theme.sectorMean, theme.theme).toBe(round((sumOf.get(theme.theme) ?? 0) / n, 1));
  });

  it("compare within the farm's herd-size class and region", async () => {
    const body = (await (await results()).json()) as Results;
    expect(body.sizeClass.key).toBe("100_149");
    expect(body.region.key).toBe("flanders");
    const flemish = await api.db.queryOne<{ n: number }>(
      `SELECT count(*) AS n FROM responses r JOIN farms f ON f.id = r.farm_id
        WHERE r.campaign_id = ? AND r.status = 'submitted' AND f.region = 'flanders'`,
      [campaign2025],
    );
    const n = Number(flemish?.n);
    expect(n).toBeGreaterThanOrEqual(K);
    expect(body.region.farms).toBe(n);
  });

  it("suppress a region with fewer than k farms: no figure, no count", async () => {
    await api.db.writeOne("UPDATE farms SET region = 'germany' WHERE id = 1");
    try {
      const body = (await (await results()).json()) as Results;
      expect(body.region).toMatchObject({
        key: "germany",
        suppressed: true,
        farms: null,
        mean: null,
        percentile: null,
      });
      expect(JSON.stringify(body.region)).not.toMatch(/"farms":\d/);
    } finally {
      await api.db.writeOne("UPDATE farms SET region = 'flanders' WHERE id = 1");
    }
  });

  it("show the farm's own trend over past campaigns", async () => {
    const body = (await (await results()).json()) as Results;
    expect(body.trend.map((p) => p.year)).toEqual([
      2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025,
    ]);
  });

  it("suggest initiatives colleagues take that this farm does not", async () => {
    const body = (await (await results()).json()) as Results;
    const own = await api.db.query<{ initiative_id: string }>(
      "SELECT initiative_id FROM response_initiatives ri JOIN responses r ON r.id = ri.response_id WHERE r.farm_id = 1 AND r.campaign_id = ?",
      [campaign2025],
    );
    const taken = new Set(own.map((o) => o.initiative_id));
    for (const s of body.suggestions) {
      expect(taken.has(s.initiativeId)).toBe(false);
      expect(s.adoption).toBeGreaterThan(0);
    }
    const rates = body.suggestions.map((s) => s.adoption);
    expect([...rates].sort((a, b) => b - a)).toEqual(rates);
  });

  it("are not open to another farm's farmer", async () => {
    const response = await results(2);
    expect(response.status).toBe(404);
    await problemOf(response);
  });

  it("wait for a submission", async () => {
    const current = await campaignOfYear(api.db, 2026);
    const response = await api.request(`/api/farms/1/results/${current}`, { cookie: farmer });
    expect(response.status).toBe(409);
  });
});

describe("the sector trend", () => {
  it("gives one point per campaign with shares as fractions, for analysts only", async () => {
    const sector = await api.login("sector@demo.test");
    const response = await api.request("/api/sector/trend", { cookie: sector });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      points: { year: number; farms: number; meanInitiatives: number; shareWithAtLeastOne: number }[];
    };
    expect(body.points.map((p) => p.year)).toEqual([
      2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026,
    ]);
    for (const p of body.points) {
      expect(p.shareWithAtLeastOne).toBeGreaterThanOrEqual(0);
      expect(p.shareWithAtLeastOne).toBeLessThanOrEqual(1);
    }
    expect((await api.request("/api/sector/trend", { cookie: farmer })).status).toBe(403);
    expect((await api.request("/api/sector/trend?region=atlantis", { cookie: sector })).status).toBe(400);
  });

  it("counts only the dairy buyer's suppliers for a buyer", async () => {
    const buyer = await api.login("buyer@demo.test");
    const body = (await (await api.request("/api/sector/trend", { cookie: buyer })).json()) as {
      points: { year: number; farms: number | null }[];
    };
    const expected = await api.db.queryOne<{ n: number }>(
      `SELECT count(*) AS n FROM responses r JOIN farms f ON f.id = r.farm_id JOIN campaigns c ON c.id = r.campaign_id
        WHERE c.year = 2025 AND r.status = 'submitted' AND f.dairy_buyer_id = 'milcobel'`,
    );
    const n = Number(expected?.n);
    expect(body.points.find((p) => p.year === 2025)?.farms).toBe(n >= 5 ? n : null);
    const other = (await (
      await api.request("/api/sector/trend?dairyBuyer=inex", { cookie: buyer })
    ).json()) as {
      points: { farms: number | null; suppressed: boolean }[];
    };
    expect(other.points.every((p) => p.farms === null && p.suppressed)).toBe(true);
  });
});

describe("with the default noise", () => {
  /** The same database with the default disclosure parameters (noise on). */
  const noisy = () => createApp({ db: api.db, clock: () => NOW });
  const get = async <T>(app: ReturnType<typeof createApp>, path: string, cookie: string) => {
    const response = await app.request(path, { headers: { cookie } });
    await checkAgainstContract("GET", path, response);
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
  const expectProtected = (shown: number | null, exact: number, what: string) => {
    if (exact < K) return expect(shown, what).toBeNull();
    if (shown === null) return expect(exact - DEFAULT_DISCLOSURE_PARAMS.countBound, what).toBeLessThan(K);
    expect(shown, what).toBeGreaterThanOrEqual(K);
    expect(Math.abs(shown - exact), what).toBeLessThanOrEqual(DEFAULT_DISCLOSURE_PARAMS.countBound);
  };

  it("the farmer's comparison counts are keyed noise within the bound; the farm's own figures are exact", async () => {
    const path = `/api/farms/1/results/${campaign2025}`;
    const exact = (await (await results()).json()) as Results;
    const first = await get<Results>(noisy(), path, farmer);
    // The same query, even on another API instance, gives the same figures: nothing to average.
    expect(await get<Results>(noisy(), path, farmer)).toEqual(first);
    expect(first.farm).toEqual(exact.farm);
    expect(first.trend.map((p) => p.total)).toEqual(exact.trend.map((p) => p.total));
    expectProtected(first.sector.farms, exact.sector.farms as number, "sector");
    expectProtected(first.region.farms, exact.region.farms ?? 0, "region");
    expectProtected(first.sizeClass.farms, exact.sizeClass.farms ?? 0, "size class");
    if (first.percentile !== null) {
      expect(first.percentile).toBeGreaterThanOrEqual(0);
      expect(first.percentile).toBeLessThanOrEqual(100);
    }
  });
});
