import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, type TestApi } from "../support/api.ts";

/** The published figures of the sector's monitor (shared/domain.md), checked through the API. */
const PUBLISHED = [
  { year: 2014, mean: 9, shareWithAtLeastOne: 0.81 },
  { year: 2016, mean: 11 },
  { year: 2018, mean: 15.4 },
  { year: 2020, mean: 20 },
  { year: 2022, mean: 20.6 },
  { year: 2025, mean: 22 },
];
const ADOPTION_2020 = {
  "energy.own_renewable_electricity": 0.39,
  "animal_welfare.cow_brush": 0.6,
  "water_soil.alternative_water": 0.52,
  "animal_feed.food_industry_byproducts": 0.61,
};

let api: TestApi;
let analyst: string;

beforeAll(async () => {
  // Noise off: the generator is calibrated here; the noise, keyed by a secret drawn per database,
  // would move a share by up to ±0.5 points from run to run (test/api/disclosure.test.ts checks it).
  api = await createTestApi({
    farms: 2000,
    now: () => new Date("2026-11-21T10:00:00.000Z"),
    config: { disclosure: { countBound: 0, sumBound: 0 } },
  });
  analyst = await api.login("sector@demo.test");
}, 180_000);
afterAll(() => api.close());

describe("the demo sector reproduces the published figures", () => {
  it("in the trend: average initiatives per farm and share with at least one", async () => {
    const response = await api.request("/api/sector/trend", { cookie: analyst });
    const { points } = (await response.json()) as {
      points: { year: number; meanInitiatives: number; shareWithAtLeastOne: number }[];
    };
    for (const published of PUBLISHED) {
      const point = points.find((p) => p.year === published.year);
      expect(point, `${published.year}`).toBeDefined();
      expect(
        Math.abs((point?.meanInitiatives ?? 0) - published.mean),
        `${published.year} mean`,
      ).toBeLessThanOrEqual(0.5);
      if (published.shareWithAtLeastOne !== undefined) {
        expect(
          Math.abs((point?.shareWithAtLeastOne ?? 0) - published.shareWithAtLeastOne),
        ).toBeLessThanOrEqual(0.01);
      }
    }
  });

  it("in adoption per initiative in 2020", async () => {
    const campaign = await api.db.queryOne<{ id: number }>("SELECT id FROM campaigns WHERE year = 2020");
    const response = await api.request(`/api/sector/adoption?campaign=${campaign?.id}`, { cookie: analyst });
    expect(response.status).toBe(200);
    const { initiatives } = (await response.json()) as {
      initiatives: { initiativeId: string; rate: number }[];
    };
    expect(initiatives).toHaveLength(42);
    for (const [id, rate] of Object.entries(ADOPTION_2020)) {
      const found = initiatives.find((i) => i.initiativeId === id);
      expect(Math.abs((found?.rate ?? 0) - rate), id).toBeLessThanOrEqual(0.01);
    }
  });

  it("in participation 2025: 94.46% of the periodically audited farms had filled the monitor in", async () => {
    // IKM annual report 2025 (shared/seeds/002): 903 audited farms, 94.46% filled in
    const campaign = await api.db.queryOne<{ id: number }>("SELECT id FROM campaigns WHERE year = 2025");
    const response = await api.request(`/api/sector/participation?campaign=${campaign?.id}`, {
      cookie: analyst,
    });
    expect(response.status).toBe(200);
    const { audits } = (await response.json()) as { audits: { audited: number; shareFilledIn: number } };
    expect(audits.audited).toBeGreaterThan(300);
    expect(Math.abs(audits.shareFilledIn - 0.9446)).toBeLessThanOrEqual(0.003);
  });

  it("marks a change across a definition change, and the open campaign as provisional", async () => {
    const campaign = await api.db.queryOne<{ id: number }>("SELECT id FROM campaigns WHERE year = 2026");
    const response = await api.request(`/api/sector/adoption?campaign=${campaign?.id}`, { cookie: analyst });
    const { previousCampaign, initiatives } = (await response.json()) as {
      previousCampaign: { year: number; surveyVersion: string };
      initiatives: { initiativeId: string; change: number | null; definitionChanged: boolean }[];
    };
    expect(previousCampaign).toMatchObject({ year: 2025, surveyVersion: "2020" });
    const mark = (id: string) => initiatives.find((i) => i.initiativeId === id);
    // 2020 asked yes/no; 2026 counts 120 days of 6 hours and a share of cows under 15%
    expect(mark("animal_welfare.grazing")).toMatchObject({
      definitionChanged: true,
      change: expect.any(Number),
    });
    expect(mark("animal_health.low_cell_count")?.definitionChanged).toBe(true);
    expect(mark("animal_health.herd_health_vet")?.definitionChanged).toBe(false);

    const trend = (await (await api.request("/api/sector/trend", { cookie: analyst })).json()) as {
      points: { year: number; provisional: boolean }[];
    };
    expect(trend.points.filter((p) => p.provisional).map((p) => p.year)).toEqual([2026]);
  });
});
