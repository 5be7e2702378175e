import { SIZE_CLASSES } from "@monitor/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepositories } from "../../apps/api/src/repositories/index.ts";
import type { Population } from "../../apps/api/src/repositories/statistics.ts";
import { registerSurveyVersions } from "../../apps/api/src/services/surveyVersions.ts";
import { createTestApi, type TestApi } from "../support/api.ts";
import { campaignOfYear, complete2026, farm, farmerOf, submittedMonitor } from "../support/fixtures.ts";
import { recountedCounters, storedCounters } from "../support/recount.ts";

/**
 * The statistic counters against the row-level tables they summarise: after the demo seed, a
 * submission and a reopening, every histogram and adoption count read from the counters equals an
 * independent count over the submitted responses.
 */
const NOW = new Date("2026-11-21T10:00:00.000Z");
let api: TestApi;
/** A farm's herd in the campaign's year, written out here apart from the farm-attribute table. */
const HERD = "coalesce(h.herd_size, f.herd_size)";
const JOINS = `JOIN farms f ON f.id = r.farm_id JOIN campaigns c ON c.id = r.campaign_id
  LEFT JOIN farm_herd_sizes h ON h.farm_id = f.id AND h.year = c.year`;

const POPULATIONS: [string, Population, string, unknown[]][] = [
  ["all farms", { scope: { kind: "all" } }, "1 = 1", []],
  ["Wallonia", { scope: { kind: "all" }, region: "wallonia" }, "f.region = ?", ["wallonia"]],
  ["100-149 cows", { scope: { kind: "all" }, sizeClass: "100_149" }, `${HERD} BETWEEN 100 AND 149`, []],
  [
    "Milcobel's suppliers",
    { scope: { kind: "dairy_buyer", id: "milcobel" } },
    "f.dairy_buyer_id = ?",
    ["milcobel"],
  ],
  [
    "Milcobel in Flanders",
    { scope: { kind: "dairy_buyer", id: "milcobel" }, region: "flanders" },
    "f.dairy_buyer_id = ? AND f.region = ?",
    ["milcobel", "flanders"],
  ],
  [
    "Flanders, 50-99 cows (a pair cell)",
    { scope: { kind: "all" }, region: "flanders", sizeClass: "50_99" },
    `f.region = ? AND ${HERD} BETWEEN 50 AND 99`,
    ["flanders"],
  ],
  [
    "Milcobel in Flanders, 50-99 cows (three attributes: the full combinations summed)",
    { scope: { kind: "dairy_buyer", id: "milcobel" }, region: "flanders", sizeClass: "50_99" },
    `f.dairy_buyer_id = ? AND f.region = ? AND ${HERD} BETWEEN 50 AND 99`,
    ["milcobel", "flanders"],
  ],
];

/** Per size class, the reference histogram of a breakdown: one cell per group, or summed rows. */
async function expectBreakdownsMatch(campaignId: number) {
  const statistics = createRepositories(api.db).statistics;
  for (const [name, population, where, args] of POPULATIONS.slice(0, 5)) {
    const groups = await statistics.breakdownHistograms(campaignId, population, "sizeClass");
    for (const { id, min, max } of SIZE_CLASSES) {
      const reference = await referenceHistogram(campaignId, `${where} AND ${HERD} BETWEEN ? AND ?`, [
        ...args,
        min,
        max ?? Number.MAX_SAFE_INTEGER,
      ]);
      expect(groups.get(id) ?? [], `${name}, ${id}`).toEqual(reference);
    }
  }
}

async function referenceHistogram(campaignId: number, where: string, args: unknown[]) {
  const rows = await api.db.query<{ total: number; farms: number }>(
    `SELECT n AS total, count(*) AS farms FROM (
       SELECT (SELECT count(*) FROM response_initiatives ri WHERE ri.response_id = r.id) AS n
         FROM responses r ${JOINS}
        WHERE r.campaign_id = ? AND r.status = 'submitted' AND ${where})
     GROUP BY n ORDER BY n`,
    [campaignId, ...args],
  );
  return rows.map((r) => ({ total: Number(r.total), farms: Number(r.farms) }));
}

async function referenceAdoption(campaignId: number, where: string, args: unknown[]) {
  const rows = await api.db.query<{ initiative_id: string; farms: number }>(
    `SELECT ri.initiative_id, count(*) AS farms FROM response_initiatives ri
       JOIN responses r ON r.id = ri.response_id ${JOINS}
      WHERE r.campaign_id = ? AND r.status = 'submitted' AND ${where} GROUP BY ri.initiative_id`,
    [campaignId, ...args],
  );
  return Object.fromEntries(rows.map((r) => [r.initiative_id, Number(r.farms)]));
}

async function expectCountersMatch(campaignId: number) {
  const statistics = createRepositories(api.db).statistics;
  for (const [name, population, where, args] of POPULATIONS) {
    const histogram = await statistics.totalsHistogram(campaignId, population);
    expect(histogram, name).toEqual(await referenceHistogram(campaignId, where, args));
    const adoption = await statistics.adoption(campaignId, population);
    expect(adoption.counts, name).toEqual(await referenceAdoption(campaignId, where, args));
  }
  await expectBreakdownsMatch(campaignId);
  // Every cell row of the lattice, as stored, against an independent recount.
  expect(await storedCounters(api.db, campaignId)).toEqual(await recountedCounters(api.db, campaignId));
}

let current: number;
let previous: number;

