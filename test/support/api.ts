import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { matchRoute, problemDocument, type RouteResponse } from "@monitor/contract";
import { inject } from "vitest";
import { createApp } from "../../apps/api/src/app.ts";
import { Database } from "../../apps/api/src/db/client.ts";
import { migrate } from "../../apps/api/src/db/migrate.ts";
import { DEMO_PASSWORD, seedDemo } from "../../apps/api/src/demo/seed.ts";
import { type AppConfig, defaultConfig } from "../../apps/api/src/env.ts";

export interface TestApi {
  db: Database;
  /** The libSQL URL of the test's database file, to open a second client on it. */
  url: string;
  app: ReturnType<typeof createApp>;
  request(path: string, init?: RequestInit & { cookie?: string }): Promise<Response>;
  login(email: string, password?: string): Promise<string>;
  close(): void;
}

/**
 * A fresh API on its own temporary database file, with the demo register of `farms` farms; with
 * `prepare` instead, an empty database that the function fills (and `password` for its logins).
 * With a clock (`now`) the demo is a copy of the one this process seeded at the same time.
 */
export async function createTestApi(
  options: {
    farms?: number;
    config?: Partial<AppConfig>;
    now?: () => Date;
    prepare?: (db: Database, clock: () => Date) => Promise<void>;
    password?: string;
  } = {},
): Promise<TestApi> {
  const dir = mkdtempSync(join(tmpdir(), "monitor-test-"));
  const path = join(dir, "test.db");
  const url = `file:${path}`;
  const clock = options.now ?? (() => new Date());
  const farms = options.farms ?? 40;
  // A demo seeded at a fixed time comes as a copy of the one this process seeded first.
  if (!options.prepare && options.now) copyFileSync(await seededDemo(farms, clock()), path);
  const db = new Database({ url });
  if (options.prepare) {
    await migrate(db, clock);
    await options.prepare(db, clock);
  } else if (!options.now) {
    await migrate(db, clock);
    await seedDemo(db, clock, { farms });
  }
  const app = createApp({ db, clock, config: options.config ?? {} });
  const publicOrigin = options.config?.publicOrigin ?? defaultConfig.publicOrigin;

  const request = async (path: string, init: RequestInit & { cookie?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.cookie) headers.set("cookie", init.cookie);
    // Writes come from the app's own pages (CSRF check), unless the test sends another Origin.
    const method = (init.method ?? "GET").toUpperCase();
    if (!["GET", "HEAD", "OPTIONS"].includes(method) && !headers.has("origin"))
      headers.set("origin", publicOrigin);
    if (init.body && !headers.has("content-type")) headers.set("content-type", "application/json");
    const response = await app.request(path, { ...init, headers });
    await checkAgainstContract(init.method ?? "GET", path, response);
    return response;
  };

  return {
    db,
    url,
    app,
    request,
    async login(email, password = options.password ?? DEMO_PASSWORD) {
      const response = await request("/api/auth/login", {
        method: "POST",
        body: JSON.stringify({ email, password }),
      });
      if (response.status !== 200) throw new Error(`login ${email} failed: ${response.status}`);
      const cookie = response.headers.get("set-cookie") ?? "";
      return cookie.split(";")[0] ?? "";
    },
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Demo databases this test process seeded, by number of farms and the fixed time they were seeded
 * at: the same seed again (a second of CPU for 40 farms) is a file copy. What seeding writes depends
 * only on the clock, but for random salts and record keys: the copy holds what seeding again could.
 */
const seeded = new Map<string, Promise<string>>();

declare module "vitest" {
  export interface ProvidedContext {
    /** The run's folder for the seeded demo databases (support/globalSetup.ts). */
    seededDir: string;
  }
}

function seededDemo(farms: number, at: Date): Promise<string> {
  const key = `${farms}@${at.toISOString()}`;
  let template = seeded.get(key);
  if (!template) {
    template = seedTemplate(farms, at, seeded.size);
    seeded.set(key, template);
  }
  return template;
}

async function seedTemplate(farms: number, at: Date, n: number): Promise<string> {
  // The run's folder (support/globalSetup.ts), shared by the worker processes: a name of its own.
  const path = join(inject("seededDir"), `${process.pid}-${n}.db`);
  const db = new Database({ url: `file:${path}` });
  try {
    await migrate(db, () => at);
    await seedDemo(db, () => at, { farms });
    await db.query("PRAGMA wal_checkpoint(TRUNCATE)");
  } finally {
    db.close();
  }
  // Everything is in the main file: a copy of it alone is the whole database.
  if (existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0)
    throw new Error(`${path}: the write-ahead log was not checkpointed`);
  return path;
}

export const problemOf = async (response: Response) => {
  expectProblemType(response);
  return (await response.json()) as {
    type: string;
    title: string;
    status: number;
    detail?: string;
    errors?: { path: string; message: string }[];
  };
};

function expectProblemType(response: Response) {
  const type = response.headers.get("content-type") ?? "";
  if (!type.startsWith("application/problem+json"))
    throw new Error(`expected a problem document, got ${type}`);
}

/** A response that disagrees with the contract of its route (packages/contract). */
export class ContractViolation extends Error {
  override name = "ContractViolation";
}

const mediaType = (response: Response) =>
  (response.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";

function parseAgainst(schema: NonNullable<RouteResponse["json"]>, body: unknown, what: string) {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issues = result.error.issues
      .map((issue) => `  - at ${issue.path.length ? issue.path.join(".") : "(root)"}: ${issue.message}`)
      .join("\n");
    throw new ContractViolation(`${what} does not match its schema:\n${issues}`);
  }
}

/**
 * Checks an answer against the contract's route table: every problem document against the problem
 * schema; every 2xx answer against its route (a route missing from the table fails), JSON bodies
 * parsed with the route's (strict) response schema; any other failure must be a problem document
 * or an answer the route lists (the health check's 503).
 */
export async function checkAgainstContract(method: string, path: string, response: Response): Promise<void> {
  const type = mediaType(response);
  const route = matchRoute(method, path);
  const where = `${method.toUpperCase()} ${path} → ${response.status}${route ? ` (route ${route.method} ${route.path})` : ""}`;
  const json = async () => JSON.parse(await response.clone().text()) as unknown;

  if (type === "application/problem+json") {
    parseAgainst(problemDocument, await json(), `The problem document of ${where}`);
    return;
  }
  if (!route) {
    if (response.status < 400 || type === "application/json")
      throw new ContractViolation(
        `${where}: no route of the contract's route table answers ${method} ${path}`,
      );
    throw new ContractViolation(
      `${where}: a failure that is not a problem document (${type || "no content type"})`,
    );
  }
  const success = response.status >= 200 && response.status < 300;
  if (!success) {
    const other = route.otherResponses?.[response.status];
    if (!other)
      throw new ContractViolation(
        `${where}: a failure that is not a problem document (${type || "no content type"})`,
      );
    parseAgainst(other.json, await json(), `The answer of ${where}`);
    return;
  }
  const expected = route.response;
  if (response.status !== expected.status)
    throw new ContractViolation(`${where}: the contract answers ${expected.status}`);
  if (expected.status === 204) return;
  if (type === "application/json") {
    if (!expected.json)
      throw new ContractViolation(
        `${where}: a JSON answer where the contract lists ${expected.files?.join(", ")}`,
      );
    parseAgainst(expected.json, await json(), `The answer of ${where}`);
    return;
  }
  const files = (expected.files ?? []).map((f) => f.split(";")[0]?.trim().toLowerCase());
  if (!files.includes(type))
    throw new ContractViolation(
      `${where}: answered ${type || "no content type"}, the contract lists ${[expected.json ? "application/json" : "", ...files].filter(Boolean).join(", ")}`,
    );
}
