import { existsSync, renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Database } from "../db/client.ts";

/** The path of a local `file:` database URL; remote databases are backed up by their own service. */
export function localPath(url: string): string {
  if (!url.startsWith("file:"))
    throw new Error(
      `${url} is not a local file database: back up a libSQL server or Turso with its own tools`,
    );
  return url.startsWith("file://") ? fileURLToPath(url) : url.slice("file:".length);
}

async function checkIntegrity(file: string): Promise<{ migrations: number }> {
  const db = new Database({ url: `file:${file}` });
  try {
    const [check] = await db.query<{ integrity_check: string }>("PRAGMA integrity_check");
    if (check?.integrity_check !== "ok")
      throw new Error(`${file} fails the integrity check: ${check?.integrity_check}`);
    const row = await db.queryOne<{ n: number }>("SELECT count(*) AS n FROM schema_migrations");
    return { migrations: Number(row?.n ?? 0) };
  } finally {
    db.close();
  }
}

/**
 * A consistent copy of the database while the server keeps writing: `VACUUM INTO` reads one
 * snapshot (a read transaction, which in WAL mode never blocks the writers) into a new file. It
 * runs on a connection of its own and holds no write lock, so it cannot leave the server's
 * connection with the lock after a SQLITE_BUSY (the libSQL trap in docs/operations.md).
 */
export async function backupTo(url: string, target: string): Promise<{ file: string; migrations: number }> {
  localPath(url);
  if (existsSync(target)) throw new Error(`${target} exists: choose a new file for the backup`);
  const db = new Database({ url });
  try {
    await db.query("VACUUM INTO ?", [target]);
  } finally {
    db.close();
  }
  return { file: target, ...(await checkIntegrity(target)) };
}

/**
 * Puts a backup in place of the database at `url` (the server stopped): the backup is checked,
 * copied beside the target and renamed over it, and the target's old WAL files are removed.
 */
export async function restoreFrom(
  backup: string,
  url: string,
  options: { force: boolean },
): Promise<{ file: string; migrations: number }> {
  const target = localPath(url);
  if (!existsSync(backup)) throw new Error(`${backup} does not exist`);
  const checked = await checkIntegrity(backup);
  if (existsSync(target) && !options.force)
    throw new Error(`${target} exists: stop the server and run again with --force to replace it`);
  const staging = join(dirname(target), `.restore-${process.pid}.db`);
  rmSync(staging, { force: true });
  // Copied through SQLite, so the result is a database file on its own (no WAL of the backup's).
  const db = new Database({ url: `file:${backup}` });
  try {
    await db.query("VACUUM INTO ?", [staging]);
  } finally {
    db.close();
  }
  for (const suffix of ["-wal", "-shm"]) rmSync(`${target}${suffix}`, { force: true });
  renameSync(staging, target);
  return { file: target, ...checked };
}
