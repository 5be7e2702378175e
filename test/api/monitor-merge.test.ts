import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, problemOf, type TestApi } from "../support/api.ts";
import { complete2026 } from "../support/fixtures.ts";

// Two devices of one farmer edit the same monitor: a save names the version it started from and
// asks for a merge; the server merges per question against that version's revision.
const NOW = new Date("2026-11-21T10:00:00.000Z");
let api: TestApi;
let farmer: string;
let campaignId: number;

interface MonitorDoc {
  campaign: { id: number };
  response: { version: number; data: Record<string, unknown>; carriedOver: string[]; status: string };
  carriedOverFrom: { campaignYear: number } | null;
  reopened: { at: string; reason: string } | null;
}

const put = (version: number, data: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  api.request(`/api/farms/1/monitor/${campaignId}`, {
    method: "PUT",
    cookie: farmer,
    headers: { "if-match": `"${version}"` },
    body: JSON.stringify({ data, merge: true, carriedOver: startCarried, ...extra }),
  });

const open = async () =>
  (await (await api.request(`/api/farms/1/monitor/${campaignId}`, { cookie: farmer })).json()) as MonitorDoc;

let start: Record<string, unknown>;
let startCarried: string[];

beforeAll(async () => {
  api = await createTestApi({ now: () => NOW });
  farmer = await api.login("farmer@demo.test");
  const doc = (await (await api.request("/api/farms/1/monitor", { cookie: farmer })).json()) as MonitorDoc;
  campaignId = doc.campaign.id;
  start = doc.response.data;
  startCarried = doc.response.carriedOver;
});
afterAll(() => api.close());

describe("saves from two devices", () => {
  it("merges two first saves of a monitor pre-filled from last time, each keeping its change", async () => {
    expect((await put(0, { ...start, dairy_cows: 100 })).status).toBe(200);
    const second = await put(0, { ...start, grazing: false });
    expect(second.status).toBe(200);
    const body = (await second.json()) as { version: number; merged: { data: Record<string, unknown> } };
    expect(body.version).toBe(2);
    expect(body.merged.data).toMatchObject({ dairy_cows: 100, grazing: false });
    expect((await open()).response).toMatchObject({ version: 2, data: { dairy_cows: 100, grazing: false } });
  });

  it("keeps both devices' changes to different questions", async () => {
    const base = (await open()).response.data;
    expect((await put(2, { ...base, dairy_cows: 118 })).status).toBe(200); // phone: version 3
    const pc = await put(2, { ...base, land_ha: 81 }); // the PC still at version 2
    expect(pc.status).toBe(200);
    expect(await pc.json()).toMatchObject({ version: 4, merged: { data: { dairy_cows: 118, land_ha: 81 } } });
    expect((await open()).response.data).toMatchObject({ dairy_cows: 118, land_ha: 81, grazing: false });
  });

  it("answers the same question changed on both with a 409 naming it, storing nothing", async () => {
    const base = (await open()).response.data;
    expect((await put(4, { ...base, dairy_cows: 130 })).status).toBe(200); // phone: version 5
    const { land_ha: _, ...withoutLand } = base;
    const pc = await put(4, { ...withoutLand, dairy_cows: 125 });
    expect(pc.status).toBe(409);
    const problem = (await problemOf(pc)) as unknown as {
      conflicts: { question: string; base: unknown; mine: unknown; theirs: unknown }[];
      current: { version: number };
    };
    // land_ha was only removed here, but nothing is stored while a question is in conflict.
    expect(problem.conflicts).toEqual([{ question: "dairy_cows", base: 118, mine: 125, theirs: 130 }]);
    expect(problem.current.version).toBe(5);
    expect((await open()).response).toMatchObject({ version: 5, data: { dairy_cows: 130, land_ha: 81 } });
  });

  it("still refuses a stale save that does not ask for a merge", async () => {
    const response = await api.request(`/api/farms/1/monitor/${campaignId}`, {
      method: "PUT",
      cookie: farmer,
      headers: { "if-match": '"4"' },
      body: JSON.stringify({ data: { ...start, herd_health_vet: true } }),
    });
    expect(response.status).toBe(409);
    expect((await open()).response.version).toBe(5);
  });

  it("ends a carry-over confirmed on either device", async () => {
    const doc = await open();
    const [first, second] = doc.response.carriedOver;
    expect(first && second).toBeTruthy();
    const rest = doc.response.carriedOver.filter((q) => q !== first && q !== second);
    const data = doc.response.data;
    expect((await put(5, data, { carriedOver: [second, ...rest] })).status).toBe(200);
    expect((await put(5, data, { carriedOver: [first, ...rest] })).status).toBe(200);
    expect((await open()).response.carriedOver).toEqual(rest);
  });

  it("names the year answers were carried over from after the monitor was saved", async () => {
    expect((await open()).carriedOverFrom).toMatchObject({ campaignYear: 2025 });
  });
});

describe("a reopened monitor", () => {
  it("tells the farmer when and why an administrator opened it again", async () => {
    const current = (await open()).response.version;
    expect((await put(current, { ...complete2026 }, { carriedOver: [] })).status).toBe(200);
    const submit = await api.request(`/api/farms/1/monitor/${campaignId}/submit`, {
      method: "POST",
      cookie: farmer,
    });
    expect(submit.status).toBe(200);
    expect((await open()).reopened).toBeNull();
    const row = await api.db.queryOne<{ id: number }>(
      "SELECT id FROM responses WHERE farm_id = 1 AND campaign_id = ?",
      [campaignId],
    );
    const admin = await api.login("admin@demo.test");
    const reopen = await api.request(`/api/admin/responses/${row?.id}/reopen`, {
      method: "POST",
      cookie: admin,
      body: JSON.stringify({ reason: "Herd size does not match the register" }),
    });
    expect(reopen.status).toBe(200);
    expect((await open()).reopened).toEqual({
      at: NOW.toISOString(),
      reason: "Herd size does not match the register",
    });
  });
});
