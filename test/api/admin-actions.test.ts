import type {
  AdminCampaignList,
  AdminCampaignResponse,
  AdminSurveyVersionList,
  AuditLogPage,
  OneTimeLink,
  UserList,
} from "@monitor/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, problemOf, type TestApi } from "../support/api.ts";

/**
 * Administrators run the sector: users (invite with a one-time link, roles and scopes, reset,
 * disable), campaigns (create, open, close, extend for one farm), questionnaire versions (publish
 * while no farm answered), reopening with a reason; every action of theirs is in the audit log,
 * which filters by action, actor, farm and period and exports as CSV.
 */
const NOW = new Date("2026-11-21T10:00:00.000Z");
let api: TestApi;
let admin: string;

beforeAll(async () => {
  api = await createTestApi({ farms: 20, now: () => NOW });
  admin = await api.login("admin@demo.test");
});
afterAll(() => api.close());

const send = (path: string, method: string, body?: unknown, cookie = admin) =>
  api.request(path, { method, cookie, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const json = async <T>(response: Response, status = 200): Promise<T> => {
  expect(response.status, await response.clone().text()).toBe(status);
  return (await response.json()) as T;
};
const tokenOf = (link: string) => new URL(link).hash.replace("#token=", "");
const logActions = async () =>
  (
    await json<AuditLogPage>(await api.request("/api/admin/audit-log?limit=200", { cookie: admin }))
  ).entries.map((e) => e.action);

describe("users", () => {
  it("invites a user with a role in a scope; the one-time link sets the password once", async () => {
    const invited = await json<OneTimeLink>(
      await send("/api/admin/users", "POST", {
        email: "new.auditor@example.test",
        name: "New Auditor",
        locale: "fr",
        roles: [{ role: "auditor", scopeType: "inspection_body", scopeId: "sgs" }],
      }),
    );
    expect(invited.user.roles).toEqual(["auditor:inspection_body:sgs"]);
    expect(invited.link).toMatch(/^http:\/\/localhost:8787\/welcome#token=/);
    // No password yet: nothing logs in.
    const early = await send(
      "/api/auth/login",
      "POST",
      { email: "new.auditor@example.test", password: "none" },
      "",
    );
    expect(early.status).toBe(401);
    const body = { token: tokenOf(invited.link), password: "a-long-new-password" };
    const used = await send("/api/auth/one-time-link", "POST", body, "");
    expect(used.status).toBe(200);
    const cookie = (used.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect((await api.request("/api/me", { cookie })).status).toBe(200);
    const again = await send("/api/auth/one-time-link", "POST", body, "");
    expect(again.status).toBe(410);
    expect((await problemOf(again)).title).toMatch(/al gebruikt/);
    await api.login("new.auditor@example.test", "a-long-new-password");
  });

  it("refuses a role in a scope that does not exist, and an address that has an account", async () => {
    const bad = await send("/api/admin/users", "POST", {
      email: "x@example.test",
      name: "X",
      roles: [{ role: "auditor", scopeType: "inspection_body", scopeId: "milcobel" }],
    });
    expect(bad.status).toBe(422);
    const farmerAll = await send("/api/admin/users", "POST", {
      email: "x@example.test",
      name: "X",
      roles: [{ role: "farmer", scopeType: "all", scopeId: null }],
    });
    expect(farmerAll.status).toBe(422);
    const taken = await send("/api/admin/users", "POST", {
      email: "FARMER@demo.test",
      name: "X",
      roles: [{ role: "farmer", scopeType: "farm", scopeId: "1" }],
    });
    expect(taken.status).toBe(409);
  });

  it("changes roles, effective on the user's next request", async () => {
    const users = await json<UserList>(await api.request("/api/admin/users?limit=200", { cookie: admin }));
    const sector = users.users.find((u) => u.email === "sector@demo.test");
    const cookie = await api.login("sector@demo.test");
    expect((await api.request("/api/farms/2", { cookie })).status).toBe(404);
    await json(
      await send(`/api/admin/users/${sector?.id}/roles`, "PUT", {
        roles: [
          { role: "sector_analyst", scopeType: "all", scopeId: null },
          { role: "auditor", scopeType: "inspection_body", scopeId: "carah" },
        ],
      }),
    );
    expect((await api.request("/api/farms/2", { cookie })).status).toBe(200);
    const me = users.users.find((u) => u.email === "admin@demo.test");
    const drop = await send(`/api/admin/users/${me?.id}/roles`, "PUT", {
      roles: [{ role: "sector_analyst", scopeType: "all", scopeId: null }],
    });
    expect(drop.status).toBe(409);
  });

  it("a reset link sets a new password and ends the user's sessions; disabling ends them at once", async () => {
    const users = await json<UserList>(await api.request("/api/admin/users?limit=200", { cookie: admin }));
    const buyer = users.users.find((u) => u.email === "buyer@demo.test");
    const before = await api.login("buyer@demo.test");
    const reset = await json<OneTimeLink>(await send(`/api/admin/users/${buyer?.id}/password-reset`, "POST"));
    await json(
      await send(
        "/api/auth/one-time-link",
        "POST",
        { token: tokenOf(reset.link), password: "reset-password-123" },
        "",
      ),
    );
    expect((await api.request("/api/me", { cookie: before })).status).toBe(401);
    const session = await api.login("buyer@demo.test", "reset-password-123");
    expect((await api.request("/api/me", { cookie: session })).status).toBe(200);
    await json(await send(`/api/admin/users/${buyer?.id}/disable`, "POST"));
    expect((await api.request("/api/me", { cookie: session })).status).toBe(401);
    expect(
      (
        await send(
          "/api/auth/login",
          "POST",
          { email: "buyer@demo.test", password: "reset-password-123" },
          "",
        )
      ).status,
    ).toBe(401);
  });
});

describe("campaigns and questionnaire versions", () => {
  it("lists the versions in surveys/ with the checker's findings and their answers", async () => {
    const { versions } = await json<AdminSurveyVersionList>(
      await api.request("/api/admin/survey-versions", { cookie: admin }),
    );
    expect(versions.map((v) => v.id)).toEqual(["2014", "2020", "2026"]);
    for (const v of versions) {
      expect(v.problems).toEqual([]);
      expect(v.changedUnderAnswers).toBe(false);
      expect(v.answers).toBeGreaterThan(0);
    }
  });

  it("creates a campaign, closes it, and extends the deadline for one farm only", async () => {
    const created = await json<AdminCampaignResponse>(
      await send("/api/admin/campaigns", "POST", {
        name: "Monitor 2030",
        year: 2030,
        surveyVersion: "2020",
        opensAt: "2026-11-01",
        closesAt: "2026-11-20T12:00:00Z",
      }),
    );
    const id = created.campaign.id;
    expect(created.campaign).toMatchObject({ open: false, surveyVersion: "2020", started: 0 });
    expect(
      (
        await send("/api/admin/campaigns", "POST", {
          ...{ name: "Again", year: 2030, surveyVersion: "2020" },
          opensAt: "2026-01-01",
          closesAt: "2026-02-01",
        })
      ).status,
    ).toBe(409);
    // No answers yet: the version may still change.
    const published = await json<AdminCampaignResponse>(
      await send(`/api/admin/campaigns/${id}/publish`, "POST", { surveyVersion: "2026" }),
    );
    expect(published.campaign.surveyVersion).toBe("2026");
    const farmer = await api.login("farmer@demo.test");
    const fermier = await api.login("fermier@demo.test");
    const save = (farm: number, cookie: string) =>
      api.request(`/api/farms/${farm}/monitor/${id}`, {
        method: "PUT",
        cookie,
        headers: { "If-Match": '"0"' },
        body: JSON.stringify({ data: {} }),
      });
    expect((await save(1, farmer)).status).toBe(409);
    const badExtension = await send(`/api/admin/campaigns/${id}/extensions`, "POST", {
      farmId: 1,
      closesAt: "2026-11-01",
    });
    expect(badExtension.status).toBe(422);
    const extended = await json<AdminCampaignResponse>(
      await send(`/api/admin/campaigns/${id}/extensions`, "POST", { farmId: 1, closesAt: "2026-12-15" }),
    );
    expect(extended.campaign.extensions).toEqual([
      {
        farmId: 1,
        herdNumber: "BE10000001-0101",
        name: "Hoeve De Linde",
        closesAt: "2026-12-15T00:00:00.000Z",
      },
    ]);
    const monitor = await json<{ campaign: { open: boolean; closesAt: string } }>(
      await api.request(`/api/farms/1/monitor/${id}`, { cookie: farmer }),
    );
    expect(monitor.campaign).toMatchObject({ open: true, closesAt: "2026-12-15T00:00:00.000Z" });
    const monitors = await json<{ monitors: { campaign: { id: number; open: boolean } }[] }>(
      await api.request("/api/farms/1/monitors", { cookie: farmer }),
    );
    expect(monitors.monitors.find((m) => m.campaign.id === id)?.campaign.open).toBe(true);
    expect((await save(1, farmer)).status).toBe(200);
    expect((await save(2, fermier)).status).toBe(409);
    // A campaign with answers keeps its version.
    const locked = await send(`/api/admin/campaigns/${id}/publish`, "POST", { surveyVersion: "2020" });
    expect(locked.status).toBe(409);
    // Everyone's deadline moves: farm 2 may save too.
    const everyone = await json<AdminCampaignResponse>(
      await send(`/api/admin/campaigns/${id}`, "PATCH", { closesAt: "2026-12-01" }),
    );
    expect(everyone.campaign.open).toBe(true);
    expect((await save(2, fermier)).status).toBe(200);
    expect((await send(`/api/admin/campaigns/${id}`, "PATCH", { opensAt: "2027-01-01" })).status).toBe(422);
    const list = await json<AdminCampaignList>(await api.request("/api/admin/campaigns", { cookie: admin }));
    expect(list.campaigns.find((c) => c.id === id)).toMatchObject({ started: 2, submitted: 0 });
  });
});

describe("reopening", () => {
  it("needs a reason, and is logged with it", async () => {
    const response = await api.db.queryOne<{ id: number }>(
      "SELECT r.id FROM responses r JOIN campaigns c ON c.id = r.campaign_id WHERE c.year = 2026 AND r.status = 'submitted' LIMIT 1",
    );
    const path = `/api/admin/responses/${response?.id}/reopen`;
    expect((await send(path, "POST", {})).status).toBe(400);
    expect((await send(path, "POST", { reason: "" })).status).toBe(400);
    await json(await send(path, "POST", { reason: "Herd size mistyped" }));
    const log = await json<AuditLogPage>(
      await api.request("/api/admin/audit-log?action=reopen", { cookie: admin }),
    );
    expect(log.entries[0]).toMatchObject({
      action: "reopen",
      actor: "admin@demo.test",
      target: `response ${response?.id}`,
      detail: { reason: "Herd size mistyped" },
    });
  });
});

describe("the audit log", () => {
  it("holds every administrator action", async () => {
    const actions = new Set(await logActions());
    for (const action of [
      "user_invited",
      "roles_changed",
      "password_reset_link",
      "user_disabled",
      "campaign_created",
      "survey_version_published",
      "deadline_extended",
      "campaign_updated",
      "reopen",
    ])
      expect(actions, action).toContain(action);
  });

  it("filters by action, actor, farm and period, and exports the filtered log as CSV", async () => {
    const page = async (query: string) =>
      json<AuditLogPage>(await api.request(`/api/admin/audit-log?limit=200&${query}`, { cookie: admin }));
    const byActor = await page("actor=ADMIN@demo.test");
    expect(byActor.entries.length).toBeGreaterThan(0);
    expect(byActor.entries.every((e) => e.actor === "admin@demo.test")).toBe(true);
    const byFarm = await page("farm=1");
    expect(byFarm.entries.map((e) => e.action)).toContain("deadline_extended");
    expect((await page("from=2026-11-21&to=2026-11-21")).total).toBe((await page("")).total);
    expect((await page("to=2026-11-20")).total).toBe(0);
    const csv = await api.request("/api/admin/audit-log/export?action=campaign_updated", { cookie: admin });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename="audit-log-2026-11-21.csv"/);
    const lines = (await csv.text()).trim().split("\n");
    expect(lines[0]).toBe("at,actor,action,entity,entity_id,detail");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("campaign_updated");
    expect(await logActions()).toContain("audit_log_exported");
  });
});
