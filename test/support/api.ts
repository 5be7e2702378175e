import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../../apps/api/src/app.ts";
import { Database } from "../../apps/api/src/db/client.ts";
import { migrate } from "../../apps/api/src/db/migrate.ts";
import { DEMO_PASSWORD, seedDemo } from "../../apps/api/src/demo/seed.ts";
import type { AppConfig } from "../../apps/api/src/env.ts";

export interface TestApi {
  db: Database;
  app: ReturnType<typeof createApp>;
  request(path: string, init?: RequestInit & { cookie?: string }): Promise<Response>;
  login(email: string, password?: string): Promise<string>;
  close(): void;
}

/** A fresh API on its own temporary database file, with the demo register of `farms` farms. */
export async function createTestApi(
  options: { farms?: number; config?: Partial<AppConfig>; now?: () => Date } = {},
): Promise<TestApi> {
  const dir = mkdtempSync(join(tmpdir(), "monitor-test-"));
  const db = new Database({ url: `file:${join(dir, "test.db")}` });
  const clock = options.now ?? (() => new Date());
  await migrate(db, clock);
  await seedDemo(db, clock, { farms: options.farms ?? 40 });
  const app = createApp({ db, clock, config: options.config ?? {} });

  const request = (path: string, init: RequestInit & { cookie?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.cookie) headers.set("cookie", init.cookie);
    if (init.body && !headers.has("content-type")) headers.set("content-type", "application/json");
    return Promise.resolve(app.request(path, { ...init, headers }));
  };

  return {
    db,
    app,
    request,
    async login(email, password = DEMO_PASSWORD) {
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
