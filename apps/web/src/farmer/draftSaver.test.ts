import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type DraftPayload, DraftSaver, type SaveState } from "./draftSaver.ts";

/** The draft saver against a scripted server: debounce, retry while offline, conflict, invalid. */
interface Sent {
  ifMatch: string | null;
  key: string | null;
  body: DraftPayload;
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

function saver(version = 3) {
  const answers: Record<string, unknown> = {};
  const states: SaveState[] = [];
  const conflicts: unknown[] = [];
  const invalid: unknown[] = [];
  const draft = new DraftSaver(
    "/api/farms/1/monitor/7",
    version,
    () => ({ data: { ...answers }, page: 0, carriedOver: [] }),
    {
      onState: (state) => states.push(state),
      onConflict: (current) => conflicts.push(current),
      onInvalid: (errors) => invalid.push(errors),
    },
  );
  return { draft, answers, states, conflicts, invalid };
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
    expect(states).toEqual(["saving", "saved"]);
    expect(draft.currentVersion).toBe(4);
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

  it("takes the server's version after a conflict and hands over the current answers", async () => {
    const { draft, answers, states, conflicts } = saver(3);
    const current = { version: 9, data: { grazing: true }, page: 2, carriedOver: [], status: "draft" };
    replies.push(problem(409, { current }), ok(10));
    answers.grazing = false;
    draft.schedule();
    await draft.flush();
    expect(states.at(-1)).toBe("conflict");
    expect(conflicts).toEqual([current]);
    expect(draft.currentVersion).toBe(9);
    draft.schedule(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent[1]?.ifMatch).toBe('"9"');
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
