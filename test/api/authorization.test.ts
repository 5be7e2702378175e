import { matchRoute, ROUTES } from "@monitor/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../apps/api/src/auth/password.ts";
import { hashToken } from "../../apps/api/src/auth/tokens.ts";
import { DEMO_PASSWORD, DEMO_USERS } from "../../apps/api/src/demo/seed.ts";
import { createRepositories } from "../../apps/api/src/repositories/index.ts";
import { createTestApi, type TestApi } from "../support/api.ts";
import { COMPLETE_2026 } from "../support/guarantees/answers.ts";

/**
 * Who may call what: every route of the contract's route table (ROUTES) × every role and scope,
 * as one table of expected statuses. A route without a row fails the test, so a new route must say
 * who may call it. Path parameters are filled per actor: "own" actors reach farm 1 (Hoeve De Linde:
 * dairy buyer Milcobel, inspection body Certalent), "other" actors farm 2 (Ferme du Bois Joli: Laiterie
 * des Ardennes, Carah), which their scope does not cover. Bodies are valid, so that a status says
 * whether the actor may, not whether the request was well formed. A farm out of reach answers 404,
 * like one that does not exist (README: rules the code keeps).
 */
const NOW = new Date("2026-11-21T10:00:00.000Z");
const OWN_FARM = 1;
const OTHER_FARM = 2;
/** Room for a slow machine running other test files beside this one (the matrix takes about 20 s alone). */
const TIMEOUT_MS = 90_000;

const ACTORS = {
  anonymous: { email: null, farm: OWN_FARM, dairyBuyer: "milcobel" },
  farmerOwn: { email: "farmer@demo.test", farm: OWN_FARM, dairyBuyer: "milcobel" },
  farmerOther: { email: "farmer@demo.test", farm: OTHER_FARM, dairyBuyer: "lda" },
  sector: { email: "sector@demo.test", farm: OWN_FARM, dairyBuyer: "milcobel" },
  buyerOwn: { email: "buyer@demo.test", farm: OWN_FARM, dairyBuyer: "milcobel" },
  buyerOther: { email: "buyer@demo.test", farm: OTHER_FARM, dairyBuyer: "lda" },
  auditorOwn: { email: "auditor@demo.test", farm: OWN_FARM, dairyBuyer: "milcobel" },
  auditorOther: { email: "auditor@demo.test", farm: OTHER_FARM, dairyBuyer: "lda" },
  juror: { email: "jury@demo.test", farm: OWN_FARM, dairyBuyer: "milcobel" },
  admin: { email: "admin@demo.test", farm: OTHER_FARM, dairyBuyer: "lda" },
} as const;
type ActorName = keyof typeof ACTORS;
type Actor = (typeof ACTORS)[ActorName] & { name: ActorName };
const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];

type Expected = Record<ActorName, number>;

/** Status patterns: who the route is for; the value is the status of those who may. */
const everyone = (ok: number): Expected => Object.fromEntries(ACTOR_NAMES.map((a) => [a, ok])) as Expected;
const signedIn = (ok: number): Expected => ({ ...everyone(ok), anonymous: 401 });
const only = (ok: number, allowed: ActorName[], refused: number): Expected => ({
  ...(Object.fromEntries(ACTOR_NAMES.map((a) => [a, allowed.includes(a) ? ok : refused])) as Expected),
  anonymous: 401,
});
/** A farm's individual data: its farmers, the auditors of its inspection body, administrators; 404 for the rest. */
const farmReaders = (ok: number) => only(ok, ["farmerOwn", "auditorOwn", "admin"], 404);
/** A farm's monitor changes: its own farmers only. */
const farmFillers = (ok: number) => only(ok, ["farmerOwn"], 404);
/** Aggregates: sector analysts (a dairy buyer's within its suppliers) and administrators. */
const analysts = (ok: number) => only(ok, ["sector", "buyerOwn", "buyerOther", "admin"], 403);
const admins = (ok: number) => only(ok, ["admin"], 403);
/** An award edition's jury (the demo's jury@ chairs edition 1) and administrators; 404 for the rest. */
const jury = (ok: number) => only(ok, ["juror", "admin"], 404);

interface Call {
  path: string;
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The cookie to send instead of the actor's session (a session of its own for a logout). */
  cookie?: string;
}

interface Context {
  actor: Actor;
  /** The actor's session cookie ("" when logged out). */
  cookie: string;
  /** A fresh session of the actor's user, for a request that ends it. */
  freshSession(): Promise<string>;
}

