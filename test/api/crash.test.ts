import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Database } from "../../apps/api/src/db/client.ts";
import { COMPLETE_2026, draftAnswers } from "../support/guarantees/answers.ts";
import {
  counters,
  fileIntegrity,
  inconsistencies,
  type StoredResponse,
  storedResponse,
} from "../support/guarantees/checks.ts";
import { FARMER_PASSWORD, type PreparedDatabase, prepareDatabase } from "../support/guarantees/database.ts";
import {
  freePort,
  HttpClient,
  type ServerProcess,
  startServerProcess,
} from "../support/guarantees/server.ts";

/**
 * No acknowledged save is lost and a submission is all or nothing, whatever moment the process dies:
 * the API runs as its own process (scripts/start.ts) on a database file, concurrent farmers save
 * drafts with If-Match and an Idempotency-Key, the process is killed with SIGKILL mid-stream (no
 * shutdown code runs), and the file is checked as the crash left it and again after a restart.
 */
const FARMS = [1, 2, 3, 4, 5, 6, 7, 8];
const KILL_ROUNDS = 2;
/** Each round kills the process once this many more saves are acknowledged (or after ROUND_MS). */
const SAVES_PER_ROUND = 60;
const ROUND_MS = 4_000;
const KILL_DELAY_MS = 7;
/** Room for a slow machine running other test files beside this one (each test takes 5 to 15 s alone). */
const TIMEOUT_MS = 90_000;

interface Attempt {
  expectedVersion: number;
  data: Record<string, unknown>;
  key: string;
}

interface Farmer {
  farmId: number;
  userId: number;
  client: HttpClient;
  /** The version the farmer's page holds: the last acknowledged one. */
  version: number;
  seq: number;
  acknowledged: (Attempt & { version: number })[];
  /** The save sent when the process died, answered or not. */
  inFlight: Attempt | undefined;
  unexpected: string[];
}

let dir: string;
let databaseUrl: string;
let prepared: PreparedDatabase;
let server: ServerProcess | undefined;
let port: number;
let farmers: Farmer[];

const start = async () => {
  server = await startServerProcess({
    databaseUrl,
    webDist: join(dir, "web"),
    logFile: join(dir, "server.log"),
    port,
  });
  return server;
};

const monitorPath = (farmId: number) => `/api/farms/${farmId}/monitor/${prepared.campaignId}`;

const put = (farmer: Farmer, attempt: Attempt) =>
  farmer.client.request("PUT", monitorPath(farmer.farmId), {
    headers: { "if-match": `"${attempt.expectedVersion}"`, "idempotency-key": attempt.key },
    body: { data: attempt.data, page: 1 },
  });

/** A farmer typing: one save after the other, each naming the version it changes. */
async function keepSaving(farmer: Farmer, stop: { now: boolean }) {
  while (!stop.now) {
    farmer.seq += 1;
    const attempt: Attempt = {
      expectedVersion: farmer.version,
      data: draftAnswers(farmer.farmId, farmer.seq),
      key: `crash-${farmer.farmId}-${farmer.seq}`,
    };
    farmer.inFlight = attempt;
    let response: Response;
    try {
      response = await put(farmer, attempt);
    } catch {
      return; // the process is gone: this save was sent, never answered
    }
    if (response.status !== 200) {
      farmer.unexpected.push(`${response.status} ${await response.text().catch(() => "")}`);
      return;
    }
    // The status line is the acknowledgement: the save counts even if the body is cut off.
    farmer.acknowledged.push({ ...attempt, version: attempt.expectedVersion + 1 });
    farmer.version = attempt.expectedVersion + 1;
    farmer.inFlight = undefined;
    expect(response.headers.get("etag")).toBe(`"${farmer.version}"`);
    await response.body?.cancel().catch(() => undefined);
  }
}

const acknowledgedCount = () => farmers.reduce((n, f) => n + f.acknowledged.length, 0);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await sleep(2);
}

/** Opens the file with a client of the test's own (recovering the WAL as the server would). */
async function withDatabase<T>(use: (db: Database) => Promise<T>): Promise<T> {
  const db = new Database({ url: databaseUrl });
  try {
    return await use(db);
  } finally {
    db.close();
  }
}

/**
 * Every acknowledged save is stored with its answers and version; nothing but what was sent is.
 * Returns how many of the saves in flight were written.
 */
