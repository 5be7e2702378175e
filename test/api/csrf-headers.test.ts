import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../apps/api/src/config.ts";
import { DEMO_PASSWORD } from "../../apps/api/src/demo/seed.ts";
import { defaultConfig } from "../../apps/api/src/env.ts";
import { serveWebApp } from "../../apps/api/src/server.ts";
import { checkAgainstContract, createTestApi, problemOf, type TestApi } from "../support/api.ts";

/**
 * Issue 16, items 3 and 4: every API write must come from the configured public origin or a trusted
 * origin (by `Origin`, or `Sec-Fetch-Site: same-origin` when a browser leaves `Origin` out), never
 * judged by `Host`; the login too (login CSRF). Every answer carries a Permissions-Policy; the session
 * cookie is Secure exactly when the public origin is https.
 */

const OWN = defaultConfig.publicOrigin;
const TRUSTED = "https://partner.example";

let api: TestApi;
let webDist: string;

beforeAll(async () => {
  api = await createTestApi({ config: { trustedOrigins: [TRUSTED] } });
  webDist = mkdtempSync(join(tmpdir(), "monitor-web-"));
  mkdirSync(join(webDist, "assets"));
  writeFileSync(join(webDist, "index.html"), "<!doctype html><title>monitor</title>");
  writeFileSync(join(webDist, "assets", "app.js"), "console.log('monitor');");
  writeFileSync(join(webDist, "favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
  serveWebApp(api.app, webDist);
});

afterAll(() => {
  api?.close();
  rmSync(webDist, { recursive: true, force: true });
});

/** A request exactly as given: no Origin added (unlike `api.request`), answer checked against the contract. */
async function raw(path: string, init: RequestInit & { headers?: Record<string, string> }, on = api) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.body) headers["content-type"] ??= "application/json";
  const response = await on.app.request(path, { ...init, headers });
  await checkAgainstContract(init.method ?? "GET", path, response);
  return response;
}

/** A cookie-authenticated write that succeeds (204) when it is let through: the farmer logs out. */
const logout = async (headers: Record<string, string>) =>
  raw("/api/auth/logout", {
    method: "POST",
    headers: { cookie: await api.login("farmer@demo.test"), ...headers },
  });

const login = (headers: Record<string, string>, on = api) =>
  raw(
    "/api/auth/login",
    {
      method: "POST",
      headers,
      body: JSON.stringify({ email: "farmer@demo.test", password: DEMO_PASSWORD }),
    },
    on,
  );

async function expectCrossOrigin(response: Response) {
  expect(response.status).toBe(403);
  expect(response.headers.get("set-cookie")).toBeNull();
  const problem = await problemOf(response);
  expect(problem.type).toMatch(/\/cross_origin$/);
  return problem;
}

