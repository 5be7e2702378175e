import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, problemOf, type TestApi } from "../support/api.ts";
import { complete2026 } from "../support/fixtures.ts";

/** The 2026 questionnaire refuses impossible farms (surveys/2026: validators on both questions). */
const NOW = new Date("2026-11-21T10:00:00.000Z");
let api: TestApi;
let farmer: string;
let campaignId: number;
let version = 0;

beforeAll(async () => {
  api = await createTestApi({ now: () => NOW });
  farmer = await api.login("farmer@demo.test");
  const doc = (await (await api.request("/api/farms/1/monitor", { cookie: farmer })).json()) as {
    campaign: { id: number };
  };
  campaignId = doc.campaign.id;
});
afterAll(() => api.close());

async function submit(data: Record<string, unknown>) {
  const saved = await api.request(`/api/farms/1/monitor/${campaignId}`, {
    method: "PUT",
    cookie: farmer,
    headers: { "if-match": `"${version}"` },
    body: JSON.stringify({ data }),
  });
  expect(saved.status).toBe(200);
  version = ((await saved.json()) as { version: number }).version;
  return api.request(`/api/farms/1/monitor/${campaignId}/submit`, { method: "POST", cookie: farmer });
}

describe("an impossible farm is refused with a 422 that names both questions", () => {
  it("a tie stall with a milking robot", async () => {
    const response = await submit({
      ...complete2026,
      housing_type: "tie_stall",
      milking_system: "milking_robot",
    });
    expect(response.status).toBe(422);
    const paths = (await problemOf(response)).errors?.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["housing_type", "milking_system"]));
  });

  it("a free-stall barn with a straw-yard lying area, in the farmer's language", async () => {
    const response = await submit({ ...complete2026, lying_surface: ["mattresses", "straw_yard"] });
    expect(response.status).toBe(422);
    const errors = (await problemOf(response)).errors ?? [];
    expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining(["housing_type", "lying_surface"]));
    expect(errors.find((e) => e.path === "lying_surface")?.message).toMatch(/ligplaats/i);
  });

  it("counts grazing from 120 days of 6 hours only", async () => {
    const short = await submit({ ...complete2026, grazing_days: 90, grazing_hours_per_day: 8 });
    expect(short.status).toBe(200);
    const body = (await short.json()) as { initiatives: { ids: string[] } };
    expect(body.initiatives.ids).not.toContain("animal_welfare.grazing");
  });
});