async function expectNoSaveLost(db: Database, when: string): Promise<number> {
  let written = 0;
  for (const farmer of farmers) {
    const stored = await storedResponse(db, farmer.farmId, prepared.campaignId);
    const last = farmer.acknowledged.at(-1)?.version ?? 0;
    const where = `${when}, farm ${farmer.farmId} (acknowledged up to v${last})`;
    if (!stored) {
      expect(last, where).toBe(0);
      continue;
    }
    expect(inconsistencies(stored), where).toEqual([]);
    expect(stored.status, where).toBe("draft");
    // The save in flight at the kill may or may not have been written; nothing later can be.
    expect(stored.version, where).toBeGreaterThanOrEqual(last);
    expect(stored.version, where).toBeLessThanOrEqual(last + (farmer.inFlight ? 1 : 0));
    if (stored.version > last) written += 1;
    const sent = new Map(farmer.acknowledged.map((a) => [a.version, a.data]));
    if (farmer.inFlight) sent.set(farmer.inFlight.expectedVersion + 1, farmer.inFlight.data);
    expect(stored.data, where).toEqual(sent.get(stored.version));
    for (const revision of stored.revisions) expect(revision.data, where).toEqual(sent.get(revision.version));
    for (const ack of farmer.acknowledged)
      expect(stored.revisions.find((r) => r.version === ack.version)?.data, where).toEqual(ack.data);
    // The idempotency record of an acknowledged save was written in the save's own batch.
    const keys = await db.query<{ key: string; status: number }>(
      "SELECT key, status FROM idempotency_keys WHERE user_id = ?",
      [farmer.userId],
    );
    const recorded = new Map(keys.map((k) => [k.key, Number(k.status)]));
    for (const ack of farmer.acknowledged) expect(recorded.get(ack.key), `${where}, ${ack.key}`).toBe(200);
  }
  return written;
}

async function expectSoundFile(db: Database) {
  expect(await fileIntegrity(db)).toEqual({ integrity: ["ok"], foreignKeys: 0 });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "monitor-crash-"));
  mkdirSync(join(dir, "web"));
  writeFileSync(join(dir, "web", "index.html"), "<!doctype html><title>monitor</title>");
  databaseUrl = `file:${join(dir, "monitor.db")}`;
  prepared = await prepareDatabase(databaseUrl, { farms: FARMS });
  port = await freePort();
  await start();
  farmers = [];
  for (const account of prepared.farmers) {
    const client = new HttpClient(`http://localhost:${port}`);
    await client.login(account.email, FARMER_PASSWORD);
    farmers.push({
      farmId: account.farmId,
      userId: account.userId,
      client,
      version: 0,
      seq: 0,
      acknowledged: [],
      inFlight: undefined,
      unexpected: [],
    });
  }
});

afterAll(async () => {
  await server?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a SIGKILL in the middle of the saves", () => {
  it(
    "loses no acknowledged save: every one is stored with its answers and version",
    async () => {
      const rounds: string[] = [];
      for (let round = 1; round <= KILL_ROUNDS; round++) {
        const running = server as ServerProcess;
        const stop = { now: false };
        const before = acknowledgedCount();
        const savers = farmers.map((farmer) => keepSaving(farmer, stop));
        await until(
          () => acknowledgedCount() >= before + SAVES_PER_ROUND || farmers.some((f) => f.unexpected.length),
          ROUND_MS,
        );
        // A few milliseconds more in each round, so that the kill finds saves in other stages.
        await sleep(KILL_DELAY_MS * (round - 1));
        await running.kill();
        stop.now = true;
        await Promise.all(savers);
        expect(
          farmers.flatMap((f) => f.unexpected),
          running.logTail(),
        ).toEqual([]);
        const inFlight = farmers.filter((f) => f.inFlight).length;

        // The file as the crash left it, then as the restarted server finds it.
        const written = await withDatabase(async (db) => {
          await expectSoundFile(db);
          return expectNoSaveLost(db, `round ${round}, after the kill`);
        });
        rounds.push(
          `round ${round}: ${acknowledgedCount() - before} saves acknowledged, ${inFlight} in flight of which ${written} written`,
        );
        await start();
        await withDatabase((db) => expectNoSaveLost(db, `round ${round}, after the restart`));

        // The farmer's page retries the unanswered save with its key: the first answer if it was
        // written, otherwise it is written now; either way the same version, once.
        for (const farmer of farmers) {
          const attempt = farmer.inFlight;
          if (!attempt) continue;
          const retry = await put(farmer, attempt);
          expect(retry.status, `retry of ${attempt.key}`).toBe(200);
          expect(await retry.json()).toMatchObject({ status: "draft", version: attempt.expectedVersion + 1 });
          farmer.acknowledged.push({ ...attempt, version: attempt.expectedVersion + 1 });
          farmer.version = attempt.expectedVersion + 1;
          farmer.inFlight = undefined;
        }
        await withDatabase((db) => expectNoSaveLost(db, `round ${round}, after the retries`));
        // What the farmer's next visit shows is the last acknowledged save.
        for (const farmer of farmers) {
          const doc = (await (await farmer.client.request("GET", monitorPath(farmer.farmId))).json()) as {
            response: { version: number; data: unknown };
          };
          expect(doc.response.version).toBe(farmer.version);
          expect(doc.response.data).toEqual(farmer.acknowledged.at(-1)?.data);
        }
      }
      console.info(`crash test, saves: ${rounds.join("; ")}`);
      expect(acknowledgedCount()).toBeGreaterThanOrEqual(KILL_ROUNDS * farmers.length);
    },
    TIMEOUT_MS,
  );
});