beforeAll(async () => {
  api = await createTestApi({ farms: 80, now: () => NOW });
  current = await campaignOfYear(api.db, 2026);
  previous = await campaignOfYear(api.db, 2025);
});
afterAll(() => api.close());

describe("statistic counters", () => {
  it("are counted again at start when a campaign's roll-up row is missing (an older database)", async () => {
    await api.db.writeOne("DELETE FROM statistic_counters WHERE region = '*'");
    await registerSurveyVersions(createRepositories(api.db), NOW);
    await expectCountersMatch(previous);
  });

  it("match the submitted responses after the demo seed", async () => {
    await expectCountersMatch(previous);
    await expectCountersMatch(current);
  });

  it("class a farm by its herd in each campaign's year, kept at submission against later register changes", async () => {
    // A farm of its own buyer, 40 cows in 2025; the register says 130 now.
    const buyer: Population = { scope: { kind: "dairy_buyer", id: "herd-moves" } };
    const id = await farm(api.db, {
      region: "flanders",
      province: "antwerpen",
      herdSize: 130,
      dairyBuyer: "herd-moves",
    });
    await api.db.writeOne("INSERT INTO farm_herd_sizes (farm_id, year, herd_size) VALUES (?, 2025, 40)", [
      id,
    ]);
    await submittedMonitor(api.db, { farm: id, campaign: previous, total: 3 });
    const farmer = await farmerOf(api, [id], "herd-moves@test.example");
    const save = await api.request(`/api/farms/${id}/monitor/${current}`, {
      method: "PUT",
      cookie: farmer,
      headers: { "if-match": '"0"' },
      body: JSON.stringify({ data: { ...complete2026, dairy_cows: 125 } }),
    });
    expect(save.status).toBe(200);
    const submit = await api.request(`/api/farms/${id}/monitor/${current}/submit`, {
      method: "POST",
      cookie: farmer,
    });
    expect(submit.status).toBe(200);
    // The submission kept the herd its answers state; the register changing afterwards moves nothing.
    const kept = await api.db.query<{ year: number; herd_size: number }>(
      "SELECT year, herd_size FROM farm_herd_sizes WHERE farm_id = ? ORDER BY year",
      [id],
    );
    expect(kept.map((r) => [Number(r.year), Number(r.herd_size)])).toEqual([
      [2025, 40],
      [2026, 125],
    ]);
    await api.db.writeOne("UPDATE farms SET herd_size = 45 WHERE id = ?", [id]);

    const statistics = createRepositories(api.db).statistics;
    for (const [campaignId, sizeClass] of [
      [previous, "under_50"],
      [current, "100_149"],
    ] as const) {
      const groups = await statistics.breakdownHistograms(campaignId, buyer, "sizeClass");
      expect([...groups.keys()]).toEqual([sizeClass]);
      for (const { id: other } of SIZE_CLASSES) {
        const filtered = { ...buyer, sizeClass: other };
        const farms = (await statistics.totalsHistogram(campaignId, filtered)).reduce(
          (n, b) => n + b.farms,
          0,
        );
        expect(farms, `${campaignId} ${other}`).toBe(other === sizeClass ? 1 : 0);
        const participation = await statistics.countParticipation(campaignId, filtered);
        expect(participation.registered, `${campaignId} ${other}`).toBe(other === sizeClass ? 1 : 0);
      }
      await expectCountersMatch(campaignId);
    }
    // The farmer's own results compare the farm with its class of that year.
    const results = await api.request(`/api/farms/${id}/results/${previous}`, { cookie: farmer });
    expect(((await results.json()) as { sizeClass: { key: string } }).sizeClass.key).toBe("under_50");
  });

  it("follow a submission and a reopening, in the same batch", async () => {
    const farmer = await api.login("farmer@demo.test");
    const data = {
      ...complete2026,
      own_renewable_electricity_kwh: 12000,
      renewable_electricity_sources: ["solar"],
      herd_health_vet: true,
      herd_health_vet_contract_ref: "VET-1",
    };
    const save = await api.request(`/api/farms/1/monitor/${current}`, {
      method: "PUT",
      cookie: farmer,
      headers: { "if-match": '"0"' },
      body: JSON.stringify({ data }),
    });
    expect(save.status).toBe(200);
    const submit = await api.request(`/api/farms/1/monitor/${current}/submit`, {
      method: "POST",
      cookie: farmer,
    });
    expect(submit.status).toBe(200);
    await expectCountersMatch(current);

    const admin = await api.login("admin@demo.test");
    const response = await api.db.queryOne<{ id: number }>(
      "SELECT id FROM responses WHERE farm_id = 1 AND campaign_id = ?",
      [current],
    );
    // The farm's register entry changes after submission: the reopening still takes the monitor
    // out of the counter row it was counted in.
    await api.db.writeOne("UPDATE farms SET herd_size = 20, dairy_buyer_id = 'inex' WHERE id = 1");
    const reopens = await Promise.all(
      [1, 2].map(() =>
        api.request(`/api/admin/responses/${response?.id}/reopen`, {
          method: "POST",
          cookie: admin,
          body: JSON.stringify({ reason: "check the counters" }),
        }),
      ),
    );
    expect(reopens.map((r) => r.status).sort()).toEqual([200, 409]);
    await expectCountersMatch(current);
    const negative = await api.db.query("SELECT farms FROM statistic_counters WHERE farms < 0");
    expect(negative).toHaveLength(0);
  });
});
