import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getVersion } from "@monitor/surveys";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../apps/api/src/app.ts";
import { hashPassword } from "../../apps/api/src/auth/password.ts";
import { Database } from "../../apps/api/src/db/client.ts";
import { migrate } from "../../apps/api/src/db/migrate.ts";
import { createRepositories } from "../../apps/api/src/repositories/index.ts";
import { registerSurveyVersions } from "../../apps/api/src/services/surveyVersions.ts";

/**
 * A small hand-built sector (campaign 2025, questionnaire 2020), every figure counted by hand:
 *   A: 6 farms in Flanders, Milcobel, 120 cows, totals 2 4 4 6 8 0  (sum 24)
 *   B: 5 farms in Wallonia, LDA, 60 cows,        totals 1 3 5 5 6    (sum 20)
 *   C: 2 farms in Wallonia, Milcobel, 60 cows,   totals 10 12        (sum 22)
 * A farm with total n takes the first n initiatives of the 2020 questionnaire.
 */
const GROUPS = [
  {
    region: "flanders",
    province: "West-Vlaanderen",
    buyer: "milcobel",
    herd: 120,
    totals: [2, 4, 4, 6, 8, 0],
  },
  { region: "wallonia", province: "Liège", buyer: "lda", herd: 60, totals: [1, 3, 5, 5, 6] },
  { region: "wallonia", province: "Namur", buyer: "milcobel", herd: 60, totals: [10, 12] },
];
const NOW = new Date("2026-11-21T10:00:00.000Z");

let dir: string;
let db: Database;
let app: ReturnType<typeof createApp>;
let analyst: string;
let buyer: string;
let campaign: number;

async function login(email: string) {
  const response = await app.request("/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "test-password" }),
  });
  return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

const get = async <T>(path: string, cookie = analyst) => {
  const response = await app.request(path, { headers: { cookie } });
  return { status: response.status, body: (await response.json()) as T };
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "monitor-sector-"));
  db = new Database({ url: `file:${join(dir, "sector.db")}` });
  await migrate(db, () => NOW);
  const repos = createRepositories(db);
  await registerSurveyVersions(repos, NOW);
  await db.write([
    ...[
      ["milcobel", "dairy_buyer", "Milcobel"],
      ["lda", "dairy_buyer", "Laiterie des Ardennes"],
      ["mcc", "certification_body", "MCC-Vlaanderen"],
      ["certalent", "inspection_body", "Certalent"],
    ].map((args) => ({ sql: "INSERT INTO organisations (id, kind, name) VALUES (?, ?, ?)", args })),
    {
      sql: "INSERT INTO campaigns (name, year, survey_version_id, opens_at, closes_at) VALUES ('Monitor 2025', 2025, '2020', '2025-01-01', '2025-12-31T23:00:00Z')",
      args: [],
    },
  ]);
  campaign = Number((await db.queryOne<{ id: number }>("SELECT id FROM campaigns"))?.id);
  const version = getVersion("2020");
  if (!version) throw new Error("no 2020 questionnaire");
  let farmId = 0;
  for (const group of GROUPS) {
    for (const total of group.totals) {
      farmId++;
      await db.writeOne(
        `INSERT INTO farms (id, herd_number, name, region, province, herd_size, dairy_buyer_id, certification_body_id, inspection_body_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'mcc', 'certalent', '2013-12-01')`,
        [farmId, `BE${farmId}`, `Farm ${farmId}`, group.region, group.province, group.herd, group.buyer],
      );
      const initiatives = version.initiativeIds
        .slice(0, total)
        .map((id) => ({ initiativeId: id, theme: id.split(".")[0] ?? "" }));
      await db.write(
        repos.responses.importSubmittedStatements(
          {
            farmId,
            campaignId: campaign,
            surveyVersionId: "2020",
            surveyHash: version.contentHash,
            data: {},
            locale: "nl",
            submittedAt: "2025-03-01T10:00:00.000Z",
          },
          initiatives,
        ),
      );
    }
  }
  await repos.counters.rebuild();
  const passwordHash = await hashPassword("test-password");
  await repos.users.create(
    { email: "analyst@test", name: "Analyst", passwordHash, locale: "en" },
    [{ role: "sector_analyst", scopeType: "all", scopeId: null }],
    NOW,
  );
  await repos.users.create(
    { email: "buyer@test", name: "Buyer", passwordHash, locale: "fr" },
    [{ role: "sector_analyst", scopeType: "dairy_buyer", scopeId: "milcobel" }],
    NOW,
  );
  await repos.users.create(
    { email: "farmer@test", name: "Farmer", passwordHash, locale: "nl" },
    [{ role: "farmer", scopeType: "farm", scopeId: "1" }],
    NOW,
  );
  app = createApp({ db, clock: () => NOW });
  analyst = await login("analyst@test");
  buyer = await login("buyer@test");
});

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Group {
  key: string;
  farms: number | null;
  meanInitiatives: number | null;
  shareWithAtLeastOne: number | null;
  suppressed: boolean;
}

