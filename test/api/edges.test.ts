import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, problemOf, type TestApi } from "../support/api.ts";

/** Bad input at the edges: deep nesting, oversized bodies, reopening a closed campaign. */
const NOW = new Date("2026-11-21T10:00:00.000Z");
let api: TestApi;
let farmer: string;
let campaignId: number;

beforeAll(async () => {
  api = await createTestApi({ farms: 20, now: () => NOW });
  farmer = await api.login("farmer@demo.test");
  campaignId = Number(
    (await api.db.queryOne<{ id: number }>("SELECT id FROM campaigns WHERE year = 2026"))?.id,
  );
});
afterAll(() => api.close());

const save = (body: string) =>
  api.request(`/api/farms/1/monitor/${campaignId}`, {
    method: "PUT",
    cookie: farmer,
    headers: { "if-match": '"0"' },
    body,
  });

const nested = (depth: number, open: string, close: string, inner = "1") =>
  open.repeat(depth) + inner + close.repeat(depth);

describe("bad input at the edges", () => {
  it("refuses answers nested thousands deep with a 422 in the farmer's language, before any recursive work", async () => {
    for (const [open, close] of [
      ["[", "]"],
      ['{"a":', "}"],
    ] as const) {
      const response = await save(`{"data":{"dairy_cows":${nested(5000, open, close)}}}`);
      expect(response.status).toBe(422);
      const problem = await problemOf(response);
      expect(problem.title).toBe("De aanvraag nest lijsten of objecten te diep."); // the farmer's language
    }
  });

  it("does not count brackets inside strings as nesting", async () => {
    const response = await save(JSON.stringify({ data: { energy_scan_report_ref: "[".repeat(5000) } }));
    expect(response.status).not.toBe(422);
    expect(response.status).toBeLessThan(500);
  });

  it("answers 413 to a body over the route's limit, as a problem document, before reading it all", async () => {
    const login = await api.request("/api/auth/login", {
      method: "POST",
      headers: { "accept-language": "nl" },
      body: JSON.stringify({ email: "farmer@demo.test", password: "x".repeat(10 * 1024 * 1024) }),
    });
    expect(login.status).toBe(413);
    expect((await problemOf(login)).title).toBe("De aanvraag is te groot.");

    const answers = await save(
      JSON.stringify({ data: { energy_scan_report_ref: "x".repeat(2 * 1024 * 1024) } }),
    );
    expect(answers.status).toBe(413);
    const underLimit = await save(
      JSON.stringify({ data: { energy_scan_report_ref: "x".repeat(200 * 1024) } }),
    );
    expect(underLimit.status).not.toBe(413);
  });

  it("refuses to reopen a submission of a closed campaign with a 409, and changes nothing", async () => {
    const admin = await api.login("admin@demo.test");
    const closed = await api.db.queryOne<{ id: number; version: number }>(
      `SELECT r.id, r.version FROM responses r JOIN campaigns c ON c.id = r.campaign_id
        WHERE c.year = 2025 AND r.status = 'submitted' LIMIT 1`,
    );
    const response = await api.request(`/api/admin/responses/${closed?.id}/reopen`, {
      method: "POST",
      cookie: admin,
      headers: { "accept-language": "en" },
      body: JSON.stringify({ reason: "farmer asked to correct an answer" }),
    });
    expect(response.status).toBe(409);
    expect((await problemOf(response)).title).toMatch(/campaign is closed/);
    const after = await api.db.queryOne<{ status: string; version: number }>(
      "SELECT status, version FROM responses WHERE id = ?",
      [closed?.id],
    );
    expect(after).toEqual({ status: "submitted", version: closed?.version });
  });
});
