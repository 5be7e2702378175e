import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, type TestApi } from "../support/api.ts";
import { COMPLETE_2026, draftAnswers } from "../support/guarantees/answers.ts";
import {
  counters,
  inconsistencies,
  type StoredResponse,
  storedResponse,
} from "../support/guarantees/checks.ts";

/**
 * The monitor under concurrent requests, as the API answers them in one process: bursts of saves
 * naming the same version, bursts of retries with the same Idempotency-Key, and submissions racing
 * an administrator's reopenings of the same response.
 */
const NOW = new Date("2026-11-21T10:00:00.000Z");
const FARM = 1;
/** Room for a slow machine running other test files beside this one. */
const TIMEOUT_MS = 60_000;
let api: TestApi;
let farmer: string;
let admin: string;
let campaignId: number;

interface Problem {
  type: string;
  status: number;
  current?: { status: string; version: number; data: Record<string, unknown> } | null;
}

const save = (version: number, data: Record<string, unknown>, headers: Record<string, string> = {}) =>
  api.request(`/api/farms/${FARM}/monitor/${campaignId}`, {
    method: "PUT",
    cookie: farmer,
    headers: { "if-match": `"${version}"`, ...headers },
    body: JSON.stringify({ data, page: 1 }),
  });

const submit = () =>
  api.request(`/api/farms/${FARM}/monitor/${campaignId}/submit`, { method: "POST", cookie: farmer });

const reopen = (responseId: number) =>
  api.request(`/api/admin/responses/${responseId}/reopen`, {
    method: "POST",
    cookie: admin,
    body: JSON.stringify({ reason: "Concurrency test: reopened while the farmer submits" }),
  });

const stored = async () => (await storedResponse(api.db, FARM, campaignId)) as StoredResponse;

const answered = async (response: Response) => ({
  status: response.status,
  body: (await response.json()) as Record<string, unknown>,
});

beforeAll(async () => {
  api = await createTestApi({ now: () => NOW });
  campaignId = Number(
    (await api.db.queryOne<{ id: number }>("SELECT id FROM campaigns WHERE year = 2026"))?.id,
  );
  farmer = await api.login("farmer@demo.test");
  admin = await api.login("admin@demo.test");
});
afterAll(() => api.close());

describe("saves naming the same version", () => {
  for (const [label, before] of [
    ["the first save (no monitor stored yet)", 0],
    ["a later save", 1],
  ] as const) {
    it(`let exactly one of 50 win for ${label}; the others get 409 with the winner's state`, async () => {
      expect((await storedResponse(api.db, FARM, campaignId))?.version ?? 0).toBe(before);
      const revisionsBefore = (await storedResponse(api.db, FARM, campaignId))?.revisions.length ?? 0;
      const bodies = Array.from({ length: 50 }, (_, i) => draftAnswers(FARM, before * 100 + i));
      const answers = await Promise.all(bodies.map(async (data) => answered(await save(before, data))));

      const winners = answers.flatMap((a, i) => (a.status === 200 ? [i] : []));
      expect(winners).toHaveLength(1);
      const winner = bodies[winners[0] as number];
      expect(answers.filter((a) => a.status === 409)).toHaveLength(49);
      for (const answer of answers.filter((a) => a.status === 409)) {
        const problem = answer.body as unknown as Problem;
        expect(problem.type).toMatch(/stale_version$/);
        expect(problem.current).toMatchObject({ status: "draft", version: before + 1, data: winner });
      }
      const after = await stored();
      expect(after).toMatchObject({ status: "draft", version: before + 1, data: winner });
      expect(after.revisions).toHaveLength(revisionsBefore + 1);
      expect(inconsistencies(after)).toEqual([]);
    });
  }
});

