import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readConfig } from "../config.ts";
import { Database } from "./client.ts";

const dir = mkdtempSync(join(tmpdir(), "monitor-db-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const synchronousOf = async (db: Database) =>
  (await db.queryOne<{ synchronous: number }>("PRAGMA synchronous"))?.synchronous;

describe("durability of a local database file", () => {
  it("runs WAL without an fsync per commit unless the operator asks for every commit on disk", async () => {
    expect(readConfig({}).databaseSync).toBe("normal");
    expect(readConfig({ DATABASE_SYNC: "full" }).databaseSync).toBe("full");
    expect(() => readConfig({ DATABASE_SYNC: "off" })).toThrow();
    const normal = new Database({ url: `file:${join(dir, "normal.db")}` });
    const full = new Database({ url: `file:${join(dir, "full.db")}`, synchronous: "full" });
    expect(await synchronousOf(normal)).toBe(1);
    expect(await synchronousOf(full)).toBe(2);
    expect((await full.queryOne<{ journal_mode: string }>("PRAGMA journal_mode"))?.journal_mode).toBe("wal");
    normal.close();
    full.close();
  });
});