interface Row {
  expected: Expected;
  call(ctx: Context): Call | Promise<Call>;
  /** Runs after the call (puts back what it changed for the next cells). */
  after?(ctx: Context): Promise<void>;
}

let api: TestApi;
let current: number;
let previous: number;
let victimId: number;
/** Makes each one-time link and invited address of the table unique. */
let links = 0;
const sessions = new Map<string, string>();

const passwordOf = (email: string) => (email === VICTIM ? "victim-password" : DEMO_PASSWORD);
const VICTIM = "victim@authorization.test";
const localeOf = (email: string | null) => DEMO_USERS.find((u) => u.email === email)?.locale ?? "en";

async function versionOf(farmId: number, campaignId: number): Promise<number> {
  const row = await api.db.queryOne<{ version: number }>(
    "SELECT version FROM responses WHERE farm_id = ? AND campaign_id = ?",
    [farmId, campaignId],
  );
  return Number(row?.version ?? 0);
}

const farmPath = (ctx: Context, rest = "") => `/api/farms/${ctx.actor.farm}${rest}`;
const population = (ctx: Context) => `dairyBuyer=${ctx.actor.dairyBuyer}`;

/** The table: route name → the status per actor, and the request each actor makes. */
const TABLE: Record<string, Row> = {
  health: { expected: everyone(200), call: () => ({ path: "/api/health" }) },
  openApi: { expected: everyone(200), call: () => ({ path: "/api/openapi.json" }) },
  login: {
    expected: everyone(200),
    call: (ctx) => {
      const email = ctx.actor.email ?? "farmer@demo.test";
      return { path: "/api/auth/login", method: "POST", body: { email, password: passwordOf(email) } };
    },
  },
  logout: {
    expected: everyone(204),
    call: async (ctx) => ({
      path: "/api/auth/logout",
      method: "POST",
      cookie: ctx.actor.email ? await ctx.freshSession() : "",
    }),
  },
  getMe: { expected: signedIn(200), call: () => ({ path: "/api/me" }) },
  updateMe: {
    expected: signedIn(200),
    call: (ctx) => ({ path: "/api/me", method: "PATCH", body: { locale: localeOf(ctx.actor.email) } }),
  },
  listMySessions: { expected: signedIn(200), call: () => ({ path: "/api/me/sessions" }) },
  logOutEverywhere: {
    expected: signedIn(204),
    call: () => ({ path: "/api/me/sessions/logout-all", method: "POST" }),
  },
  changePassword: {
    expected: signedIn(204),
    call: () => ({
      path: "/api/me/password",
      method: "PATCH",
      body: { currentPassword: DEMO_PASSWORD, newPassword: "a-new-password-for-the-matrix" },
    }),
    // The demo password again, for the logins of the next cells.
    after: async (ctx) => {
      if (!ctx.actor.email) return;
      await api.db.writeOne("UPDATE users SET password_hash = ? WHERE email = ?", [
        await demoHash,
        ctx.actor.email,
      ]);
    },
  },
  listFarms: { expected: signedIn(200), call: () => ({ path: "/api/farms" }) },
  getFarm: { expected: farmReaders(200), call: (ctx) => ({ path: farmPath(ctx) }) },
  listCampaigns: { expected: signedIn(200), call: () => ({ path: "/api/campaigns" }) },
  getCurrentMonitor: { expected: farmReaders(200), call: (ctx) => ({ path: farmPath(ctx, "/monitor") }) },
  listFarmMonitors: { expected: farmReaders(200), call: (ctx) => ({ path: farmPath(ctx, "/monitors") }) },
  getMonitor: {
    expected: farmReaders(200),
    call: (ctx) => ({ path: farmPath(ctx, `/monitor/${previous}`) }),
  },
  saveMonitor: {
    expected: farmFillers(200),
    call: async (ctx) => ({
      path: farmPath(ctx, `/monitor/${current}`),
      method: "PUT",
      headers: { "if-match": `"${await versionOf(ctx.actor.farm, current)}"` },
      body: { data: { grazing: true, dairy_cows: 90 }, page: 0 },
    }),
  },
  submitMonitor: {
    expected: farmFillers(200),
    call: async (ctx) => {
      // The farmer completes the monitor first, so that the submission itself is judged.
      if (ctx.actor.name === "farmerOwn") {
        const saved = await api.request(farmPath(ctx, `/monitor/${current}`), {
          method: "PUT",
          cookie: ctx.cookie,
          headers: { "if-match": `"${await versionOf(ctx.actor.farm, current)}"` },
          body: JSON.stringify({ data: COMPLETE_2026 }),
        });
        expect(saved.status).toBe(200);
      }
      return { path: farmPath(ctx, `/monitor/${current}/submit`), method: "POST" };
    },
  },
  getReceipt: {
    expected: farmReaders(200),
    call: (ctx) => ({ path: farmPath(ctx, `/monitor/${previous}/receipt`) }),
  },
  getFarmResults: {
    expected: farmReaders(200),
    call: (ctx) => ({ path: farmPath(ctx, `/results/${previous}`) }),
  },
  exportFarm: { expected: farmReaders(200), call: (ctx) => ({ path: farmPath(ctx, "/export?format=json") }) },
  listSurveyVersions: { expected: signedIn(200), call: () => ({ path: "/api/surveys" }) },
  getCatalogue: { expected: signedIn(200), call: () => ({ path: "/api/surveys/catalogue" }) },
  getSurveyVersion: { expected: signedIn(200), call: () => ({ path: "/api/surveys/2026" }) },
  sectorOverview: { expected: analysts(200), call: () => ({ path: "/api/sector/overview" }) },
  sectorOptions: { expected: analysts(200), call: () => ({ path: "/api/sector/options" }) },
  sectorTrend: {
    expected: analysts(200),
    call: (ctx) => ({ path: `/api/sector/trend?${population(ctx)}` }),
  },
  sectorParticipation: {
    expected: analysts(200),
    call: (ctx) => ({ path: `/api/sector/participation?campaign=${previous}&${population(ctx)}` }),
  },
  sectorAdoption: {
    expected: analysts(200),
    call: (ctx) => ({ path: `/api/sector/adoption?campaign=${previous}&${population(ctx)}` }),
  },
  sectorDistribution: {
    expected: analysts(200),
    call: (ctx) => ({ path: `/api/sector/distribution?campaign=${previous}&${population(ctx)}` }),
  },
  sectorBreakdown: {
    expected: analysts(200),
    call: (ctx) => ({ path: `/api/sector/breakdown?campaign=${previous}&by=region&${population(ctx)}` }),
  },
  sectorExport: {
    expected: analysts(200),
    call: (ctx) => ({ path: `/api/sector/export?view=trend&format=csv&${population(ctx)}` }),
  },
  listUsers: { expected: admins(200), call: () => ({ path: "/api/admin/users" }) },
  listAuditLog: { expected: admins(200), call: () => ({ path: "/api/admin/audit-log" }) },
  listOrganisations: { expected: admins(200), call: () => ({ path: "/api/admin/organisations" }) },
  logOutUserEverywhere: {
    expected: admins(200),
    call: () => ({ path: `/api/admin/users/${victimId}/logout-all`, method: "POST" }),
  },
  disableUser: {
    expected: admins(200),
    call: () => ({ path: `/api/admin/users/${victimId}/disable`, method: "POST" }),
  },
  enableUser: {
    expected: admins(200),
    call: () => ({ path: `/api/admin/users/${victimId}/enable`, method: "POST" }),
  },
  reopenMonitor: {
    expected: admins(200),
    call: async () => {
      // Any monitor submitted in the open campaign (the demo has some; the farmer's cell adds one).
      const submitted = await api.db.queryOne<{ id: number }>(
        "SELECT id FROM responses WHERE campaign_id = ? AND status = 'submitted' ORDER BY id LIMIT 1",
        [current],
      );
      expect(submitted).toBeDefined();
      return {
        path: `/api/admin/responses/${submitted?.id}/reopen`,
        method: "POST",
        body: { reason: "Authorization matrix: reopened to check who may" },
      };
    },
  },
  listFarmAudits: { expected: farmReaders(200), call: (ctx) => ({ path: farmPath(ctx, "/audits") }) },
  recordAudit: {
    // The farm's farmer reads its audits but does not record them.
    expected: { ...farmReaders(200), farmerOwn: 403 },
    call: (ctx) => ({
      path: farmPath(ctx, "/audits"),
      method: "POST",
      body: { auditedOn: "2026-11-20", result: "compliant" },
    }),
  },
  useOneTimeLink: {
    expected: everyone(200),
    call: async (ctx) => {
      // A link for the actor's own account (the victim's for anonymous), setting the same password.
      const email = ctx.actor.email ?? VICTIM;
      const token = `matrix-link-${++links}-${"x".repeat(24)}`;
      const user = await api.db.queryOne<{ id: number }>("SELECT id FROM users WHERE email = ?", [email]);
      await api.db.write([
        createRepositories(api.db).oneTimeTokens.createStatement(
          {
            tokenHash: hashToken(token),
            userId: Number(user?.id),
            purpose: "password_reset",
            createdBy: null,
          },
          NOW,
          new Date(NOW.getTime() + 86_400_000),
        ),
      ]);
      return {
        path: "/api/auth/one-time-link",
        method: "POST",
        body: { token, password: passwordOf(email) },
      };
    },
  },
  inviteUser: {
    expected: admins(200),
    call: () => ({
      path: "/api/admin/users",
      method: "POST",
      body: {
        email: `invited-${++links}@authorization.test`,
        name: "Invited",
        roles: [{ role: "farmer", scopeType: "farm", scopeId: "3" }],
      },
    }),
  },
  setUserRoles: {
    expected: admins(200),
    call: () => ({
      path: `/api/admin/users/${victimId}/roles`,
      method: "PUT",
      body: { roles: [{ role: "farmer", scopeType: "farm", scopeId: "3" }] },
    }),
  },
  resetUserPassword: {
    expected: admins(200),
    call: () => ({ path: `/api/admin/users/${victimId}/password-reset`, method: "POST" }),
  },
  exportAuditLog: {
    expected: admins(200),
    call: () => ({ path: "/api/admin/audit-log/export?action=login" }),
  },
  listAdminCampaigns: { expected: admins(200), call: () => ({ path: "/api/admin/campaigns" }) },
  createCampaign: {
    expected: admins(200),
    call: () => ({
      path: "/api/admin/campaigns",
      method: "POST",
      body: {
        name: "Matrix",
        year: 2031,
        surveyVersion: "2026",
        opensAt: "2031-01-01",
        closesAt: "2031-12-31",
      },
    }),
  },
  updateCampaign: {
    expected: admins(200),
    call: () => ({
      path: `/api/admin/campaigns/${current}`,
      method: "PATCH",
      body: { name: "Monitor 2026" },
    }),
  },
  publishSurveyVersion: {
    expected: admins(200),
    call: async () => {
      // A campaign no farm has answered.
      await api.db.writeOne(
        `INSERT INTO campaigns (name, year, survey_version_id, opens_at, closes_at)
         VALUES ('Unanswered', 2032, '2020', '2032-01-01', '2032-12-31') ON CONFLICT DO NOTHING`,
      );
      const id = await api.db.queryOne<{ id: number }>("SELECT id FROM campaigns WHERE year = 2032");
      return {
        path: `/api/admin/campaigns/${id?.id}/publish`,
        method: "POST",
        body: { surveyVersion: "2026" },
      };
    },
  },
  extendDeadline: {
    expected: admins(200),
    call: () => ({
      path: `/api/admin/campaigns/${current}/extensions`,
      method: "POST",
      body: { farmId: 3, closesAt: "2027-06-01" },
    }),
  },
  listAdminSurveyVersions: { expected: admins(200), call: () => ({ path: "/api/admin/survey-versions" }) },
  importRegister: {
    expected: admins(200),
    call: () => ({
      path: "/api/admin/register/import?dryRun=true",
      method: "POST",
      headers: { "content-type": "text/csv" },
      body: "herd_number,name,region,province,herd_size,dairy_buyer,certification_body,inspection_body,status",
    }),
  },
  listAwards: { expected: signedIn(200), call: () => ({ path: "/api/awards" }) },
  getAward: { expected: jury(200), call: () => ({ path: "/api/awards/1" }) },
  listAwardCandidates: { expected: jury(200), call: () => ({ path: "/api/awards/1/candidates" }) },
  compareAwardCandidates: {
    expected: jury(200),
    call: async () => ({ path: `/api/awards/1/compare?ids=${(await candidates()).slice(0, 2).join(",")}` }),
  },
  getAwardCandidate: {
    expected: jury(200),
    call: async () => ({ path: `/api/awards/1/candidates/${(await candidates())[0]}` }),
  },
  scoreAwardCandidate: {
    expected: { ...jury(200), admin: 403 },
    call: async () => ({
      path: `/api/awards/1/candidates/${(await candidates())[0]}/score`,
      method: "PUT",
      body: { score: 7, note: "matrix" },
    }),
  },
  declareAwardConflict: {
    expected: { ...jury(200), admin: 403 },
    call: async () => ({
      path: `/api/awards/1/candidates/${(await candidates()).at(-1)}/conflict`,
      method: "POST",
      body: { reason: "matrix" },
    }),
    // The farm back in the juror's view for the next cells.
    after: async () => {
      await api.db.writeOne("DELETE FROM award_conflicts");
    },
  },
  getAwardShortlist: { expected: jury(200), call: () => ({ path: "/api/awards/1/shortlist" }) },
  decideAwardShortlist: {
    expected: jury(200),
    call: async () => ({
      path: `/api/awards/1/shortlist/${(await candidates())[0]}`,
      method: "PUT",
      body: { decision: "shortlisted", reason: "Authorization matrix" },
    }),
  },
  closeAwardShortlist: {
    expected: jury(200),
    call: () => ({ path: "/api/awards/1/shortlist/close", method: "POST" }),
    // Open again for the next cells.
    after: async () => {
      await api.db.writeOne("UPDATE award_editions SET shortlist_closed_at = NULL WHERE id = 1");
    },
  },
  exportAwardShortlist: {
    expected: jury(200),
    call: () => ({ path: "/api/awards/1/shortlist/export?format=csv" }),
  },
  listFarmAwards: { expected: farmFillers(200), call: (ctx) => ({ path: farmPath(ctx, "/awards") }) },
  enterAward: {
    expected: farmFillers(200),
    call: (ctx) => ({
      path: farmPath(ctx, "/awards/1/entry"),
      method: "POST",
      body: { categories: ["overall"], consent: true },
    }),
  },
  withdrawAward: {
    expected: farmFillers(200),
    call: async (ctx) => {
      if (ctx.actor.name === "farmerOwn")
        await api.request(farmPath(ctx, "/awards/1/entry"), {
          method: "POST",
          cookie: ctx.cookie,
          body: JSON.stringify({ categories: ["overall"], consent: true }),
        });
      return { path: farmPath(ctx, "/awards/1/withdraw"), method: "POST" };
    },
  },
  listAdminAwards: { expected: admins(200), call: () => ({ path: "/api/admin/awards" }) },
  createAward: {
    expected: admins(200),
    call: () => ({ path: "/api/admin/awards", method: "POST", body: edition() }),
  },
  updateAward: {
    expected: admins(200),
    call: async () => {
      // The edition the administrator's cell of createAward made, never the demo's.
      const made = await api.db.queryOne<{ id: number }>("SELECT max(id) AS id FROM award_editions");
      return { path: `/api/admin/awards/${Math.max(2, Number(made?.id))}`, method: "PUT", body: edition() };
    },
  },
};