describe("retries with the same Idempotency-Key", () => {
  const key = (n: number) => `concurrency-same-key-${n}`;
  const burst = async (n: number) => {
    const before = await stored();
    const data = draftAnswers(FARM, 900 + n);
    const answers = await Promise.all(
      Array.from({ length: 20 }, async () =>
        answered(await save(before.version, data, { "idempotency-key": key(n) })),
      ),
    );
    return { before, data, answers, after: await stored() };
  };

  it("add exactly one revision for 20 concurrent copies of one save", async () => {
    const { before, data, answers, after } = await burst(1);
    expect(after).toMatchObject({ version: before.version + 1, data });
    expect(after.revisions).toHaveLength(before.revisions.length + 1);
    expect(inconsistencies(after)).toEqual([]);
    // Whatever each copy was told, none of them was told something other than this one save.
    const saved = { status: "draft", version: before.version + 1, updatedAt: NOW.toISOString() };
    for (const answer of answers) {
      if (answer.status === 200) expect(answer.body).toEqual(saved);
      else
        expect((answer.body as unknown as Problem).current).toMatchObject({ version: after.version, data });
    }
    // A copy sent after the burst gets the first answer again.
    const late = await save(before.version, data, { "idempotency-key": key(1) });
    expect(await answered(late)).toEqual({ status: 200, body: saved });
  });

  // KNOWN API BUG (reported): the copies that lose the race to the first one are answered
  // 409 stale_version ("someone saved this monitor in the meantime") instead of the first answer,
  // because saveAnswers looks the key up only before its write, not after losing the If-Match race.
  it("give 20 concurrent copies of one save the same answer", async () => {
    const { before, answers } = await burst(2);
    const distinct = new Set(answers.map((a) => JSON.stringify(a)));
    expect([...distinct]).toEqual([
      JSON.stringify({
        status: 200,
        body: { status: "draft", version: before.version + 1, updatedAt: NOW.toISOString() },
      }),
    ]);
  });
});

describe("submissions racing reopenings of the same response", () => {
  it(
    "keep the response all submitted or all draft and the counters equal to a recount",
    async () => {
      const start = await stored();
      expect((await save(start.version, { ...COMPLETE_2026 })).status).toBe(200);
      expect((await submit()).status).toBe(200);
      const responseId = start.id;

      let submitted = 0;
      let reopened = 0;
      for (let round = 0; round < 8; round++) {
        const before = await stored();
        // Submissions and reopenings interleaved, some rounds starting with each.
        const requests = Array.from({ length: 6 }, (_, i) =>
          (i + round) % 2 === 0 ? submit().then(answered) : reopen(responseId).then(answered),
        );
        const answers = await Promise.all(requests);
        const kinds = answers.map((_, i) => ((i + round) % 2 === 0 ? "submit" : "reopen"));
        for (const [i, answer] of answers.entries()) {
          expect([200, 409], `${kinds[i]}: ${JSON.stringify(answer.body)}`).toContain(answer.status);
          if (answer.status === 409)
            expect((answer.body as unknown as Problem).type).toMatch(
              /(already_submitted|not_submitted|stale_version)$/,
            );
        }
        const ok = (kind: string) => answers.filter((a, i) => kinds[i] === kind && a.status === 200).length;
        submitted += ok("submit");
        reopened += ok("reopen");

        const after = await stored();
        expect(inconsistencies(after), `round ${round}`).toEqual([]);
        // Each success flips the status and adds a version: they alternate, starting from the status before.
        const wasSubmitted = before.status === "submitted" ? 1 : 0;
        const balance = wasSubmitted + ok("submit") - ok("reopen");
        expect([0, 1], `round ${round}`).toContain(balance);
        expect(after.status).toBe(balance === 1 ? "submitted" : "draft");
        expect(after.version).toBe(before.version + ok("submit") + ok("reopen"));
        if (after.status === "submitted") expect(after.initiatives.length).toBeGreaterThan(0);
        const { stored: counted, recounted } = await counters(api.db, campaignId);
        expect(counted, `round ${round}`).toEqual(recounted);
      }
      // The race was run: both kinds succeeded more than once.
      expect(submitted).toBeGreaterThan(1);
      expect(reopened).toBeGreaterThan(1);
    },
    TIMEOUT_MS,
  );
});
