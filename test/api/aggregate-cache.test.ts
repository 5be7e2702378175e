import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepositories } from "../../apps/api/src/repositories/index.ts";
import type { Population } from "../../apps/api/src/repositories/population.ts";
import { createTestApi, type TestApi } from "../support/api.ts";
import { campaignOfYear, farm } from "../support/fixtures.ts";

/**
 * Participation, audits and the farms per region are kept between changes (aggregate_cache): every
 * kept figure against the same count row by row, before and after each kind of change that must
 * make it stale (a farm registered or changed, a monitor started or submitted, an audit).
 */
const NOW = new Date("2026-11-21T10:00:00.000Z");
let api: TestApi;
let campaignId: number;

const POPULATIONS: Population[] = [
  { scope: { kind: "all" } },
  { scope: { kind: "all" }, region: "wallonia" },
  { scope: { kind: "all" }, region: "flanders", sizeClass: "50_99" },
  { scope: { kind: "dairy_buyer", id: "milcobel" } },
];

async function expectKeptEqualsCounted() {
  const { statistics, sector } = createRepositories(api.db);
  for (const population of POPULATIONS) {
    for (let read = 0; read < 2; read++) {
      expect(await statistics.participation(campaignId, population)).toEqual(
        await statistics.countParticipation(campaignId, population),
      );
      expect(await statistics.auditsFilledIn(campaignId, population)).toEqual(
        await statistics.countAuditsFilledIn(campaignId, population),
      );
    }
    expect(await sector.activeFarmsByRegion(population.scope)).toEqual(
      await sector.countActiveFarmsByRegion(population.scope),
    );
    expect(await sector.attributeValues("province", population.scope)).toEqual(
      await sector.countAttributeValues("province", population.scope),
    );
  }
}

async function keptGenerations() {
  const rows = await api.db.query<{ stale: number; fresh: number }>(
    `SELECT count(CASE WHEN a.generation < g.generation THEN 1 END) AS stale,
            count(CASE WHEN a.generation = g.generation THEN 1 END) AS fresh
       FROM aggregate_cache a, aggregate_generation g`,
  );
  return { stale: Number(rows[0]?.stale), fresh: Number(rows[0]?.fresh) };
}

beforeAll(async () => {
  api = await createTestApi({ farms: 60, now: () => NOW });
  campaignId = await campaignOfYear(api.db, 2026);
});
afterAll(() => api.close());

describe("kept aggregates", () => {
  it("equal the row-by-row counts and are read again without counting", async () => {
    await expectKeptEqualsCounted();
    // Participation and audits per population; farms per region and provinces per scope (all, one buyer).
    expect(await keptGenerations()).toEqual({ stale: 0, fresh: POPULATIONS.length * 2 + 4 });
  });

  it.each([
    [
      "a farm registered",
      () => farm(api.db, { region: "wallonia", province: "liege", herdSize: 70, dairyBuyer: "milcobel" }),
    ],
    [
      "a farm moved",
      () => api.db.writeOne("UPDATE farms SET region = 'wallonia', herd_size = 60 WHERE id = 2"),
    ],
    [
      "a year's herd recorded",
      () =>
        api.db.writeOne(
          `INSERT INTO farm_herd_sizes (farm_id, year, herd_size) VALUES (5, 2026, 170)
           ON CONFLICT (farm_id, year) DO UPDATE SET herd_size = excluded.herd_size + 1`,
        ),
    ],
    [
      "a farm stopped",
      () => api.db.writeOne("UPDATE farms SET active = 0, stopped_on = '2026-02-01' WHERE id = 3"),
    ],
    [
      "a monitor started",
      () =>
        api.db.writeOne(
          `INSERT INTO responses (farm_id, campaign_id, survey_version_id, survey_hash, status, data, version, locale, created_at, updated_at)
           SELECT f.id, c.id, c.survey_version_id, v.content_hash, 'draft', '{}', 1, 'nl', ?, ?
             FROM farms f, campaigns c JOIN survey_versions v ON v.id = c.survey_version_id
            WHERE c.id = ? AND NOT EXISTS (SELECT 1 FROM responses r WHERE r.farm_id = f.id AND r.campaign_id = c.id)
            LIMIT 1`,
          [NOW.toISOString(), NOW.toISOString(), campaignId],
        ),
    ],
    [
      "an audit",
      () =>
        api.db.writeOne(
          "INSERT INTO audits (farm_id, audited_on, kind) VALUES (4, '2026-06-01', 'periodic')",
        ),
    ],
  ])("are counted again after %s", async (_, change) => {
    await change();
    const before = await keptGenerations();
    expect(before.fresh).toBe(0);
    await expectKeptEqualsCounted();
  });
});
