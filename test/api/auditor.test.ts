import type { AuditList, FarmList, ListedFarm } from "@monitor/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, problemOf, type TestApi } from "../support/api.ts";
import { campaignOfYear, user } from "../support/fixtures.ts";

/**
 * The auditor's work: readiness of the farms of its inspection body, the audits it records, and
 * the sector's participation figure "audited farms that filled in the monitor" counting them.
 */
const NOW = new Date("2026-11-21T10:00:00.000Z");
let api: TestApi;
let auditor: string;
let admin: string;
let campaign2026: number;

beforeAll(async () => {
  api = await createTestApi({
    farms: 40,
    now: () => NOW,
    // Noise off: the figures are compared with hand counts (test/api/disclosure.test.ts checks the noise).
    config: { disclosure: { countBound: 0, sumBound: 0 } },
  });
  auditor = await api.login("auditor@demo.test");
  admin = await api.login("admin@demo.test");
  campaign2026 = await campaignOfYear(api.db, 2026);
});
afterAll(() => api.close());

const get = async <T>(path: string, cookie: string) => {
  const response = await api.request(path, { cookie });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
};

describe("an auditor of one inspection body", () => {
  it("lists only its body's farms, each with readiness in the current campaign and the last audit", async () => {
    const list = await get<FarmList>("/api/farms?limit=200", auditor);
    const bodies = await api.db.query<{ n: number }>(
      "SELECT count(*) AS n FROM farms WHERE inspection_body_id = 'certalent'",
    );
    expect(list.total).toBe(Number(bodies[0]?.n));
    expect(list.farms.every((f) => f.inspectionBodyId === "certalent")).toBe(true);
    const statuses = await api.db.query<{ farm_id: number; status: string }>(
      "SELECT farm_id, status FROM responses WHERE campaign_id = ?",
      [campaign2026],
    );
    const byFarm = new Map(statuses.map((s) => [Number(s.farm_id), s.status]));
    for (const farm of list.farms) {
      expect(farm.readiness?.campaign).toEqual({ id: campaign2026, year: 2026 });
      expect(farm.readiness?.status).toBe(byFarm.get(farm.id) ?? "not_started");
      expect(farm.readiness?.submittedAt !== null).toBe(farm.readiness?.status === "submitted");
    }
  });

  it("filters by readiness and sorts by next audit date, the soonest first", async () => {
    const all = await get<FarmList>("/api/farms?limit=200", auditor);
    for (const status of ["submitted", "draft", "not_started"] as const) {
      const filtered = await get<FarmList>(`/api/farms?limit=200&readiness=${status}`, auditor);
      expect(filtered.farms.map((f) => f.id).sort()).toEqual(
        all.farms
          .filter((f) => f.readiness?.status === status)
          .map((f) => f.id)
          .sort(),
      );
    }
    await api.db.write([
      { sql: "UPDATE farms SET next_audit_on = '2026-12-01' WHERE id = ?", args: [all.farms[2]?.id ?? 0] },
      { sql: "UPDATE farms SET next_audit_on = '2026-11-25' WHERE id = ?", args: [all.farms[3]?.id ?? 0] },
    ]);
    const sorted = await get<FarmList>("/api/farms?limit=200&sort=nextAudit", auditor);
    const dates = sorted.farms.map((f) => f.nextAuditOn);
    const dated = dates.filter((d): d is string => d !== null);
    expect(dated).toEqual([...dated].sort());
    expect(dates.slice(0, dated.length)).toEqual(dated);
    expect(sorted.farms[0]?.nextAuditOn).toBe("2026-11-25");
  });

  it("never sees a farm of another body: 404 for the farm, its audits and recording one", async () => {
    const other = await api.db.queryOne<{ id: number }>(
      "SELECT id FROM farms WHERE inspection_body_id <> 'certalent' ORDER BY id LIMIT 1",
    );
    const id = Number(other?.id);
    expect((await api.request(`/api/farms/${id}`, { cookie: auditor })).status).toBe(404);
    expect((await api.request(`/api/farms/${id}/audits`, { cookie: auditor })).status).toBe(404);
    const post = await api.request(`/api/farms/${id}/audits`, {
      method: "POST",
      cookie: auditor,
      body: JSON.stringify({ auditedOn: "2026-11-20", result: "compliant" }),
    });
    expect(post.status).toBe(404);
    const search = await get<FarmList>(
      `/api/farms?search=${encodeURIComponent(String(id))}&limit=200`,
      auditor,
    );
    expect(search.farms.some((f) => f.id === id)).toBe(false);
  });

  it("records an audit with result and note, sets the next audit, and it is logged", async () => {
    const farm = (await get<FarmList>("/api/farms?limit=1", auditor)).farms[0] as ListedFarm;
    const response = await api.request(`/api/farms/${farm.id}/audits`, {
      method: "POST",
      cookie: auditor,
      body: JSON.stringify({
        auditedOn: "2026-11-20",
        result: "findings",
        note: "Cow brush missing in the second group",
        nextAuditOn: "2029-11-01",
      }),
    });
    expect(response.status).toBe(200);
    const audits = await get<AuditList>(`/api/farms/${farm.id}/audits`, auditor);
    expect(audits.nextAuditOn).toBe("2029-11-01");
    expect(audits.audits[0]).toMatchObject({
      auditedOn: "2026-11-20",
      kind: "periodic",
      result: "findings",
      note: "Cow brush missing in the second group",
      inspectionBodyId: "certalent",
      recordedBy: "auditor@demo.test",
    });
    const listed = (await get<FarmList>(`/api/farms?search=${farm.herdNumber}`, auditor)).farms[0];
    expect(listed?.lastAudit).toEqual({ auditedOn: "2026-11-20", kind: "periodic", result: "findings" });
    const log = await api.db.queryOne<{ n: number }>(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'audit_recorded' AND entity_id = ?",
      [String(farm.id)],
    );
    expect(Number(log?.n)).toBe(1);
  });

  it("cannot record an audit in the future; a farmer cannot record one at all", async () => {
    const farm = (await get<FarmList>("/api/farms?limit=1", auditor)).farms[0] as ListedFarm;
    const future = await api.request(`/api/farms/${farm.id}/audits`, {
      method: "POST",
      cookie: auditor,
      body: JSON.stringify({ auditedOn: "2026-12-24", result: "compliant" }),
    });
    expect(future.status).toBe(422);
    expect((await problemOf(future)).title).toMatch(/toekomst/);
    const farmer = await api.login("farmer@demo.test");
    const own = await api.request("/api/farms/1/audits", {
      method: "POST",
      cookie: farmer,
      body: JSON.stringify({ auditedOn: "2026-11-01", result: "compliant" }),
    });
    expect(own.status).toBe(403);
  });
});

