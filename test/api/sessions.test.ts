import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deviceOf } from "../../apps/api/src/services/sessions.ts";
import { createTestApi, problemOf, type TestApi } from "../support/api.ts";
import { STORED_HASH } from "../support/fixtures.ts";

/**
 * Sessions: a new token at every login (the old cookie's session ends), the list of a user's
 * sessions, "log out everywhere" for the user and for an administrator, and every session ending
 * on a password change or when an administrator disables the user.
 */
const START = new Date("2026-11-21T10:00:00.000Z").getTime();
let now = START;
const clock = () => new Date(now);
const PASSWORD = "demo-password";

const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
const CHROME_ANDROID =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ farms: 20, now: clock, config: { trustProxy: true } });
});
afterAll(() => api.close());

const cookieOf = (response: Response) => (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";

async function logIn(
  email: string,
  options: { password?: string; userAgent?: string; cookie?: string } = {},
): Promise<string> {
  const headers: Record<string, string> = { "x-forwarded-for": "192.0.2.10" };
  if (options.userAgent) headers["user-agent"] = options.userAgent;
  const response = await api.request("/api/auth/login", {
    method: "POST",
    headers,
    ...(options.cookie ? { cookie: options.cookie } : {}),
    body: JSON.stringify({ email, password: options.password ?? PASSWORD }),
  });
  expect(response.status, `login ${email}`).toBe(200);
  return cookieOf(response);
}

const meStatus = async (cookie: string) => (await api.request("/api/me", { cookie })).status;
const userId = async (email: string) =>
  Number((await api.db.queryOne<{ id: number }>("SELECT id FROM users WHERE email = ?", [email]))?.id);
const auditActions = async (entityId: number) =>
  (
    await api.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity = 'user' AND entity_id = ? ORDER BY id",
      [String(entityId)],
    )
  ).map((r) => r.action);

interface SessionList {
  sessions: {
    id: number;
    createdAt: string;
    lastSeenAt: string;
    browser: string | null;
    os: string | null;
    current: boolean;
  }[];
}
const sessionsOf = async (cookie: string) => {
  const response = await api.request("/api/me/sessions", { cookie });
  expect(response.status).toBe(200);
  return ((await response.json()) as SessionList).sessions;
};

describe("logging in", () => {
  it("gives a new session token every time and ends the session of the cookie sent along", async () => {
    const first = await logIn("sector@demo.test");
    const second = await logIn("sector@demo.test", { cookie: first });
    expect(second).not.toBe(first);
    expect(await meStatus(first)).toBe(401);
    expect(await meStatus(second)).toBe(200);
    // A login without a cookie (another device) leaves the other sessions alone.
    const third = await logIn("sector@demo.test");
    expect(await meStatus(second)).toBe(200);
    expect(await meStatus(third)).toBe(200);
  });
});

describe("the list of one's sessions", () => {
  it("shows each active session with its device, created and last seen, and which one is this", async () => {
    const laptop = await logIn("jury@demo.test", { userAgent: FIREFOX_WINDOWS });
    now += 5_000;
    const phone = await logIn("jury@demo.test", { userAgent: SAFARI_IPHONE });
    const seen = await sessionsOf(laptop);
    expect(seen).toHaveLength(2);
    expect(seen.map(({ browser, os, current }) => ({ browser, os, current }))).toEqual([
      { browser: "Safari", os: "iOS", current: false },
      { browser: "Firefox", os: "Windows", current: true },
    ]);
    expect(seen[1]?.createdAt).toBe(new Date(START).toISOString());
    expect((await sessionsOf(phone)).find((s) => s.current)?.browser).toBe("Safari");
    // Another user's sessions are not listed.
    await logIn("buyer@demo.test");
    expect(await sessionsOf(laptop)).toHaveLength(2);
  });

  it("updates last seen at most once a minute", async () => {
    const cookie = await logIn("auditor@demo.test", { userAgent: CHROME_ANDROID });
    const loggedInAt = new Date(now).toISOString();
    now += 30_000;
    expect((await sessionsOf(cookie))[0]?.lastSeenAt).toBe(loggedInAt);
    now += 31_000;
    await api.request("/api/me", { cookie });
    const seenAt = new Date(now).toISOString();
    expect((await sessionsOf(cookie))[0]?.lastSeenAt).toBe(seenAt);
    now += 10_000;
    await api.request("/api/me", { cookie });
    expect((await sessionsOf(cookie))[0]?.lastSeenAt).toBe(seenAt);
  });

  it("needs a session", async () => {
    expect((await api.request("/api/me/sessions")).status).toBe(401);
    expect((await api.request("/api/me/sessions/logout-all", { method: "POST" })).status).toBe(401);
  });
});