describe("cookie-authenticated writes (CSRF)", () => {
  it("refuses a write with a foreign Origin, in the user's language", async () => {
    const problem = await expectCrossOrigin(
      await logout({ origin: "https://evil.example", "accept-language": "fr-BE,fr;q=0.9" }),
    );
    expect(problem.title).toBe("Cette demande provenait d'un autre site et a été refusée.");
  });

  it("refuses a write with neither Origin nor Sec-Fetch-Site", async () => {
    await expectCrossOrigin(await logout({}));
  });

  it("refuses a write without Origin whose Sec-Fetch-Site is not same-origin", async () => {
    for (const site of ["cross-site", "same-site", "none"]) {
      await expectCrossOrigin(await logout({ "sec-fetch-site": site }));
    }
  });

  it("lets a write through without Origin when Sec-Fetch-Site is same-origin", async () => {
    expect((await logout({ "sec-fetch-site": "same-origin" })).status).toBe(204);
  });

  it("lets a write from the public origin through", async () => {
    expect((await logout({ origin: OWN })).status).toBe(204);
  });

  it("never judges by Host: a spoofed Host equal to a spoofed Origin is refused", async () => {
    const cookie = await api.login("farmer@demo.test");
    for (const evil of ["http://evil.example", "http://localhost", "http://localhost:9999"]) {
      const host = new URL(evil).host;
      const response = await api.app.request(`${evil}/api/auth/logout`, {
        method: "POST",
        headers: { cookie, host, origin: evil, "x-forwarded-host": host },
      });
      await expectCrossOrigin(response);
    }
  });

  it("judges by Origin when both are sent: a foreign Origin with same-origin Sec-Fetch-Site is refused", async () => {
    await expectCrossOrigin(
      await logout({ origin: "https://evil.example", "sec-fetch-site": "same-origin" }),
    );
  });

  it("refuses the opaque origin `null` (sandboxed frames, data: URLs)", async () => {
    await expectCrossOrigin(await logout({ origin: "null" }));
  });

  it("refuses an origin that differs only by scheme, port or a trailing slash", async () => {
    for (const origin of [
      "https://localhost:8787",
      "http://localhost:8788",
      `${OWN}/`,
      "HTTP://LOCALHOST:8787",
    ]) {
      await expectCrossOrigin(await logout({ origin }));
    }
  });

  it("lets a write from a trusted origin through, whatever Sec-Fetch-Site says", async () => {
    expect((await logout({ origin: TRUSTED })).status).toBe(204);
    expect((await logout({ origin: TRUSTED, "sec-fetch-site": "cross-site" })).status).toBe(204);
  });

  it("does not stop reads without Origin", async () => {
    const cookie = await api.login("farmer@demo.test");
    expect((await raw("/api/me", { headers: { cookie } })).status).toBe(200);
  });

  it("refuses a write to a resource with a foreign Origin before it changes anything", async () => {
    const cookie = await api.login("farmer@demo.test");
    const before = await raw("/api/me", { headers: { cookie } });
    const response = await raw("/api/me", {
      method: "PATCH",
      headers: { cookie, origin: "https://evil.example" },
      body: JSON.stringify({ locale: "de" }),
    });
    await expectCrossOrigin(response);
    const after = await raw("/api/me", { headers: { cookie } });
    expect(await after.json()).toEqual(await before.json());
  });
});

describe("login (login CSRF)", () => {
  it("refuses a login from a foreign origin and opens no session", async () => {
    await expectCrossOrigin(await login({ origin: "https://evil.example" }));
  });

  it("refuses a login with neither Origin nor Sec-Fetch-Site", async () => {
    await expectCrossOrigin(await login({}));
  });

  it("refuses a login whose Sec-Fetch-Site is cross-site", async () => {
    await expectCrossOrigin(await login({ "sec-fetch-site": "cross-site" }));
  });

  it("logs in from the public origin, a trusted origin, or same-origin Sec-Fetch-Site", async () => {
    const allowed: Record<string, string>[] = [
      { origin: OWN },
      { origin: TRUSTED },
      { "sec-fetch-site": "same-origin" },
    ];
    for (const headers of allowed) {
      const response = await login(headers);
      expect(response.status).toBe(200);
      expect(response.headers.get("set-cookie")).toMatch(/^monitor_session=/);
    }
  });
});

describe("Permissions-Policy", () => {
  const expectPolicy = (response: Response) => {
    const policy = response.headers.get("permissions-policy") ?? "";
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"]) {
      expect(policy).toContain(`${feature}=()`);
    }
  };

  it("is on every API answer: success, problem, refused write", async () => {
    expectPolicy(await raw("/api/health", {}));
    expectPolicy(await raw("/api/me", {}));
    expectPolicy(await raw("/api/no-such-route", {}));
    expectPolicy(await logout({}));
  });

  it("is on the web app's pages and static files", async () => {
    for (const path of ["/", "/farms/1/monitor", "/assets/app.js", "/favicon.svg", "/assets/missing.js"]) {
      const response = await api.app.request(path);
      expect(response.status, path).toBe(path.endsWith("missing.js") ? 404 : 200);
      expectPolicy(response);
      expect(response.headers.get("content-security-policy"), path).toContain("script-src 'self'");
    }
  });
});