describe("a SIGKILL during submissions", () => {
  it(
    "leaves every monitor fully submitted or fully a draft, with counters equal to a recount",
    async () => {
      // Every farmer completes the monitor; the saves are acknowledged before the submissions start.
      for (const farmer of farmers) {
        const attempt: Attempt = {
          expectedVersion: farmer.version,
          data: { ...COMPLETE_2026, dairy_cows: 100 + farmer.farmId },
          key: `complete-${farmer.farmId}`,
        };
        const response = await put(farmer, attempt);
        expect(response.status).toBe(200);
        farmer.version += 1;
      }
      const running = server as ServerProcess;
      const acknowledged = new Set<number>();
      const submissions = farmers.map(async (farmer) => {
        try {
          const response = await farmer.client.request("POST", `${monitorPath(farmer.farmId)}/submit`);
          if (response.status === 200) acknowledged.add(farmer.farmId);
          else farmer.unexpected.push(`submit ${response.status} ${await response.text()}`);
        } catch {
          // killed before answering
        }
      });
      // The kill lands once half the submissions are acknowledged, with the others on their way.
      await until(() => acknowledged.size >= farmers.length / 2, 10_000);
      await running.kill();
      await Promise.all(submissions);
      expect(farmers.flatMap((f) => f.unexpected)).toEqual([]);

      const check = async (db: Database, when: string) => {
        const states: StoredResponse[] = [];
        for (const farmer of farmers) {
          const stored = await storedResponse(db, farmer.farmId, prepared.campaignId);
          expect(stored, `${when}, farm ${farmer.farmId}`).toBeDefined();
          const state = stored as StoredResponse;
          states.push(state);
          expect(inconsistencies(state), `${when}, farm ${farmer.farmId}`).toEqual([]);
          if (acknowledged.has(farmer.farmId))
            expect(state.status, `${when}, farm ${farmer.farmId}`).toBe("submitted");
          if (state.status === "submitted") {
            expect(state.version).toBe(farmer.version + 1);
            expect(state.initiatives.length).toBeGreaterThan(0);
          } else {
            expect(state.version).toBe(farmer.version);
          }
        }
        const { stored, recounted } = await counters(db, prepared.campaignId);
        expect(stored, when).toEqual(recounted);
        return states;
      };

      const afterKill = await withDatabase(async (db) => {
        await expectSoundFile(db);
        return check(db, "after the kill");
      });
      const submitted = afterKill.filter((s) => s.status === "submitted").length;
      console.info(
        `crash test, submissions: ${acknowledged.size} acknowledged, ${submitted} of ${farmers.length} submitted at the kill`,
      );

      await start();
      await withDatabase((db) => check(db, "after the restart"));
      // The farmers whose submission was lost submit again; everything is counted once.
      for (const farmer of farmers) {
        const state = afterKill.find((s) => s.farmId === farmer.farmId);
        const response = await farmer.client.request("POST", `${monitorPath(farmer.farmId)}/submit`);
        expect(response.status, `farm ${farmer.farmId}`).toBe(state?.status === "submitted" ? 409 : 200);
      }
      await withDatabase(async (db) => {
        await expectSoundFile(db);
        for (const farmer of farmers) {
          const state = (await storedResponse(db, farmer.farmId, prepared.campaignId)) as StoredResponse;
          expect(inconsistencies(state)).toEqual([]);
          expect(state.status).toBe("submitted");
        }
        const { stored, recounted } = await counters(db, prepared.campaignId);
        expect(stored).toEqual(recounted);
        expect(stored["*|*|*|*|*|*"]?.farms).toBe(farmers.length);
      });
    },
    TIMEOUT_MS,
  );
});
