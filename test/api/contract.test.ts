import { openApiPath, ROUTES } from "@monitor/contract";
import { FARM_ATTRIBUTE_NAMES } from "@monitor/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAgainstContract, createTestApi, type TestApi } from "../support/api.ts";

/**
 * One contract between the API and the web app (packages/contract): every route the app registers
 * has an entry in the route table and every entry a route, /api/openapi.json describes them all, and
 * (through test/support/api.ts, which checks every answer against the table) each route answers as
 * its schema says.
 */
const NOW = new Date("2026-11-21T10:00:00.000Z");
let api: TestApi;

beforeAll(async () => {
  api = await createTestApi({ farms: 40, now: () => NOW });
});
afterAll(() => api.close());

const key = (route: { method: string; path: string }) => `${route.method} ${route.path}`;

describe("the route table", () => {
  it("has an entry for every route of the app, and the app a route for every entry", () => {
    const registered = new Set(api.app.routes.filter((r) => r.method !== "ALL").map(key));
    const contracted = new Set(ROUTES.map(key));
    expect([...registered].filter((k) => !contracted.has(k))).toEqual([]);
    expect([...contracted].filter((k) => !registered.has(k))).toEqual([]);
    expect(registered.size).toBe(ROUTES.length);
  });

  it("names every route once", () => {
    expect(new Set(ROUTES.map((r) => r.name)).size).toBe(ROUTES.length);
    expect(new Set(ROUTES.map(key)).size).toBe(ROUTES.length);
  });

  it("is what /api/openapi.json lists, route by route", async () => {
    const response = await api.request("/api/openapi.json");
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toBe("3.1.0");
    for (const route of ROUTES) {
      expect(doc.paths[openApiPath(route.path)]?.[route.method.toLowerCase()], key(route)).toBeDefined();
    }
    const operations = Object.values(doc.paths).reduce((sum, ops) => sum + Object.keys(ops).length, 0);
    expect(operations).toBe(ROUTES.length);
  });
});

describe("every route answers as the contract says", () => {
  const ok = async (path: string, cookie: string) => {
    const response = await api.request(path, { cookie });
    expect(response.status, path).toBe(200);
    return response;
  };
  const campaignOf = async (year: number) =>
    Number((await api.db.queryOne<{ id: number }>("SELECT id FROM campaigns WHERE year = ?", [year]))?.id);

  it("for a farmer", async () => {
    const farmer = await api.login("farmer@demo.test");
    const campaign = await campaignOf(2025);
    await ok("/api/health", farmer);
    for (const path of [
      "/api/me",
      "/api/farms",
      "/api/farms/1",
      "/api/campaigns",
      "/api/farms/1/monitor",
      "/api/farms/1/monitors",
      `/api/farms/1/monitor/${campaign}`,
      `/api/farms/1/monitor/${campaign}/receipt`,
      `/api/farms/1/results/${campaign}`,
      "/api/farms/1/export",
      "/api/farms/1/export?format=csv",
      "/api/surveys",
      "/api/surveys/catalogue",
      "/api/surveys/2020",
    ])
      await ok(path, farmer);
    const changed = await api.request("/api/me", {
      method: "PATCH",
      cookie: farmer,
      body: '{"locale":"en"}',
    });
    expect(changed.status).toBe(200);
    expect((await api.request("/api/auth/logout", { method: "POST", cookie: farmer })).status).toBe(204);
  });

  it("for a sector analyst, over every farm attribute", async () => {
    const analyst = await api.login("sector@demo.test");
    const campaign = await campaignOf(2025);
    for (const view of ["overview", "options", "trend", "trend?region=flanders&sizeClass=50_99"])
      await ok(`/api/sector/${view}`, analyst);
    for (const view of ["participation", "adoption", "distribution"])
      await ok(`/api/sector/${view}?campaign=${campaign}&region=wallonia`, analyst);
    for (const by of FARM_ATTRIBUTE_NAMES)
      await ok(`/api/sector/breakdown?campaign=${campaign}&by=${by}`, analyst);
    await ok(`/api/sector/export?view=adoption&campaign=${campaign}`, analyst);
    await ok(`/api/sector/export?view=breakdown&by=sizeClass&format=xlsx&campaign=${campaign}`, analyst);
  });

  it("for an administrator", async () => {
    const admin = await api.login("admin@demo.test");
    for (const path of [
      "/api/admin/users",
      "/api/admin/audit-log",
      "/api/admin/organisations",
      "/api/farms/2",
    ])
      await ok(path, admin);
  });

  it("with problem documents for failures", async () => {
    expect((await api.request("/api/farms")).status).toBe(401);
    const farmer = await api.login("farmer@demo.test");
    expect((await api.request("/api/farms?limit=0", { cookie: farmer })).status).toBe(400);
    expect((await api.request("/api/sector/overview", { cookie: farmer })).status).toBe(403);
    expect((await api.request("/api/nothing-here", { cookie: farmer })).status).toBe(404);
  });
});

describe("the check of every answer (test/support/api.ts)", () => {
  const json = (body: unknown, status = 200, type = "application/json") =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": type } });

  it("fails an extra or a missing field, naming the route and the field", async () => {
    await expect(
      checkAgainstContract("GET", "/api/health", json({ status: "ok", database: "reachable", extra: 1 })),
    ).rejects.toThrow(/GET \/api\/health → 200[\s\S]*extra/);
    await expect(checkAgainstContract("GET", "/api/farms/7", json({}))).rejects.toThrow(
      /route GET \/api\/farms\/:farmId[\s\S]*at farm/,
    );
    await expect(
      checkAgainstContract("GET", "/api/health", json({ status: "ok", database: "reachable" })),
    ).resolves.toBeUndefined();
  });

  it("fails a JSON answer on a route missing from the table, and a failure that is not a problem document", async () => {
    await expect(checkAgainstContract("GET", "/api/unlisted", json({}))).rejects.toThrow(/no route/);
    await expect(checkAgainstContract("GET", "/api/me", json({ error: "x" }, 500))).rejects.toThrow(
      /not a problem document/,
    );
  });

  it("checks problem documents against the one problem schema", async () => {
    const problem = { type: "https://monitor.example/problems/x", title: "X", status: 400 };
    await expect(
      checkAgainstContract("GET", "/api/me", json(problem, 400, "application/problem+json")),
    ).resolves.toBeUndefined();
    await expect(
      checkAgainstContract(
        "GET",
        "/api/me",
        json({ ...problem, stack: "…" }, 400, "application/problem+json"),
      ),
    ).rejects.toThrow(/problem document[\s\S]*stack/);
  });

  it("fails a file of a media type the route does not list", async () => {
    const csv = new Response("a,b", { headers: { "content-type": "text/plain" } });
    await expect(checkAgainstContract("GET", "/api/sector/export?view=trend", csv)).rejects.toThrow(
      /text\/plain/,
    );
  });
});
