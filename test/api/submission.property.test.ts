import { countInitiatives, listVersions, type SurveyVersion } from "@monitor/surveys";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Answers,
  extremeAnswers,
  questionSpecs,
  requiredOnly,
  validAnswerSets,
} from "../support/answerSets.ts";
import { createTestApi, problemOf, type TestApi } from "../support/api.ts";
import { farmerOf, openCampaign } from "../support/fixtures.ts";
import { recountedCounters, storedCounters } from "../support/recount.ts";

/**
 * Every questionnaire version in surveys/, through the API on a real database: answer sets
 * generated from the definition itself save and submit, and the counters then equal a recount
 * from the row-level tables; broken answer sets always get a 422 naming the questions.
 * PROPERTY_RUNS sets the number of random cases per version and property (seeded by PROPERTY_SEED).
 */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 40);
const SEED = Number(process.env.PROPERTY_SEED ?? 20261130);
const NOW = new Date();

let api: TestApi;
let admin: string;
let farmer: string;
/** Farms whose monitors are submitted (and reopened) over and over; the last one only keeps drafts. */
const FARMS = [11, 12, 13, 14, 15, 16, 17, 18];
const DRAFT_FARM = 19;

beforeAll(async () => {
  api = await createTestApi({ farms: 20 });
  admin = await api.login("admin@demo.test");
  farmer = await farmerOf(api, [...FARMS, DRAFT_FARM], "property-farmer@fixture.test");
});
afterAll(() => api.close());

const json = (method: string, body: unknown, headers: Record<string, string> = {}) => ({
  method,
  cookie: farmer,
  headers: { "accept-language": "en", ...headers },
  body: JSON.stringify(body),
});

async function monitorOf(farmId: number, campaignId: number) {
  const response = await api.request(`/api/farms/${farmId}/monitor/${campaignId}`, { cookie: farmer });
  expect(response.status).toBe(200);
  return (await response.json()) as { response: { status: string; version: number } };
}

async function expectCountersRecount(campaignId: number) {
  expect(await storedCounters(api.db, campaignId)).toEqual(await recountedCounters(api.db, campaignId));
}

/** Reopens the farm's monitor when submitted, saves `data` and returns the new version. */
async function saveDraft(farmId: number, campaignId: number, data: Answers): Promise<Response> {
  let { response } = await monitorOf(farmId, campaignId);
  if (response.status === "submitted") {
    const row = await api.db.queryOne<{ id: number }>(
      "SELECT id FROM responses WHERE farm_id = ? AND campaign_id = ?",
      [farmId, campaignId],
    );
    const reopened = await api.request(`/api/admin/responses/${row?.id}/reopen`, {
      method: "POST",
      cookie: admin,
      body: JSON.stringify({ reason: "property test: answer again" }),
    });
    expect(reopened.status).toBe(200);
    await expectCountersRecount(campaignId);
    ({ response } = await monitorOf(farmId, campaignId));
  }
  return api.request(
    `/api/farms/${farmId}/monitor/${campaignId}`,
    json("PUT", { data }, { "if-match": `"${response.version}"` }),
  );
}

async function expectSubmits(version: SurveyVersion, campaignId: number, farmId: number, data: Answers) {
  const saved = await saveDraft(farmId, campaignId, data);
  expect(saved.status, await saved.clone().text()).toBe(200);
  const submitted = await api.request(`/api/farms/${farmId}/monitor/${campaignId}/submit`, json("POST", {}));
  expect(submitted.status, await submitted.clone().text()).toBe(200);
  const body = (await submitted.json()) as { initiatives: { total: number } };
  const expected = countInitiatives(version, data).total;
  expect(body.initiatives.total).toBe(expected);
  const stored = await api.db.queryOne<{ n: number }>(
    `SELECT count(*) AS n FROM response_initiatives ri JOIN responses r ON r.id = ri.response_id
      WHERE r.farm_id = ? AND r.campaign_id = ?`,
    [farmId, campaignId],
  );
  expect(Number(stored?.n)).toBe(expected);
  await expectCountersRecount(campaignId);
  return body.initiatives.total;
}

type Mutation =
  | { kind: "save"; name: string; value: unknown }
  | { kind: "drop"; pick: number }
  | { kind: "unknown"; name: string; value: unknown };

