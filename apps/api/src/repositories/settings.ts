import type { Database } from "../db/client.ts";

export class SettingsRepository {
  constructor(private readonly db: Database) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.db.queryOne<{ value: string }>("SELECT value FROM settings WHERE key = ?", [key]))
      ?.value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.db.writeOne(
      "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      [key, value],
    );
  }

  /** Stores the value unless one is there already, and returns the one that is kept. */
  async getOrSet(key: string, value: string): Promise<string> {
    await this.db.writeOne("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING", [
      key,
      value,
    ]);
    return (await this.get(key)) ?? value;
  }
}
