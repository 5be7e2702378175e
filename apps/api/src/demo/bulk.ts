import type { InStatement, InValue } from "@libsql/client";
import Sqlite from "libsql";
import type { Database } from "../db/client.ts";

/** Statements per transaction. */
const BATCH_STATEMENTS = 4000;

/**
 * Writes the demo sector's many rows in transactions of BATCH_STATEMENTS statements.
 *
 * On a local file it opens its own connection and reuses one prepared statement per SQL text:
 * @libsql/client prepares every statement anew and never frees it (about 2.5 KB plus the
 * arguments per statement, measured), which at 100,000 farms is tens of gigabytes. A remote
 * database gets the same statements as write batches through the project's client.
 */
export interface BulkWriter {
  add(statements: readonly InStatement[]): Promise<void>;
  /** Commits what is pending. */
  flush(): Promise<void>;
  close(): void;
}

export async function bulkWriter(db: Database): Promise<BulkWriter> {
  const file = await db.queryOne<{ file: string }>(
    "SELECT file FROM pragma_database_list WHERE name = 'main'",
  );
  return file?.file ? fileWriter(file.file) : clientWriter(db);
}

function fileWriter(path: string): BulkWriter {
  const connection = new Sqlite(path);
  connection.exec("PRAGMA busy_timeout = 5000");
  connection.exec("PRAGMA foreign_keys = ON");
  // WAL: a commit need not wait for the disk (a crash loses the last batches, never consistency);
  // a larger page cache keeps the growing indexes in memory
  connection.exec("PRAGMA synchronous = NORMAL");
  connection.exec("PRAGMA cache_size = -65536");
  const prepared = new Map<string, ReturnType<typeof connection.prepare>>();
  let pending = 0;
  const commit = () => {
    if (pending === 0) return;
    connection.exec("COMMIT");
    pending = 0;
  };
  return {
    async add(statements) {
      for (const statement of statements) {
        const { sql, args } = typeof statement === "string" ? { sql: statement, args: [] } : statement;
        let prepare = prepared.get(sql);
        if (!prepare) {
          prepare = connection.prepare(sql);
          prepared.set(sql, prepare);
        }
        if (pending === 0) connection.exec("BEGIN IMMEDIATE");
        prepare.run((args ?? []) as InValue[]);
        pending++;
        if (pending >= BATCH_STATEMENTS) commit();
      }
    },
    async flush() {
      commit();
    },
    close() {
      if (pending > 0) connection.exec("ROLLBACK");
      connection.close();
    },
  };
}

function clientWriter(db: Database): BulkWriter {
  let statements: InStatement[] = [];
  return {
    async add(more) {
      for (const s of more) statements.push(s);
      if (statements.length >= BATCH_STATEMENTS) await this.flush();
    },
    async flush() {
      if (statements.length === 0) return;
      const batch = statements;
      statements = [];
      await db.write(batch);
    },
    close() {},
  };
}