/** The consenting candidates of the demo's edition 1, ranked as jurors see them. */
async function candidates(): Promise<number[]> {
  const rows = await createRepositories(api.db).awards.candidates(1, 0);
  expect(rows.length).toBeGreaterThan(1);
  return rows.map((r) => r.candidateId);
}

const edition = () => ({
  name: "Matrix Awards",
  year: 2026,
  campaignId: current,
  categories: ["overall"],
  opensAt: "2026-11-01T00:00:00.000Z",
  closesAt: "2026-12-01T00:00:00.000Z",
  weights: { energy: 1 },
  blind: true,
  jurors: ["jury@demo.test"],
  chair: "jury@demo.test",
});

const demoHash = hashPassword(DEMO_PASSWORD);

async function logIn(email: string): Promise<string> {
  return api.login(email, passwordOf(email));
}

const pendingLogins = new Map<string, Promise<string>>();

/** The user's session cookie, logging in again when a cell ended it. */
async function sessionOf(email: string | null): Promise<string> {
  if (!email) return "";
  const cookie = sessions.get(email);
  if (cookie) return cookie;
  let pending = pendingLogins.get(email);
  if (!pending) {
    pending = logIn(email).finally(() => pendingLogins.delete(email));
    pendingLogins.set(email, pending);
  }
  const fresh = await pending;
  sessions.set(email, fresh);
  return fresh;
}

