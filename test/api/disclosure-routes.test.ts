import { ROUTES } from "@monitor/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../apps/api/src/app.ts";
import { Database } from "../../apps/api/src/db/client.ts";
import { createTestApi, type TestApi } from "../support/api.ts";

/**
 * Every route that returns figures about groups of farms passes them through disclosure control.
 * The routes come from the contract (flagged `aggregates`; every sector route but the filter
 * options must be), and each one answers differently once the database's noise secret changes
 * (its figures carry the keyed noise) but the same twice under one secret (the noise is keyed, not
 * fresh, so repeating a request teaches nothing).
 */
const NOW = new Date("2026-11-21T10:00:00.000Z");
let api: TestApi;
let analyst: string;
let farmer: string;
let juror: string;
let candidate: number;
let campaign: number;

beforeAll(async () => {
  api = await createTestApi({ farms: 200, now: () => NOW });
  analyst = await api.login("sector@demo.test");
  farmer = await api.login("farmer@demo.test");
  juror = await api.login("jury@demo.test");
  // A candidate of the demo's award edition (a farm that entered with consent).
  candidate = Number(
    (
      await api.db.queryOne<{ id: number }>(
        "SELECT candidate_id AS id FROM award_consents WHERE action = 'given'",
      )
    )?.id,
  );
  campaign = Number(
    (await api.db.queryOne<{ id: number }>("SELECT id FROM campaigns WHERE year = 2025"))?.id,
  );
});
afterAll(() => api.close());

/** A request that returns figures, per aggregate route: a new such route needs one here. */
const EXAMPLES: Record<string, () => { path: string; cookie: string }> = {
  sectorOverview: () => ({ path: "/api/sector/overview", cookie: analyst }),
  sectorTrend: () => ({ path: "/api/sector/trend", cookie: analyst }),
  sectorParticipation: () => ({ path: `/api/sector/participation?campaign=${campaign}`, cookie: analyst }),
  sectorAdoption: () => ({ path: `/api/sector/adoption?campaign=${campaign}`, cookie: analyst }),
  sectorDistribution: () => ({ path: `/api/sector/distribution?campaign=${campaign}`, cookie: analyst }),
  sectorBreakdown: () => ({ path: `/api/sector/breakdown?campaign=${campaign}&by=region`, cookie: analyst }),
  sectorExport: () => ({
    path: `/api/sector/export?view=adoption&campaign=${campaign}&format=csv`,
    cookie: analyst,
  }),
  getFarmResults: () => ({ path: `/api/farms/1/results/${campaign}`, cookie: farmer }),
  getAwardCandidate: () => ({ path: `/api/awards/1/candidates/${candidate}`, cookie: juror }),
};

const aggregateRoutes = ROUTES.filter((r) => r.aggregates);

async function answer(app: ReturnType<typeof createApp>, name: string): Promise<string> {
  const example = EXAMPLES[name];
  if (!example) throw new Error(`no example request for the aggregate route ${name}: add one to EXAMPLES`);
  const { path, cookie } = example();
  const response = await app.request(path, { headers: { cookie } });
  expect(response.status, `${name}: ${path}`).toBe(200);
  return response.text();
}

describe("disclosure control on every aggregate route", () => {
  it("flags every sector route but the filter options as returning aggregates", () => {
    const sector = ROUTES.filter((r) => r.path.startsWith("/api/sector/") && r.name !== "sectorOptions");
    expect(sector.filter((r) => !r.aggregates).map((r) => r.name)).toEqual([]);
    expect(aggregateRoutes.map((r) => r.name).sort()).toEqual(Object.keys(EXAMPLES).sort());
  });

  it("answers the same twice, and differently under another noise secret", async () => {
    const before = new Map<string, string>();
    for (const route of aggregateRoutes) {
      const first = await answer(api.app, route.name);
      expect(await answer(api.app, route.name), route.name).toBe(first);
      before.set(route.name, first);
    }
    await api.db.writeOne("UPDATE settings SET value = ? WHERE key = 'disclosure_secret'", [
      "0123456789abcdef0123456789abcdef",
    ]);
    // A second client on the same file loads the secret afresh (it is cached per client).
    const db = new Database({ url: api.url });
    const other = createApp({ db, clock: () => NOW });
    try {
      for (const route of aggregateRoutes) {
        expect(await answer(other, route.name), `${route.name} ignores the noise`).not.toBe(
          before.get(route.name),
        );
      }
    } finally {
      db.close();
    }
  });
});
