import { type Client, createClient, type InStatement, type ResultSet } from "@libsql/client";
import { LocalFile } from "./localFile.ts";

export interface DatabaseOptions {
  url: string;
  authToken?: string | undefined;
  /**
   * A local file's `PRAGMA synchronous` under WAL: `normal` (no fsync per commit: a dead process
   * loses nothing committed, a power cut may take back the last commits) or `full` (every
   * acknowledged commit is on disk, at a cost per save). docs/reliability.md.
   */
  synchronous?: "normal" | "full" | undefined;
}

export type Row = Record<string, unknown>;

/**
 * The one libSQL client of this process. Writes are serialized through a queue because libSQL
 * can lose later writes after a SQLITE_BUSY on a connection that held a lock (stack.md); when a
 * statement still fails with SQLITE_BUSY, the client is recreated before the next use. A local
 * `file:` database is reached through the engine's binding with prepared statements kept
 * (localFile.ts); a remote one through @libsql/client.
 */
export class Database {
  private client: Client | LocalFile;
  private writeQueue: Promise<unknown> = Promise.resolve();
  private ready: Promise<void>;

  constructor(private readonly options: DatabaseOptions) {
    this.client = this.open();
    this.ready = this.configure();
  }

  private open(): Client | LocalFile {
    if (this.isLocalFile) return new LocalFile(this.options.url, 5000);
    return createClient({ url: this.options.url, authToken: this.options.authToken, timeout: 5000 });
  }

  private get isLocalFile(): boolean {
    return this.options.url.startsWith("file:");
  }

  private async configure(): Promise<void> {
    if (this.isLocalFile) {
      await this.client.execute("PRAGMA journal_mode = WAL");
      await this.client.execute("PRAGMA foreign_keys = ON");
      await this.client.execute(
        this.options.synchronous === "full" ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL",
      );
    }
  }

  async query<T = Row>(sql: string, args: unknown[] = []): Promise<T[]> {
    await this.ready;
    const client = this.client;
    const result = await this.guard(async () =>
      client instanceof LocalFile ? client.execute(sql, args) : client.execute({ sql, args: args as never }),
    );
    return result.rows as unknown as T[];
  }

  async queryOne<T = Row>(sql: string, args: unknown[] = []): Promise<T | undefined> {
    const rows = await this.query<T>(sql, args);
    return rows[0];
  }

  /** Runs the statements atomically, one write batch at a time in this process. */
  async write(statements: InStatement[]): Promise<ResultSet[]> {
    await this.ready;
    const run = this.writeQueue.then(() =>
      this.guard(async () => {
        const client = this.client;
        return client instanceof LocalFile ? client.batch(statements) : client.batch(statements, "write");
      }),
    );
    this.writeQueue = run.catch(() => undefined);
    return run;
  }

  async writeOne(sql: string, args: unknown[] = []): Promise<ResultSet> {
    const [result] = await this.write([{ sql, args: args as never }]);
    return result as ResultSet;
  }

  async ping(): Promise<boolean> {
    try {
      await this.query("SELECT 1");
      return true;
    } catch {
      return false;
    }
  }

  close(): void {
    this.client.close();
  }

  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (isBusy(error)) {
        this.client.close();
        this.client = this.open();
        this.ready = this.configure();
      }
      throw error;
    }
  }
}

export function isBusy(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? "";
  const message = error instanceof Error ? error.message : "";
  return code.includes("SQLITE_BUSY") || message.includes("SQLITE_BUSY");
}