/** Answers of the wrong type for each kind of question, out-of-range numbers and unknown choices. */
function wrongValues(version: SurveyVersion): fc.Arbitrary<Mutation> {
  const specs = questionSpecs(version);
  const wrong = specs.map((spec) => {
    const values: unknown[] = [{}, [{ nested: true }]];
    if (spec.kind === "boolean") values.push("true", 1, [true]);
    if (spec.kind === "number") {
      values.push("12", true, [1]);
      if (spec.min !== undefined) values.push(spec.min - 1, spec.min - 1000.5);
      if (spec.max !== undefined) values.push(spec.max + 1, spec.max * 10 + 1);
    }
    if (spec.kind === "single") values.push(true, "not-a-choice", [spec.choices[0]]);
    if (spec.kind === "multiple") values.push(String(spec.choices[0]), true, ["not-a-choice"]);
    if (spec.kind === "text") values.push(5, true, ["text"]);
    return fc.constantFrom(...values).map((value): Mutation => ({ kind: "save", name: spec.name, value }));
  });
  const names = new Set(specs.map((s) => s.name));
  const unknown = fc
    .oneof(
      fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty"),
      fc.string({ minLength: 1 }),
    )
    .filter((name) => !names.has(name))
    .map((name): Mutation => ({ kind: "unknown", name, value: true }));
  const drop = fc.nat().map((pick): Mutation => ({ kind: "drop", pick }));
  return fc.oneof(fc.oneof(...wrong), unknown, drop);
}

/** The required questions that this set answers (only shown questions are answered). */
const requiredAnswered = (version: SurveyVersion, data: Answers) =>
  questionSpecs(version)
    .filter((s) => s.required && s.name in data)
    .map((s) => s.name);

const versions = listVersions();

describe.each(versions.map((version, index) => ({ version, index, id: version.id })))(
  "questionnaire $id",
  ({ version, index }) => {
    let campaignId: number;
    let farmIndex = 0;
    const nextFarm = () => FARMS[farmIndex++ % FARMS.length] as number;

    beforeAll(async () => {
      campaignId = await openCampaign(api, version, 2100 + index, NOW);
    });

    it("submits with every optional question empty", async () => {
      await expectSubmits(version, campaignId, nextFarm(), requiredOnly(version));
    });

    it("submits with nothing taken", async () => {
      expect(await expectSubmits(version, campaignId, nextFarm(), extremeAnswers(version, "fewest"))).toBe(0);
    });

    it("submits with every initiative taken", async () => {
      const total = await expectSubmits(version, campaignId, nextFarm(), extremeAnswers(version, "most"));
      expect(total).toBe(version.initiativeIds.length);
    }, 120_000);

    it("submits any valid answer set, and the counters equal a recount after each submission and reopening", async () => {
      await fc.assert(
        fc.asyncProperty(validAnswerSets(version), async (data) => {
          await expectSubmits(version, campaignId, nextFarm(), data);
        }),
        { numRuns: RUNS, seed: SEED + index },
      );
    }, 240_000);

    it("answers a broken answer set with a 422 that names the question, never a 5xx", async () => {
      await fc.assert(
        fc.asyncProperty(validAnswerSets(version), wrongValues(version), async (valid, mutation) => {
          const data = { ...valid };
          let named: string;
          if (mutation.kind === "drop") {
            const answered = requiredAnswered(version, valid);
            fc.pre(answered.length > 0);
            named = answered[mutation.pick % answered.length] as string;
            delete data[named];
          } else {
            named = mutation.name;
            Object.defineProperty(data, named, { value: mutation.value, enumerable: true });
          }
          const saved = await saveDraft(DRAFT_FARM, campaignId, data);
          let refused = saved;
          if (mutation.kind === "drop") {
            expect(saved.status, await saved.clone().text()).toBe(200);
            refused = await api.request(
              `/api/farms/${DRAFT_FARM}/monitor/${campaignId}/submit`,
              json("POST", {}),
            );
          }
          expect(refused.status, await refused.clone().text()).toBe(422);
          const problem = await problemOf(refused);
          expect(problem.errors?.map((e) => e.path)).toContain(named);
          expect(problem.errors?.every((e) => e.message.length > 0)).toBe(true);
        }),
        { numRuns: RUNS, seed: SEED + index },
      );
    }, 240_000);
  },
);
