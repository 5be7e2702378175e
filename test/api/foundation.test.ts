import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, problemOf, type TestApi } from "../support/api.ts";
import { STORED_HASH } from "../support/fixtures.ts";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

describe("health", () => {
  it("answers ok once the database answers", async () => {
    const response = await api.request("/api/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok" });
  });
});

describe("accounts", () => {
  it("never stores a password in plain text", async () => {
    const rows = await api.db.query<{ password_hash: string }>("SELECT password_hash FROM users");
    expect(rows.length).toBe(8);
    for (const row of rows) {
      expect(row.password_hash).not.toContain("demo-password");
      expect(row.password_hash).toMatch(STORED_HASH);
    }
    const salts = new Set(rows.map((r) => r.password_hash.split("$")[4]));
    expect(salts.size).toBe(rows.length);
  });

  it("sets an HttpOnly SameSite session cookie and keeps only a hash of the token", async () => {
    const response = await api.request("/api/auth/login", {
      method: "POST",
      body: JSON.stringify({ email: "farmer@demo.test", password: "demo-password" }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const token = cookie.split(";")[0]?.split("=")[1] ?? "";
    const stored = await api.db.query("SELECT token_hash FROM sessions WHERE token_hash = ?", [token]);
    expect(stored).toHaveLength(0);
  });

  it("refuses a wrong password with a translated problem", async () => {
    const response = await api.request("/api/auth/login", {
      method: "POST",
      headers: { "accept-language": "fr-BE,fr;q=0.9" },
      body: JSON.stringify({ email: "farmer@demo.test", password: "wrong" }),
    });
    expect(response.status).toBe(401);
    const problem = await problemOf(response);
    expect(problem.title).toBe("L'adresse e-mail ou le mot de passe est incorrect.");
  });

  it("answers /api/me with user, roles with scopes and farms", async () => {
    const cookie = await api.login("farmer@demo.test");
    const response = await api.request("/api/me", { cookie });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      user: { id: 1, email: "farmer@demo.test", name: "Jan Vermeulen", locale: "nl" },
      roles: [{ role: "farmer", scope: { type: "farm", id: "1" } }],
      farms: [{ id: 1, herdNumber: "BE10000001-0101", name: "Hoeve De Linde" }],
    });
  });

  it("remembers the user's language and answers errors in it", async () => {
    const cookie = await api.login("auditor@demo.test");
    const changed = await api.request("/api/me", {
      method: "PATCH",
      cookie,
      body: JSON.stringify({ locale: "de" }),
    });
    expect(changed.status).toBe(200);
    const forbidden = await api.request("/api/admin/users", { cookie, headers: { "accept-language": "en" } });
    expect(forbidden.status).toBe(403);
    expect((await problemOf(forbidden)).title).toBe("Sie haben darauf keinen Zugriff.");
    await api.request("/api/me", { method: "PATCH", cookie, body: JSON.stringify({ locale: "nl" }) });
  });

  it("ends the session server-side on logout", async () => {
    const cookie = await api.login("sector@demo.test");
    expect((await api.request("/api/me", { cookie })).status).toBe(200);
    const logout = await api.request("/api/auth/logout", { method: "POST", cookie });
    expect(logout.status).toBe(204);
    const after = await api.request("/api/me", { cookie });
    expect(after.status).toBe(401);
    expect((await problemOf(after)).status).toBe(401);
  });

  it("throttles repeated failed logins per account, in the database", async () => {
    const throttled = await createTestApi({ farms: 20, config: { loginFailureLimit: 3 } });
    try {
      const attempt = (password: string) =>
        throttled.request("/api/auth/login", {
          method: "POST",
          body: JSON.stringify({ email: "jury@demo.test", password }),
        });
      for (let i = 0; i < 3; i++) expect((await attempt("nope")).status).toBe(401);
      expect((await attempt("demo-password")).status).toBe(429);
      const stored = await throttled.db.query<{ failures: number }>(
        "SELECT failures FROM login_throttle WHERE key LIKE 'pair:%'",
      );
      expect(stored.map((r) => Number(r.failures))).toEqual([3]);
    } finally {
      throttled.close();
    }
  });
});

describe("farm data stays with who may see it", () => {
  it("lets a farmer read their own farm but not another", async () => {
    const cookie = await api.login("farmer@demo.test");
    const own = await api.request("/api/farms/1", { cookie });
    expect(own.status).toBe(200);
    expect(((await own.json()) as { farm: { name: string } }).farm.name).toBe("Hoeve De Linde");
    const other = await api.request("/api/farms/2", { cookie });
    expect(other.status).toBe(404);
    const body = await problemOf(other);
    expect(JSON.stringify(body)).not.toContain("Bois Joli");
  });

  it("lists only the farmer's own farms", async () => {
    const cookie = await api.login("fermier@demo.test");
    const response = await api.request("/api/farms", { cookie });
    const body = (await response.json()) as { total: number; farms: { id: number }[] };
    expect(body.total).toBe(1);
    expect(body.farms.map((f) => f.id)).toEqual([2]);
  });

  it("lets an auditor see only its inspection body's farms", async () => {
    const cookie = await api.login("auditor@demo.test");
    const body = (await (await api.request("/api/farms?limit=200", { cookie })).json()) as {
      farms: { inspectionBodyId: string }[];
    };
    expect(body.farms.length).toBeGreaterThan(0);
    expect(body.farms.every((f) => f.inspectionBodyId === "certalent")).toBe(true);
    const foreign = await api.db.queryOne<{ id: number }>(
      "SELECT id FROM farms WHERE inspection_body_id <> 'certalent'",
    );
    expect((await api.request(`/api/farms/${foreign?.id}`, { cookie })).status).toBe(404);
  });

  it("logs who viewed a farm's individual data", async () => {
    const cookie = await api.login("admin@demo.test");
    expect((await api.request("/api/farms/2", { cookie })).status).toBe(200);
    const log = (await (await api.request("/api/admin/audit-log?entity=farm", { cookie })).json()) as {
      entries: { user: string; action: string; entityId: string }[];
    };
    expect(log.entries[0]).toMatchObject({ user: "admin@demo.test", action: "view", entityId: "2" });
  });

  it("never shows a sector analyst a single farm", async () => {
    const cookie = await api.login("sector@demo.test");
    expect((await api.request("/api/farms/1", { cookie })).status).toBe(404);
    const list = (await (await api.request("/api/farms", { cookie })).json()) as { total: number };
    expect(list.total).toBe(0);
  });

  it("counts a dairy buyer's suppliers only, and suppresses small regions", async () => {
    const cookie = await api.login("buyer@demo.test");
    const body = (await (await api.request("/api/sector/overview", { cookie })).json()) as {
      farms: number | null;
      regions: { region: string; farms: number | null; suppressed: boolean }[];
    };
    const expected = await api.db.queryOne<{ n: number }>(
      "SELECT count(*) AS n FROM farms WHERE dairy_buyer_id = 'milcobel' AND active = 1",
    );
    // Disclosure control: the count carries noise of at most ±10 farms (docs/disclosure-control.md).
    expect(Math.abs(Number(body.farms) - Number(expected?.n))).toBeLessThanOrEqual(10);
    for (const region of body.regions) {
      if (region.suppressed) expect(region.farms).toBeNull();
      else expect(region.farms).toBeGreaterThanOrEqual(5);
    }
  });
});

describe("one problem shape for every failure", () => {
  it("answers malformed JSON with a 400 problem document", async () => {
    const response = await api.request("/api/auth/login", { method: "POST", body: "{not json" });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).type).toMatch(/invalid_json$/);
  });

  it("answers unknown fields with a 400 naming them", async () => {
    const response = await api.request("/api/auth/login", {
      method: "POST",
      body: JSON.stringify({ email: "farmer@demo.test", password: "x", admin: true }),
    });
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.errors?.[0]?.message).toContain("admin");
  });

  it("answers a bad query parameter with a 400", async () => {
    const cookie = await api.login("admin@demo.test");
    const response = await api.request("/api/farms?limit=100000", { cookie });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors?.[0]?.path).toBe("limit");
  });

  it("answers an unknown route with a 404 problem document", async () => {
    const response = await api.request("/api/no-such-thing");
    expect(response.status).toBe(404);
    expect((await problemOf(response)).status).toBe(404);
  });

  it("answers without a session with 401", async () => {
    const response = await api.request("/api/farms");
    expect(response.status).toBe(401);
    await problemOf(response);
  });

  it("refuses a cookie-authenticated write from another origin", async () => {
    const cookie = await api.login("farmer@demo.test");
    const response = await api.request("/api/me", {
      method: "PATCH",
      cookie,
      headers: { origin: "https://evil.example" },
      body: JSON.stringify({ locale: "fr" }),
    });
    expect(response.status).toBe(403);
    expect((await problemOf(response)).type).toMatch(/cross_origin$/);
  });

  it("sends security headers with a content security policy", async () => {
    const response = await api.request("/api/health");
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("describes the API in openapi.json", async () => {
    const doc = (await (await api.request("/api/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/auth/login", "/api/me", "/api/farms/{farmId}"]),
    );
  });
});