describe("log out everywhere", () => {
  it("ends every session of the user, this one included, and no one else's", async () => {
    const devices = [
      await logIn("farmer@demo.test"),
      await logIn("farmer@demo.test"),
      await logIn("farmer@demo.test"),
    ];
    const someoneElse = await logIn("fermier@demo.test");
    const response = await api.request("/api/me/sessions/logout-all", { method: "POST", cookie: devices[0] });
    expect(response.status).toBe(204);
    expect(response.headers.get("set-cookie")).toMatch(/monitor_session=;/);
    for (const cookie of devices) expect(await meStatus(cookie)).toBe(401);
    expect(await meStatus(someoneElse)).toBe(200);
    expect(await auditActions(await userId("farmer@demo.test"))).toContain("logout_all");
  });

  it("is what an administrator can do for any user", async () => {
    const admin = await logIn("admin@demo.test");
    const farmer = [await logIn("farmer@demo.test"), await logIn("farmer@demo.test")];
    const id = await userId("farmer@demo.test");
    const response = await api.request(`/api/admin/users/${id}/logout-all`, {
      method: "POST",
      cookie: admin,
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      user: { email: string; active: boolean };
      endedSessions: number;
    };
    expect(body.endedSessions).toBe(2);
    expect(body.user).toMatchObject({ email: "farmer@demo.test", active: true });
    for (const cookie of farmer) expect(await meStatus(cookie)).toBe(401);
    expect(await meStatus(admin)).toBe(200);
    const audit = await api.db.queryOne<{ user_id: number; action: string }>(
      "SELECT user_id, action FROM audit_log WHERE entity = 'user' AND entity_id = ? ORDER BY id DESC LIMIT 1",
      [String(id)],
    );
    expect(audit).toMatchObject({ action: "logout_all", user_id: await userId("admin@demo.test") });
  });

  it("is refused to anyone but an administrator, and 404 for a user that does not exist", async () => {
    const farmer = await logIn("farmer@demo.test");
    const admin = await logIn("admin@demo.test");
    const buyer = await userId("buyer@demo.test");
    for (const action of ["logout-all", "disable", "enable"]) {
      expect(
        (await api.request(`/api/admin/users/${buyer}/${action}`, { method: "POST", cookie: farmer })).status,
      ).toBe(403);
      expect(
        (await api.request(`/api/admin/users/9999/${action}`, { method: "POST", cookie: admin })).status,
      ).toBe(404);
      expect(
        (await api.request(`/api/admin/users/abc/${action}`, { method: "POST", cookie: admin })).status,
      ).toBe(400);
    }
  });
});

describe("a password change", () => {
  const change = (cookie: string, body: unknown, headers: Record<string, string> = {}) =>
    api.request("/api/me/password", {
      method: "PATCH",
      cookie,
      headers: { "x-forwarded-for": "192.0.2.30", ...headers },
      body: JSON.stringify(body),
    });

  it("ends every session of the user and keeps this device logged in with a new one", async () => {
    const phone = await logIn("fermier@demo.test");
    const laptop = await logIn("fermier@demo.test");
    const changed = await change(laptop, {
      currentPassword: PASSWORD,
      newPassword: "a much longer passphrase",
    });
    expect(changed.status).toBe(204);
    const renewed = cookieOf(changed);
    expect(renewed).toMatch(/^monitor_session=.+/);
    expect(renewed).not.toBe(laptop);
    expect(await meStatus(phone)).toBe(401);
    expect(await meStatus(laptop)).toBe(401);
    expect(await meStatus(renewed)).toBe(200);
    expect(await sessionsOf(renewed)).toHaveLength(1);

    const oldPassword = await api.request("/api/auth/login", {
      method: "POST",
      headers: { "x-forwarded-for": "192.0.2.31" },
      body: JSON.stringify({ email: "fermier@demo.test", password: PASSWORD }),
    });
    expect(oldPassword.status).toBe(401);
    await logIn("fermier@demo.test", { password: "a much longer passphrase" });
    const stored = await api.db.queryOne<{ password_hash: string }>(
      "SELECT password_hash FROM users WHERE email = 'fermier@demo.test'",
    );
    expect(stored?.password_hash).toMatch(STORED_HASH);
    expect(await auditActions(await userId("fermier@demo.test"))).toContain("password_changed");
  });

  it("refuses a wrong current password, a short or unchanged new one, in the user's language", async () => {
    const cookie = await logIn("buyer@demo.test");
    const wrong = await change(
      cookie,
      { currentPassword: "not it", newPassword: "long enough password" },
      { "x-forwarded-for": "192.0.2.40" },
    );
    expect(wrong.status).toBe(422);
    const problem = await problemOf(wrong);
    expect(problem.title).toBe("Het huidige wachtwoord is fout.");
    expect(problem.errors?.[0]?.path).toBe("currentPassword");

    const short = await change(cookie, { currentPassword: PASSWORD, newPassword: "short" });
    expect(short.status).toBe(400);
    expect((await problemOf(short)).errors?.[0]?.path).toBe("newPassword");

    const same = await change(cookie, { currentPassword: PASSWORD, newPassword: PASSWORD });
    expect(same.status).toBe(422);
    expect((await problemOf(same)).errors?.[0]?.path).toBe("newPassword");
    expect(await meStatus(cookie)).toBe(200);
  });

  it("throttles guesses of the current password like logins", async () => {
    const cookie = await logIn("buyer@demo.test");
    const guess = (n: number) =>
      change(cookie, { currentPassword: `guess-${n}`, newPassword: "long enough password" });
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => guess(i)));
    expect(responses.filter((r) => r.status === 422)).toHaveLength(5);
    const throttled = responses.filter((r) => r.status === 429);
    expect(throttled).toHaveLength(15);
    expect(Number(throttled[0]?.headers.get("retry-after"))).toBe(1);
    now += 1_000;
  });

  it("needs a session", async () => {
    expect(
      (await change("", { currentPassword: PASSWORD, newPassword: "long enough password" })).status,
    ).toBe(401);
  });
});

