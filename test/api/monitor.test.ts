import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, problemOf, type TestApi } from "../support/api.ts";
import { complete2026 } from "../support/fixtures.ts";

const NOW = new Date("2026-11-21T10:00:00.000Z");
let api: TestApi;
let farmer: string;
let campaignId: number;

interface MonitorDoc {
  campaign: { id: number; year: number; open: boolean };
  surveyVersion: { id: string; contentHash: string };
  survey: { pages: unknown[] };
  response: {
    status: string;
    version: number;
    data: Record<string, unknown>;
    carriedOver: string[];
    page: number;
  };
  carriedOverFrom: { campaignYear: number; surveyVersion: string } | null;
}

const put = (
  farmId: number,
  version: number | null,
  body: unknown,
  headers: Record<string, string> = {},
  cookie = farmer,
) =>
  api.request(`/api/farms/${farmId}/monitor/${campaignId}`, {
    method: "PUT",
    cookie,
    headers: { ...(version === null ? {} : { "if-match": `"${version}"` }), ...headers },
    body: JSON.stringify(body),
  });

async function stored(farmId: number) {
  return api.db.queryOne<{ id: number; version: number; data: string; status: string }>(
    "SELECT id, version, data, status FROM responses WHERE farm_id = ? AND campaign_id = ?",
    [farmId, campaignId],
  );
}

beforeAll(async () => {
  api = await createTestApi({ now: () => NOW });
  farmer = await api.login("farmer@demo.test");
  const doc = (await (await api.request("/api/farms/1/monitor", { cookie: farmer })).json()) as MonitorDoc;
  campaignId = doc.campaign.id;
});
afterAll(() => api.close());

describe("opening the monitor", () => {
  it("serves the current campaign on the 2026 questionnaire, not started", async () => {
    const response = await api.request("/api/farms/1/monitor", { cookie: farmer });
    expect(response.status).toBe(200);
    const doc = (await response.json()) as MonitorDoc;
    expect(doc.campaign).toMatchObject({ year: 2026, open: true });
    expect(doc.surveyVersion.id).toBe("2026");
    expect(doc.surveyVersion.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.survey.pages.length).toBeGreaterThan(5);
    expect(doc.response).toMatchObject({ status: "not_started", version: 0 });
  });

  it("pre-fills the 2026 questionnaire from the farm's 2025 submission on the 2020 version", async () => {
    const doc = (await (await api.request("/api/farms/1/monitor", { cookie: farmer })).json()) as MonitorDoc;
    expect(doc.carriedOverFrom).toEqual({ campaignYear: 2025, surveyVersion: "2020" });
    const previous = await api.db.queryOne<{ data: string }>(
      "SELECT r.data FROM responses r JOIN campaigns c ON c.id = r.campaign_id WHERE r.farm_id = 1 AND c.year = 2025",
    );
    const answers2025 = JSON.parse(previous?.data ?? "{}") as Record<string, unknown>;
    expect(doc.response.carriedOver.length).toBeGreaterThan(10);
    for (const name of doc.response.carriedOver) expect(doc.response.data).toHaveProperty(name);
    // A yes/no practice asked the same way in both versions comes over as it was answered.
    expect(doc.response.data.herd_health_vet).toBe(answers2025.herd_health_vet);
  });

  it("keeps another farm's monitor out of reach", async () => {
    expect((await api.request("/api/farms/2/monitor", { cookie: farmer })).status).toBe(404);
    expect((await put(2, 0, { data: { grazing: true } })).status).toBe(404);
    expect(await stored(2)).toBeUndefined();
  });

  it("lets the farm's auditor read the monitor, logged, but not change it", async () => {
    const auditor = await api.login("auditor@demo.test");
    expect((await api.request("/api/farms/1/monitor", { cookie: auditor })).status).toBe(200);
    const log = await api.db.query<{ action: string }>(
      "SELECT a.action FROM audit_log a JOIN users u ON u.id = a.user_id WHERE u.email = 'auditor@demo.test' AND a.entity = 'farm'",
    );
    expect(log.map((l) => l.action)).toContain("view");
    expect((await put(1, 0, { data: { grazing: true } }, {}, auditor)).status).toBe(404);
  });
});