/** Takes a new or cleared session cookie from an answer (a login, a password change, a logout). */
function absorbCookie(email: string | null, response: Response) {
  if (!email) return;
  const set = response.headers.get("set-cookie");
  if (!set?.startsWith("monitor_session=")) return;
  const pair = set.split(";")[0] ?? "";
  const cleared = pair === "monitor_session=" || /max-age=0/i.test(set);
  if (cleared) sessions.delete(email);
  else sessions.set(email, pair);
}

beforeAll(async () => {
  api = await createTestApi({ now: () => NOW });
  const campaignOf = async (year: number) =>
    Number((await api.db.queryOne<{ id: number }>("SELECT id FROM campaigns WHERE year = ?", [year]))?.id);
  current = await campaignOf(2026);
  previous = await campaignOf(2025);
  victimId = await createRepositories(api.db).users.create(
    { email: VICTIM, name: "Victim", passwordHash: await hashPassword("victim-password"), locale: "en" },
    [{ role: "farmer", scopeType: "farm", scopeId: "3" }],
    NOW,
  );
});
afterAll(() => api.close());

describe("the authorization matrix", () => {
  it("has a row for every route of the contract, and none for a route that is not there", () => {
    const routes = ROUTES.map((r) => r.name).sort();
    expect(Object.keys(TABLE).sort()).toEqual(routes);
  });

  it(
    "answers every route × role and scope as the table says",
    async () => {
      const mismatches: string[] = [];
      let cells = 0;
      for (const route of ROUTES) {
        const row = TABLE[route.name];
        if (!row) {
          mismatches.push(`${route.name}: no row in the table`);
          continue;
        }
        // Sessions a cell ended are opened again together (scrypt runs beside the event loop).
        await Promise.all(ACTOR_NAMES.map((name) => sessionOf(ACTORS[name].email)));
        for (const name of ACTOR_NAMES) {
          const actor: Actor = { ...ACTORS[name], name };
          const ctx: Context = {
            actor,
            cookie: await sessionOf(actor.email),
            freshSession: () => logIn(actor.email ?? ""),
          };
          const call = await row.call(ctx);
          const method = call.method ?? "GET";
          const reached = matchRoute(method, call.path);
          if (reached?.name !== route.name) {
            mismatches.push(
              `${route.name} × ${name}: ${method} ${call.path} reaches ${reached?.name ?? "no route"}`,
            );
            continue;
          }
          const response = await api.request(call.path, {
            method,
            cookie: call.cookie ?? ctx.cookie,
            ...(call.headers ? { headers: call.headers } : {}),
            ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
          });
          cells++;
          if (call.cookie === undefined) absorbCookie(actor.email, response);
          const expected = row.expected[name];
          if (response.status !== expected) {
            const detail = response.status >= 400 ? ` ${(await response.text()).slice(0, 160)}` : "";
            mismatches.push(
              `${route.name} × ${name}: ${method} ${call.path} → ${response.status}, expected ${expected}${detail}`,
            );
          }
          await row.after?.(ctx);
        }
      }
      expect(mismatches).toEqual([]);
      expect(cells).toBe(ROUTES.length * ACTOR_NAMES.length);
    },
    TIMEOUT_MS,
  );
});

