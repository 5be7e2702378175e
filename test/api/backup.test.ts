import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Database } from "../../apps/api/src/db/client.ts";
import { restoreFrom } from "../../apps/api/src/services/backup.ts";
import { createTestApi, type TestApi } from "../support/api.ts";

/**
 * The operator's backup (`npm run admin -- backup`, VACUUM INTO from a process of its own) taken
 * while farmers keep saving, restored (what `restore` runs) into a new database: the restored database holds
 * exactly what the backup holds, and that is one consistent moment of the live one.
 */
const run = promisify(execFile);
const root = fileURLToPath(new URL("../../", import.meta.url));
const admin = (args: string[], databaseUrl: string) =>
  run(join(root, "node_modules/.bin/tsx"), ["scripts/admin.ts", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });

let api: TestApi;
let dir: string;

beforeAll(async () => {
  api = await createTestApi({ farms: 20 });
  dir = mkdtempSync(join(tmpdir(), "monitor-backup-"));
});
afterAll(() => {
  api.close();
  rmSync(dir, { recursive: true, force: true });
});

async function dump(url: string): Promise<Record<string, unknown[]>> {
  const db = new Database({ url });
  try {
    const tables = await db.query<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    );
    const out: Record<string, unknown[]> = {};
    // Rows in a fixed order (some tables have no rowid): by their content.
    for (const { name } of tables)
      out[name] = (await db.query(`SELECT * FROM "${name}"`))
        .map((row) => JSON.stringify(row))
        .sort()
        .map((row) => JSON.parse(row) as unknown);
    return out;
  } finally {
    db.close();
  }
}

describe("backup and restore", () => {
  it("restores a backup taken while saves run into a database with identical content", async () => {
    const farmer = await api.login("farmer@demo.test");
    const campaign = await api.db.queryOne<{ id: number }>(
      "SELECT id FROM campaigns ORDER BY year DESC LIMIT 1",
    );
    const path = `/api/farms/1/monitor/${campaign?.id}`;
    let saving = true;
    let saves = 0;
    const loop = (async () => {
      while (saving) {
        const current = (await (await api.request(path, { cookie: farmer })).json()) as {
          response: { version: number; status: string };
        };
        if (current.response.status === "submitted") throw new Error("the farm's monitor is submitted");
        const response = await api.request(path, {
          method: "PUT",
          cookie: farmer,
          headers: { "If-Match": `"${current.response.version}"` },
          body: JSON.stringify({ data: { dairy_cows: 100 + (saves % 50) } }),
        });
        expect(response.status).toBe(200);
        saves++;
        // In-process requests resolve as microtasks: yield, as requests over a socket would.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const until = async (enough: () => boolean) => {
      while (!enough()) await Promise.race([loop, new Promise((resolve) => setTimeout(resolve, 20))]);
    };
    await until(() => saves >= 3 || !saving);
    const backup = join(dir, "backup.db");
    await admin(["backup", backup], api.url);
    const savesAtBackupEnd = saves;
    await until(() => saves >= savesAtBackupEnd + 3);
    saving = false;
    await loop;

    const restoredUrl = `file:${join(dir, "restored.db")}`;
    await restoreFrom(backup, restoredUrl, { force: false });
    const restored = await dump(restoredUrl);
    expect(restored).toEqual(await dump(`file:${backup}`));

    // One consistent moment: each response at the version of its last revision, every revision
    // the live database still has, and saves made both before and after the backup.
    const live = await dump(api.url);
    const revisions = restored.response_revisions as { response_id: number; version: number }[];
    for (const response of restored.responses as { id: number; version: number }[]) {
      const last = Math.max(...revisions.filter((r) => r.response_id === response.id).map((r) => r.version));
      expect(response.version).toBe(last);
    }
    const liveRevisions = new Set(live.response_revisions?.map((r) => JSON.stringify(r)));
    expect(revisions.every((r) => liveRevisions.has(JSON.stringify(r)))).toBe(true);
    expect(revisions.length).toBeGreaterThan(0);
    expect((live.response_revisions?.length ?? 0) - revisions.length).toBeGreaterThanOrEqual(3);
    expect(saves).toBeGreaterThanOrEqual(savesAtBackupEnd + 3);
  }, 60_000);

  it("refuses to restore over a database unless forced", async () => {
    await expect(restoreFrom(join(dir, "backup.db"), api.url, { force: false })).rejects.toThrow(/--force/);
  });
});