describe("sector figures equal a hand count", () => {
  it("trend: 13 farms, mean 66/13, 12 of 13 with at least one", async () => {
    const { body } = await get<{
      points: { year: number; farms: number; meanInitiatives: number; shareWithAtLeastOne: number }[];
    }>("/api/sector/trend");
    expect(body.points).toEqual([
      expect.objectContaining({ year: 2025, farms: 13, meanInitiatives: 5.08, shareWithAtLeastOne: 0.9231 }),
    ]);
  });

  it("breakdown by region and by dairy buyer", async () => {
    const byRegion = await get<{ groups: Group[] }>(`/api/sector/breakdown?campaign=${campaign}&by=region`);
    expect(byRegion.body.groups).toEqual([
      expect.objectContaining({
        key: "flanders",
        farms: 6,
        meanInitiatives: 4,
        shareWithAtLeastOne: 0.8333,
        suppressed: false,
      }),
      expect.objectContaining({
        key: "wallonia",
        farms: 7,
        meanInitiatives: 6,
        shareWithAtLeastOne: 1,
        suppressed: false,
      }),
    ]);
    const byBuyer = await get<{ groups: Group[] }>(
      `/api/sector/breakdown?campaign=${campaign}&by=dairyBuyer`,
    );
    expect(byBuyer.body.groups).toEqual([
      expect.objectContaining({ key: "lda", farms: 5, meanInitiatives: 4, shareWithAtLeastOne: 1 }),
      expect.objectContaining({
        key: "milcobel",
        farms: 8,
        meanInitiatives: 5.75,
        shareWithAtLeastOne: 0.875,
      }),
    ]);
  });

  it("filters narrow: Flanders alone is 6 farms with mean 4", async () => {
    const { body } = await get<{ points: { farms: number; meanInitiatives: number }[] }>(
      "/api/sector/trend?region=flanders",
    );
    expect(body.points[0]).toMatchObject({ farms: 6, meanInitiatives: 4 });
  });

  it("distribution: every bar holds at least k farms", async () => {
    const { body } = await get<{ farms: number; bins: { from: number; to: number; farms: number }[] }>(
      `/api/sector/distribution?campaign=${campaign}`,
    );
    expect(body.farms).toBe(13);
    expect(body.bins).toEqual([
      { from: 0, to: 4, farms: 6 },
      { from: 5, to: 12, farms: 7 },
    ]);
  });

  it("adoption: the first initiative by 12 of 13 farms, the twelfth by 1 of 13", async () => {
    const version = getVersion("2020");
    const { body } = await get<{
      farms: number;
      initiatives: { initiativeId: string; farms: number; rate: number }[];
    }>(`/api/sector/adoption?campaign=${campaign}`);
    expect(body.farms).toBe(13);
    expect(body.initiatives).toHaveLength(42);
    const rateOf = (index: number) =>
      body.initiatives.find((i) => i.initiativeId === version?.initiativeIds[index]);
    expect(rateOf(0)).toMatchObject({ farms: 12, rate: 0.9231 });
    expect(rateOf(11)).toMatchObject({ farms: 1, rate: 0.0769 });
    expect(rateOf(12)).toMatchObject({ farms: 0, rate: 0 });
    // No earlier campaign in this sector: nothing to compare with.
    expect(rateOf(0)).toMatchObject({ previousRate: null, change: null });
  });

  it("participation: 13 registered, 13 submitted", async () => {
    const { body } = await get<{
      registered: number;
      submitted: number;
      shareSubmitted: number;
      audits: { suppressed: boolean };
    }>(`/api/sector/participation?campaign=${campaign}`);
    expect(body).toMatchObject({ registered: 13, submitted: 13, shareSubmitted: 1 });
    expect(body.audits.suppressed).toBe(true);
  });
});

describe("a dairy buyer sees its own suppliers only", () => {
  it("counts Milcobel's 8 suppliers, whatever filter it asks for", async () => {
    const own = await get<{ points: { farms: number; meanInitiatives: number }[] }>(
      "/api/sector/trend",
      buyer,
    );
    expect(own.body.points[0]).toMatchObject({ farms: 8, meanInitiatives: 5.75 });
    const other = await get<{ points: { farms: number | null; suppressed: boolean }[] }>(
      "/api/sector/trend?dairyBuyer=lda",
      buyer,
    );
    expect(other.body.points[0]).toMatchObject({ farms: null, suppressed: true });
  });

  it("withholds a region of 2 suppliers, and its complement so it cannot be subtracted", async () => {
    const { body } = await get<{ groups: Group[] }>(
      `/api/sector/breakdown?campaign=${campaign}&by=region`,
      buyer,
    );
    expect(body.groups).toEqual([
      expect.objectContaining({ key: "flanders", farms: null, meanInitiatives: null, suppressed: true }),
      expect.objectContaining({ key: "wallonia", farms: null, meanInitiatives: null, suppressed: true }),
    ]);
  });

  it("offers only its own dairy buyer as a filter", async () => {
    const { body } = await get<{ dairyBuyers: { id: string }[] }>("/api/sector/options", buyer);
    expect(body.dairyBuyers.map((b) => b.id)).toEqual(["milcobel"]);
  });
});