describe("saving as the farmer goes", () => {
  it("needs the version being changed", async () => {
    const response = await put(1, null, { data: { grazing: true } });
    expect(response.status).toBe(428);
    await problemOf(response);
  });

  it("refuses an unknown question with 422 and stores nothing", async () => {
    const response = await put(1, 0, { data: { grazing: true, favourite_colour: "green" } });
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    expect(problem.errors?.map((e) => e.path)).toContain("favourite_colour");
    expect(await stored(1)).toBeUndefined();
  });

  it("refuses a wrong type and an impossible choice with 422", async () => {
    const response = await put(1, 0, { data: { dairy_cows: "many", housing_type: "castle" } });
    expect(response.status).toBe(422);
    const paths = (await problemOf(response)).errors?.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["dairy_cows", "housing_type"]));
    expect(await stored(1)).toBeUndefined();
  });

  it("stores a first save as version 1 with a revision", async () => {
    const response = await put(1, 0, { data: { grazing: true, dairy_cows: 118 }, page: 1 });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "draft", version: 1 });
    const row = await stored(1);
    expect(row?.version).toBe(1);
    expect(JSON.parse(row?.data ?? "{}")).toEqual({ grazing: true, dairy_cows: 118 });
  });

  it("answers a stale If-Match with 409 and the current state, overwriting nothing", async () => {
    const stale = await put(1, 0, { data: { grazing: false } });
    expect(stale.status).toBe(409);
    const problem = (await stale.json()) as { current: { version: number; data: Record<string, unknown> } };
    expect(problem.current).toMatchObject({ version: 1, data: { grazing: true, dairy_cows: 118 } });
    const row = await stored(1);
    expect(JSON.parse(row?.data ?? "{}")).toEqual({ grazing: true, dairy_cows: 118 });
  });

  it("makes a retried save with the same Idempotency-Key harmless", async () => {
    const row = await stored(1);
    const revisionsBefore = await api.db.query("SELECT id FROM response_revisions WHERE response_id = ?", [
      row?.id,
    ]);
    const body = { data: { grazing: true, dairy_cows: 119 }, page: 1 };
    const first = await put(1, 1, body, { "idempotency-key": "save-0001-retry" });
    const retry = await put(1, 1, body, { "idempotency-key": "save-0001-retry" });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(first.status);
    expect(await retry.json()).toEqual(await first.json());
    const revisionsAfter = await api.db.query("SELECT id FROM response_revisions WHERE response_id = ?", [
      row?.id,
    ]);
    expect(revisionsAfter.length).toBe(revisionsBefore.length + 1);
    expect((await stored(1))?.version).toBe(2);
  });

  it("refuses the same key for a different request", async () => {
    const response = await put(1, 2, { data: { grazing: false } }, { "idempotency-key": "save-0001-retry" });
    expect(response.status).toBe(422);
    expect((await problemOf(response)).type).toMatch(/idempotency_key_reused$/);
  });

  it("resumes where the farmer left: answers and page", async () => {
    const doc = (await (await api.request("/api/farms/1/monitor", { cookie: farmer })).json()) as MonitorDoc;
    expect(doc.response).toMatchObject({
      status: "draft",
      version: 2,
      page: 1,
      data: { grazing: true, dairy_cows: 119 },
    });
  });
});

