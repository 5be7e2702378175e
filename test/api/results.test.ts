import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, problemOf, type TestApi } from "../support/api.ts";

const NOW = new Date("2026-11-21T10:00:00.000Z");
let api: TestApi;
let farmer: string;
let campaign2025: number;

interface Results {
  farm: { total: number; themes: Record<string, number> };
  sector: { farms: number; mean: number; median: number; suppressed: boolean };
  percentile: number;
  region: {
    key: string;
    suppressed: boolean;
    farms: number | null;
    mean: number | null;
    percentile: number | null;
  };
  sizeClass: { key: string; suppressed: boolean; farms: number | null };
  trend: { year: number; total: number; sectorMean: number | null }[];
  suggestions: { initiativeId: string; adoption: number }[];
}

beforeAll(async () => {
  api = await createTestApi({ farms: 60, now: () => NOW });
  farmer = await api.login("farmer@demo.test");
  const row = await api.db.queryOne<{ id: number }>("SELECT id FROM campaigns WHERE year = 2025");
  campaign2025 = Number(row?.id);
});
afterAll(() => api.close());

const results = async (farmId = 1, cookie = farmer) =>
  api.request(`/api/farms/${farmId}/results/${campaign2025}`, { cookie });

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
    const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
    expect(body.sector.farms).toBe(totals.length);
    expect(body.sector.mean).toBeCloseTo(mean, 2);
    const mid = (totals.length - 1) / 2;
    const median = ((totals[Math.floor(mid)] ?? 0) + (totals[Math.ceil(mid)] ?? 0)) / 2;
    expect(body.sector.median).toBeCloseTo(median, 2);
    const below = totals.filter((n) => n < ownTotal).length;
    const equal = totals.filter((n) => n === ownTotal).length;
    expect(body.percentile).toBeCloseTo((100 * (below + equal / 2)) / totals.length, 2);
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
    expect(body.region.farms).toBe(Number(flemish?.n));
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
    const current = await api.db.queryOne<{ id: number }>("SELECT id FROM campaigns WHERE year = 2026");
    const response = await api.request(`/api/farms/1/results/${current?.id}`, { cookie: farmer });
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