describe("public origin and Secure cookies (configuration)", () => {
  it("derives the public origin from PORT when PUBLIC_ORIGIN is not set", () => {
    expect(readConfig({}).app.publicOrigin).toBe("http://localhost:8787");
    expect(readConfig({ PORT: "9000" }).app.publicOrigin).toBe("http://localhost:9000");
    expect(readConfig({ PORT: "9000", PUBLIC_ORIGIN: "" }).app.publicOrigin).toBe("http://localhost:9000");
  });

  it("normalizes origins and refuses what is not one", () => {
    const config = readConfig({
      PUBLIC_ORIGIN: "HTTPS://Monitor.Example:443/",
      TRUSTED_ORIGINS: " https://a.example , http://b.example:8080 ",
    });
    expect(config.app.publicOrigin).toBe("https://monitor.example");
    expect(config.app.trustedOrigins).toEqual(["https://a.example", "http://b.example:8080"]);
    for (const bad of ["monitor.example", "https://monitor.example/app", "ftp://monitor.example", "*"]) {
      expect(() => readConfig({ PUBLIC_ORIGIN: bad }), bad).toThrow(/PUBLIC_ORIGIN/);
    }
    expect(() => readConfig({ TRUSTED_ORIGINS: "https://ok.example,evil" })).toThrow(/TRUSTED_ORIGINS/);
  });

  it("makes the session cookie Secure exactly when the public origin is https", () => {
    expect(readConfig({ PUBLIC_ORIGIN: "https://monitor.example" }).app.secureCookies).toBe(true);
    expect(readConfig({ PUBLIC_ORIGIN: "http://monitor.internal:8080" }).app.secureCookies).toBe(false);
    expect(readConfig({}).app.secureCookies).toBe(false);
  });

  it("refuses a SECURE_COOKIES that contradicts PUBLIC_ORIGIN, accepts one that agrees", () => {
    expect(() => readConfig({ SECURE_COOKIES: "true" })).toThrow(/PUBLIC_ORIGIN/);
    expect(() => readConfig({ PUBLIC_ORIGIN: "https://monitor.example", SECURE_COOKIES: "false" })).toThrow(
      /PUBLIC_ORIGIN/,
    );
    expect(
      readConfig({ PUBLIC_ORIGIN: "https://monitor.example", SECURE_COOKIES: "true" }).app.secureCookies,
    ).toBe(true);
  });

  it("sets a Secure cookie when PUBLIC_ORIGIN is https, writes checked against it", async () => {
    const https = await createTestApi({
      farms: 20,
      config: readConfig({ PUBLIC_ORIGIN: "https://monitor.example" }).app,
    });
    try {
      const response = await login({ origin: "https://monitor.example" }, https);
      expect(response.status).toBe(200);
      const cookie = response.headers.get("set-cookie") ?? "";
      expect(cookie).toMatch(/^monitor_session=/);
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      // the default origin is no longer ours
      await expectCrossOrigin(await login({ origin: OWN }, https));
    } finally {
      https.close();
    }
  });

  it("sets no Secure flag when PUBLIC_ORIGIN is http", async () => {
    const http = await createTestApi({
      farms: 20,
      config: readConfig({ PUBLIC_ORIGIN: "http://monitor.internal:8080" }).app,
    });
    try {
      const response = await login({ origin: "http://monitor.internal:8080" }, http);
      expect(response.status).toBe(200);
      const cookie = response.headers.get("set-cookie") ?? "";
      expect(cookie).toMatch(/^monitor_session=/);
      expect(cookie).not.toMatch(/;\s*Secure/i);
    } finally {
      http.close();
    }
  });
});