describe("a farm out of reach", () => {
  it(
    "answers like a farm that does not exist, on every farm route",
    async () => {
      const farmRoutes = ROUTES.filter((r) => r.path.includes(":farmId"));
      expect(farmRoutes.length).toBeGreaterThan(5);
      const farmer = await sessionOf("farmer@demo.test");
      const auditor = await sessionOf("auditor@demo.test");
      for (const route of farmRoutes) {
        const path = (farmId: number) =>
          route.path
            .replace(":farmId", String(farmId))
            .replace(":campaignId", String(previous))
            .concat(route.name === "exportFarm" ? "?format=json" : "");
        const init = (cookie: string) => ({
          method: route.method,
          cookie,
          ...(route.method === "PUT"
            ? { headers: { "if-match": '"0"' }, body: JSON.stringify({ data: { grazing: true } }) }
            : {}),
        });
        for (const cookie of [farmer, auditor]) {
          const outOfReach = await api.request(path(OTHER_FARM), init(cookie));
          const missing = await api.request(path(999_999), init(cookie));
          expect(outOfReach.status, route.name).toBe(404);
          const problem = (r: Response) =>
            r.json().then((p: { type: string; title: string }) => [p.type, p.title]);
          expect(await problem(outOfReach), route.name).toEqual(await problem(missing));
        }
      }
    },
    TIMEOUT_MS,
  );
});