describe("submitting", () => {
  it("refuses a submission with a required question missing, naming it in the user's language", async () => {
    const response = await api.request(`/api/farms/1/monitor/${campaignId}/submit`, {
      method: "POST",
      cookie: farmer,
    });
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    expect(problem.title).toBe("Enkele antwoorden vragen uw aandacht.");
    expect(problem.errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(["land_ha", "declaration_correct"]),
    );
    expect((await stored(1))?.status).toBe("draft");
  });

  it("accepts a complete monitor, freezes it and derives its initiatives in the same step", async () => {
    const version = (await stored(1))?.version ?? 0;
    const data = {
      ...complete2026,
      herd_health_vet: true,
      herd_health_vet_contract_ref: "VET-2026-17",
      cow_brush_count: 3,
    };
    expect((await put(1, version, { data })).status).toBe(200);
    const response = await api.request(`/api/farms/1/monitor/${campaignId}/submit`, {
      method: "POST",
      cookie: farmer,
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      submittedAt: string;
      initiatives: { total: number; ids: string[]; perTheme: Record<string, number> };
    };
    expect(body.submittedAt).toBe(NOW.toISOString());
    expect(body.initiatives.ids).toEqual(
      expect.arrayContaining(["animal_health.herd_health_vet", "animal_welfare.cow_brush"]),
    );
    const derived = await api.db.query<{ initiative_id: string }>(
      "SELECT initiative_id FROM response_initiatives WHERE response_id = (SELECT id FROM responses WHERE farm_id = 1 AND campaign_id = ?)",
      [campaignId],
    );
    expect(derived.map((d) => d.initiative_id).sort()).toEqual([...body.initiatives.ids].sort());
    expect(Object.values(body.initiatives.perTheme).reduce((a, b) => a + b, 0)).toBe(body.initiatives.total);
  });

  it("refuses any change after submission", async () => {
    const version = (await stored(1))?.version ?? 0;
    const response = await put(1, version, { data: complete2026 });
    expect(response.status).toBe(409);
    expect((await problemOf(response)).type).toMatch(/already_submitted$/);
    const again = await api.request(`/api/farms/1/monitor/${campaignId}/submit`, {
      method: "POST",
      cookie: farmer,
    });
    expect(again.status).toBe(409);
  });

  it("gives a receipt with the counts per theme and every answer", async () => {
    const response = await api.request(`/api/farms/1/monitor/${campaignId}/receipt`, { cookie: farmer });
    expect(response.status).toBe(200);
    const receipt = (await response.json()) as {
      farm: { herdNumber: string };
      surveyVersion: { id: string };
      submittedAt: string;
      submittedBy: string;
      initiatives: { total: number };
      data: Record<string, unknown>;
    };
    expect(receipt).toMatchObject({
      farm: { herdNumber: "BE10000001-0101" },
      surveyVersion: { id: "2026" },
      submittedBy: "Jan Vermeulen",
    });
    expect(receipt.data.herd_health_vet_contract_ref).toBe("VET-2026-17");
    expect(receipt.initiatives.total).toBeGreaterThanOrEqual(2);
  });

  it("lets only an administrator reopen a submitted monitor, and logs it", async () => {
    const row = await stored(1);
    const reopen = (cookie: string) =>
      api.request(`/api/admin/responses/${row?.id}/reopen`, {
        method: "POST",
        cookie,
        body: JSON.stringify({ reason: "Wrong herd size" }),
      });
    expect((await reopen(farmer)).status).toBe(403);
    const admin = await api.login("admin@demo.test");
    expect((await reopen(admin)).status).toBe(200);
    expect((await stored(1))?.status).toBe("draft");
    const log = await api.db.query<{ detail: string }>(
      "SELECT detail FROM audit_log WHERE action = 'reopen' AND entity_id = ?",
      [String(row?.id)],
    );
    expect(JSON.parse(log[0]?.detail ?? "{}")).toMatchObject({ reason: "Wrong herd size" });
    const kinds = await api.db.query<{ kind: string }>(
      "SELECT kind FROM response_revisions WHERE response_id = ? ORDER BY version",
      [row?.id],
    );
    expect(kinds.map((k) => k.kind)).toEqual(["save", "save", "save", "submit", "reopen"]);
    const derived = await api.db.query("SELECT * FROM response_initiatives WHERE response_id = ?", [row?.id]);
    expect(derived).toHaveLength(0);
  });
});

describe("the farm's own data", () => {
  it("exports every monitor as CSV with a fixed header and neutralised formulas", async () => {
    const version = (await stored(1))?.version ?? 0;
    await put(1, version, {
      data: {
        ...complete2026,
        herd_health_vet: true,
        herd_health_vet_contract_ref: '=HYPERLINK("http://x")',
      },
    });
    const response = await api.request("/api/farms/1/export?format=csv", { cookie: farmer });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("monitor-BE10000001-0101.csv");
    const text = await response.text();
    const [header] = text.split("\n");
    expect(header).toBe("herd_number,campaign,questionnaire_version,status,submitted_at,question,answer");
    expect(text).toContain(`'=HYPERLINK(""http://x"")`);
    expect(text).toContain("BE10000001-0101,2014,2014,submitted");
  });

  it("exports every monitor as JSON", async () => {
    const response = await api.request("/api/farms/1/export?format=json", { cookie: farmer });
    const body = (await response.json()) as { farm: { id: number }; monitors: { campaignYear: number }[] };
    expect(body.farm.id).toBe(1);
    expect(body.monitors.map((m) => m.campaignYear)).toEqual([
      2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026,
    ]);
    expect((await api.request("/api/farms/2/export?format=json", { cookie: farmer })).status).toBe(404);
  });
});