describe("the participation figure", () => {
  type Participation = { audits: { audited: number | null; filledIn: number | null } };

  it("counts recorded audits: audited farms, and those that had submitted by the audit", async () => {
    const path = `/api/sector/participation?campaign=${campaign2026}`;
    const before = (await get<Participation>(path, admin)).audits;
    // Before (a figure under 5 farms is withheld, hence also a hand count)
    const seeded = await api.db.queryOne<{ audited: number; filled: number }>(
      `SELECT count(DISTINCT a.farm_id) AS audited,
              count(DISTINCT CASE WHEN substr(r.submitted_at, 1, 10) <= a.audited_on THEN a.farm_id END) AS filled
         FROM audits a LEFT JOIN responses r ON r.farm_id = a.farm_id AND r.campaign_id = ? AND r.status = 'submitted'
        WHERE a.kind = 'periodic' AND a.audited_on >= '2026-01-01' AND a.audited_on < '2027-01-01'`,
      [campaign2026],
    );
    // Farms not yet audited in 2026: three that submitted (before the audit), two that did not.
    const submitted = await api.db.query<{ id: number }>(
      `SELECT f.id FROM farms f JOIN responses r ON r.farm_id = f.id AND r.campaign_id = ? AND r.status = 'submitted'
        WHERE r.submitted_at < '2026-11-20'
          AND NOT EXISTS (SELECT 1 FROM audits a WHERE a.farm_id = f.id AND a.audited_on >= '2026-01-01')
        ORDER BY f.id LIMIT 3`,
      [campaign2026],
    );
    const notSubmitted = await api.db.query<{ id: number }>(
      `SELECT f.id FROM farms f WHERE f.active = 1
          AND NOT EXISTS (SELECT 1 FROM responses r WHERE r.farm_id = f.id AND r.campaign_id = ? AND r.status = 'submitted')
          AND NOT EXISTS (SELECT 1 FROM audits a WHERE a.farm_id = f.id AND a.audited_on >= '2026-01-01')
        ORDER BY f.id LIMIT 2`,
      [campaign2026],
    );
    expect(submitted).toHaveLength(3);
    expect(notSubmitted).toHaveLength(2);
    for (const { id } of [...submitted, ...notSubmitted]) {
      const response = await api.request(`/api/farms/${id}/audits`, {
        method: "POST",
        cookie: admin,
        body: JSON.stringify({ auditedOn: "2026-11-20", result: "compliant" }),
      });
      expect(response.status).toBe(200);
    }
    // An unannounced audit is not the periodic check of the monitor: it does not count.
    await api.request(`/api/farms/${submitted[0]?.id}/audits`, {
      method: "POST",
      cookie: admin,
      body: JSON.stringify({ auditedOn: "2026-11-21", kind: "unannounced", result: "compliant" }),
    });
    const after = (await get<Participation>(path, admin)).audits;
    if (before.audited !== null) expect(before.audited).toBe(Number(seeded?.audited));
    expect(after.audited).toBe(Number(seeded?.audited) + 5);
    expect(after.filledIn).toBe(Number(seeded?.filled) + 3);
  });
});

describe("readiness for an auditor of two bodies", () => {
  it("lists the farms of both", async () => {
    const both = await user(api.db, "auditor", [
      { type: "inspection_body", id: "certalent" },
      { type: "inspection_body", id: "carah" },
    ]);
    const cookie = await api.login(both.email, both.password);
    const list = await get<FarmList>("/api/farms?limit=200", cookie);
    expect(new Set(list.farms.map((f) => f.inspectionBodyId))).toEqual(new Set(["certalent", "carah"]));
  });
});
