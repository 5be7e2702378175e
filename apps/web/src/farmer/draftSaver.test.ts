import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type DraftPayload, DraftSaver, type MergedAnswers, type SaveState } from "./draftSaver.ts";
import type { DraftStore, LocalDraft } from "./localDrafts.ts";

/**
 * The draft saver against a scripted server and an in-memory device store: kept locally first,
 * debounce, retry while offline, merges, conflicts, invalid answers, the send on leaving.
 */
interface Sent {
  ifMatch: string | null;
  key: string | null;
  keepalive: boolean;
  body: DraftPayload & { merge: boolean };
}

let sent: Sent[];
let replies: (() => Response | Promise<Response>)[];
let windowEvents: EventTarget;

const ok = (version: number) => () =>
  new Response(JSON.stringify({ status: "draft", version, updatedAt: "2026-11-30T10:00:00.000Z" }), {
    status: 200,
    headers: { "content-type": "application/json" },
  });
const problem = (status: number, body: Record<string, unknown>) => () =>
  new Response(JSON.stringify({ type: "t", title: "Problem", status, ...body }), {
    status,
    headers: { "content-type": "application/problem+json" },
  });
const offline = () => {
  throw new TypeError("Failed to fetch");
};

beforeEach(() => {
  vi.useFakeTimers();
  sent = [];
  replies = [];
  windowEvents = new EventTarget();
  vi.stubGlobal("window", windowEvents);
  vi.stubGlobal("fetch", async (_url: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    sent.push({
      ifMatch: headers.get("if-match"),
      key: headers.get("idempotency-key"),
      keepalive: init.keepalive === true,
      body: JSON.parse(String(init.body)),
    });
    const reply = replies.shift();
    if (!reply) throw new Error("no scripted reply");
    return reply();
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function memoryStore(canKeep = true) {
  const kept: LocalDraft[] = [];
  const store: DraftStore = {
    read: async () => kept.at(-1),
    write: async (draft) => {
      if (canKeep) kept.push(structuredClone(draft));
      return canKeep;
    },
    remove: async () => {
      kept.length = 0;
    },
  };
  return { store, kept };
}

function saver(version = 3, canKeep = true) {
  const answers: Record<string, unknown> = {};
  const states: SaveState[] = [];
  const conflicts: unknown[] = [];
  const merges: [MergedAnswers, Record<string, unknown>][] = [];
  const closed: unknown[] = [];
  const invalid: unknown[] = [];
  const { store, kept } = memoryStore(canKeep);
  const draft = new DraftSaver(
    "/api/farms/1/monitor/7",
    version,
    () => ({ data: { ...answers }, page: 0, carriedOver: [] }),
    store,
    () => [0],
    {
      onState: (state) => states.push(state),
      onMerged: (merged, sentData) => merges.push([merged, sentData]),
      onConflict: (found, merged) => conflicts.push({ found, merged }),
      onClosed: (current) => closed.push(current),
      onInvalid: (errors) => invalid.push(errors),
    },
  );
  return { draft, answers, states, conflicts, merges, closed, invalid, kept };
}

describe("the draft saver", () => {
  it("waits for a pause in typing and sends the latest answers once, with the version it changes", async () => {
    const { draft, answers, states } = saver(3);
    replies.push(ok(4));
    answers.dairy_cows = 11;
    draft.schedule();
    await vi.advanceTimersByTimeAsync(400);
    answers.dairy_cows = 117;
    draft.schedule();
    await vi.advanceTimersByTimeAsync(800);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body.data).toEqual({ dairy_cows: 117 });
    expect(sent[0]?.ifMatch).toBe('"3"');
    expect(sent[0]?.body.merge).toBe(true);
    expect(states.slice(-2)).toEqual(["saving", "saved"]);
    expect(draft.currentVersion).toBe(4);
  });

  it("keeps every change on the device before it is sent, and marks it sent once acknowledged", async () => {
    const { draft, answers, states, kept } = saver(3);
    replies.push(ok(4));
    answers.dairy_cows = 117;
    draft.schedule();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(0);
    expect(kept.at(-1)).toMatchObject({ data: { dairy_cows: 117 }, version: 3, unsent: true });
    expect(states).toEqual(["kept"]);
    await vi.advanceTimersByTimeAsync(800);
    expect(kept.at(-1)).toMatchObject({ data: { dairy_cows: 117 }, version: 4, unsent: false });
  });

  it("sends what is pending with keepalive when the page is left, and nothing when all is sent", async () => {
    const { draft, answers } = saver(3);
    answers.grazing = true;
    draft.schedule();
    replies.push(ok(4));
    draft.sendOnExit();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([
      expect.objectContaining({
        ifMatch: '"3"',
        keepalive: true,
        body: expect.objectContaining({ merge: true }),
      }),
    ]);
  });

  it("leaving while a save is on its way builds on that save's version and keeps its answers", async () => {
    const { draft, answers, kept } = saver(3);
    let release: (response: Response) => void = () => {};
    replies.push(() => new Promise<Response>((resolve) => (release = resolve)));
    answers.grazing = true;
    draft.schedule(0);
    await vi.advanceTimersByTimeAsync(0);
    answers.grazing = false;
    draft.schedule();
    await vi.advanceTimersByTimeAsync(0);
    expect(kept.at(-1)).toMatchObject({ version: 3, unsent: true, sending: { grazing: true } });
    replies.push(ok(5));
    draft.sendOnExit();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.map((s) => [s.ifMatch, s.keepalive])).toEqual([
      ['"3"', false],
      ['"4"', true],
    ]);
    release(ok(4)());
  });

  it("warns before leaving only when a change could not be kept on the device", async () => {
    const kept = saver(3);
    kept.answers.grazing = true;
    kept.draft.schedule();
    await vi.advanceTimersByTimeAsync(0);
    expect(kept.draft.wouldLose).toBe(false);
    const unkept = saver(3, false);
    unkept.answers.grazing = true;
    unkept.draft.schedule();
    await vi.advanceTimersByTimeAsync(0);
    expect(unkept.draft.wouldLose).toBe(true);
    expect(unkept.states).toEqual(["unkept"]);
  });

  it("keeps the answers while offline and retries with the same idempotency key until the server has them", async () => {
    const { draft, answers, states } = saver(3);
    replies.push(offline, offline, ok(4));
    answers.grazing = true;
    draft.schedule();
    expect(await draft.flush()).toBe(false);
    expect(states.at(-1)).toBe("offline");
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((s) => s.key)).size).toBe(1);
    expect(sent.every((s) => s.ifMatch === '"3"')).toBe(true);
    expect(states.at(-1)).toBe("saved");
    expect(draft.currentVersion).toBe(4);
  });

  it("retries at once when the browser comes back online, with a new key once the answers changed", async () => {
    const { draft, answers } = saver(3);
    replies.push(offline, ok(4));
    answers.grazing = true;
    draft.schedule();
    await draft.flush();
    answers.grazing = false;
    draft.schedule(10_000);
    windowEvents.dispatchEvent(new Event("online"));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.body.data).toEqual({ grazing: false });
    expect(sent[1]?.key).not.toBe(sent[0]?.key);
  });

  it("hands over the server's merge of this device's answers with answers saved elsewhere", async () => {
    const { draft, answers, merges } = saver(3);
    const merged = { data: { grazing: true, dairy_cows: 90 }, carriedOver: [] };
    replies.push(
      () =>
        new Response(
          JSON.stringify({ status: "draft", version: 6, updatedAt: "2026-11-30T10:00:00.000Z", merged }),
          { status: 200, headers: { "content-type": "application/json" } },
        ),
    );
    answers.grazing = true;
    draft.schedule();
    await draft.flush();
    expect(merges).toEqual([[merged, { grazing: true }]]);
    expect(draft.currentVersion).toBe(6);
  });

  it("on a conflict, takes the server's version and hands over the conflicts to choose from", async () => {
    const { draft, answers, states, conflicts } = saver(3);
    const current = { version: 9, data: { grazing: true }, page: 2, carriedOver: [], status: "draft" };
    const found = [{ question: "grazing", base: true, mine: false, theirs: true }];
    const merged = { data: { grazing: true }, carriedOver: [] };
    replies.push(problem(409, { current, conflicts: found, merged }), ok(10));
    answers.grazing = false;
    draft.schedule();
    await draft.flush();
    expect(states.at(-1)).toBe("conflict");
    expect(conflicts).toEqual([{ found, merged }]);
    expect(draft.currentVersion).toBe(9);
    draft.schedule(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent[1]?.ifMatch).toBe('"9"');
  });

  it("stops saving once the monitor was submitted elsewhere", async () => {
    const { draft, answers, closed, kept } = saver(3);
    const current = { version: 9, data: {}, page: 0, carriedOver: [], status: "submitted" };
    replies.push(problem(409, { current }));
    answers.grazing = false;
    draft.schedule();
    await draft.flush();
    expect(closed).toEqual([current]);
    expect(kept).toEqual([]);
    draft.schedule(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(1);
  });

  it("shows the server's errors at the questions and does not retry an invalid draft", async () => {
    const { draft, answers, states, invalid } = saver(3);
    const errors = [{ path: "dairy_cows", message: "Must be at least 1." }];
    replies.push(problem(422, { errors }));
    answers.dairy_cows = 0;
    draft.schedule();
    expect(await draft.flush()).toBe(true);
    expect(states.at(-1)).toBe("invalid");
    expect(invalid).toEqual([errors]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(1);
  });

  it("sends one request at a time: a change made during a save goes in the next one", async () => {
    const { draft, answers } = saver(3);
    let release: (response: Response) => void = () => {};
    replies.push(() => new Promise<Response>((resolve) => (release = resolve)), ok(5));
    answers.grazing = true;
    draft.schedule();
    const first = draft.flush();
    answers.grazing = false;
    draft.schedule(0);
    const second = draft.flush();
    expect(sent).toHaveLength(1);
    release(ok(4)());
    expect(await first).toBe(false); // the later change was not on the server yet
    expect(await second).toBe(true);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.ifMatch).toBe('"4"');
    expect(sent[1]?.body.data).toEqual({ grazing: false });
  });
});