describe("small groups and differencing are suppressed", () => {
  it("withholds a filtered view that differs from a wider one by fewer than k farms", async () => {
    // Wallonia = 7 farms, Wallonia ∩ LDA = 5: subtracting would single out the 2 Walloon Milcobel farms.
    const narrow = await get<{
      points: { farms: number | null; meanInitiatives: number | null; suppressed: boolean }[];
    }>("/api/sector/trend?region=wallonia&dairyBuyer=lda");
    expect(narrow.body.points[0]).toMatchObject({ farms: null, meanInitiatives: null, suppressed: true });
    const breakdown = await get<{ groups: Group[] }>(
      `/api/sector/breakdown?campaign=${campaign}&by=province&region=wallonia&dairyBuyer=lda`,
    );
    expect(breakdown.body.groups.every((g) => g.suppressed && g.farms === null)).toBe(true);
    const adoption = await get<{ suppressed: boolean; initiatives: unknown[] }>(
      `/api/sector/adoption?campaign=${campaign}&region=wallonia&dairyBuyer=lda`,
    );
    expect(adoption.body).toMatchObject({ suppressed: true, initiatives: [] });
  });

  it("withholds a breakdown group that differs from the same group one filter wider by fewer than k", async () => {
    // By region for LDA: Wallonia 5 farms; by region for all: Wallonia 7. Subtracting the two
    // breakdowns would single out the 2 Walloon Milcobel farms.
    const { body } = await get<{ groups: Group[] }>(
      `/api/sector/breakdown?campaign=${campaign}&by=region&dairyBuyer=lda`,
    );
    expect(body.groups).toEqual([
      expect.objectContaining({ key: "wallonia", farms: null, meanInitiatives: null, suppressed: true }),
    ]);
    const csv = await app.request(
      `/api/sector/export?view=breakdown&by=region&dairyBuyer=lda&campaign=${campaign}`,
      {
        headers: { cookie: analyst },
      },
    );
    expect(await csv.text()).toContain("2025,region,wallonia,Wallonia,,,,true");
  });

  it("withholds participation counts that differ from a wider view by fewer than k", async () => {
    const { body } = await get<{ suppressed: boolean; registered: number | null }>(
      `/api/sector/participation?campaign=${campaign}&region=wallonia&dairyBuyer=lda`,
    );
    expect(body).toMatchObject({ suppressed: true, registered: null });
  });

  it("withholds a group under k farms", async () => {
    const { body } = await get<{ points: { farms: number | null; suppressed: boolean }[] }>(
      "/api/sector/trend?province=Namur",
    );
    expect(body.points[0]).toMatchObject({ farms: null, suppressed: true });
  });
});

describe("exports and the audit log", () => {
  it("exports the breakdown as CSV with fixed columns and labels in the chosen language", async () => {
    const response = await app.request(
      `/api/sector/export?view=breakdown&by=region&campaign=${campaign}&format=csv&lang=fr`,
      {
        headers: { cookie: analyst },
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("attachment");
    const lines = (await response.text()).trim().split("\n");
    expect(lines[0]).toBe("year,by,group_id,group,farms,mean_initiatives,share_with_at_least_one,suppressed");
    expect(lines[1]).toBe("2025,region,flanders,Flandre,6,4,0.8333,false");
  });

  it("exports adoption as XLSX", async () => {
    const response = await app.request(`/api/sector/export?view=adoption&campaign=${campaign}&format=xlsx`, {
      headers: { cookie: analyst },
    });
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0)).toBe("PK");
  });

  it("logs views and exports of aggregates", async () => {
    const rows = await db.query<{ action: string }>("SELECT action FROM audit_log WHERE entity = 'sector'");
    const actions = new Set(rows.map((r) => r.action));
    expect(actions).toEqual(new Set(["view_aggregate", "export_aggregate"]));
  });

  it("refuses farmers and bad parameters", async () => {
    const farmer = await login("farmer@test");
    expect((await get("/api/sector/trend", farmer)).status).toBe(403);
    expect((await get(`/api/sector/breakdown?campaign=${campaign}&by=favouriteColour`)).status).toBe(400);
    expect((await get("/api/sector/export?view=secrets")).status).toBe(400);
  });
});