describe("disabling a user", () => {
  it("ends every session, refuses logins until enabled again, and is logged", async () => {
    const admin = await logIn("admin@demo.test");
    const auditor = [await logIn("auditor@demo.test"), await logIn("auditor@demo.test")];
    const id = await userId("auditor@demo.test");

    const disabled = await api.request(`/api/admin/users/${id}/disable`, { method: "POST", cookie: admin });
    expect(disabled.status).toBe(200);
    const body = (await disabled.json()) as { user: { active: boolean }; endedSessions: number };
    expect(body.user.active).toBe(false);
    expect(body.endedSessions).toBeGreaterThanOrEqual(2);
    for (const cookie of auditor) expect(await meStatus(cookie)).toBe(401);
    const refused = await api.request("/api/auth/login", {
      method: "POST",
      headers: { "x-forwarded-for": "192.0.2.50" },
      body: JSON.stringify({ email: "auditor@demo.test", password: PASSWORD }),
    });
    expect(refused.status).toBe(401);

    const enabled = await api.request(`/api/admin/users/${id}/enable`, { method: "POST", cookie: admin });
    expect(enabled.status).toBe(200);
    expect(((await enabled.json()) as { user: { active: boolean } }).user.active).toBe(true);
    expect(await meStatus(await logIn("auditor@demo.test"))).toBe(200);

    const actions = await auditActions(id);
    expect(actions.indexOf("user_disabled")).toBeGreaterThan(-1);
    expect(actions.indexOf("user_enabled")).toBeGreaterThan(actions.indexOf("user_disabled"));
    const users = (await (await api.request("/api/admin/users", { cookie: admin })).json()) as {
      users: { email: string; active: boolean }[];
    };
    expect(users.users.find((u) => u.email === "auditor@demo.test")?.active).toBe(true);
  });

  it("is refused for one's own account, in the administrator's language", async () => {
    const admin = await logIn("admin@demo.test");
    const id = await userId("admin@demo.test");
    const inFrench = await api.request("/api/me", {
      method: "PATCH",
      cookie: admin,
      body: '{"locale":"fr"}',
    });
    expect(inFrench.status).toBe(200);
    const response = await api.request(`/api/admin/users/${id}/disable`, { method: "POST", cookie: admin });
    expect(response.status).toBe(409);
    expect((await problemOf(response)).title).toBe("Vous ne pouvez pas désactiver votre propre compte.");
    expect(await meStatus(admin)).toBe(200);
    await api.request("/api/me", { method: "PATCH", cookie: admin, body: '{"locale":"en"}' });
  });
});

describe("the device of a User-Agent", () => {
  it("is the browser and the operating system, nothing more", () => {
    expect(deviceOf(FIREFOX_WINDOWS)).toEqual({ browser: "Firefox", os: "Windows" });
    expect(deviceOf(SAFARI_IPHONE)).toEqual({ browser: "Safari", os: "iOS" });
    expect(deviceOf(CHROME_ANDROID)).toEqual({ browser: "Chrome", os: "Android" });
    expect(
      deviceOf(
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
      ),
    ).toEqual({ browser: "Edge", os: "macOS" });
    expect(deviceOf("curl/8.5.0")).toEqual({ browser: null, os: null });
    expect(deviceOf(undefined)).toEqual({ browser: null, os: null });
  });
});
