import type { Database } from "../db/client.ts";

export class SessionRepository {
  constructor(private readonly db: Database) {}

  async create(tokenHash: string, userId: number, now: Date, expiresAt: Date): Promise<void> {
    await this.db.write([
      { sql: "DELETE FROM sessions WHERE expires_at <= ?", args: [now.toISOString()] },
      {
        sql: "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
        args: [tokenHash, userId, now.toISOString(), expiresAt.toISOString()],
      },
    ]);
  }

  async findUserId(tokenHash: string, now: Date): Promise<number | undefined> {
    const row = await this.db.queryOne<{ user_id: number }>(
      "SELECT s.user_id FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ? AND u.active = 1",
      [tokenHash, now.toISOString()],
    );
    return row ? Number(row.user_id) : undefined;
  }

  async delete(tokenHash: string): Promise<void> {
    await this.db.writeOne("DELETE FROM sessions WHERE token_hash = ?", [tokenHash]);
  }
}

export class LoginFailureRepository {
  constructor(private readonly db: Database) {}

  async countSince(email: string, since: Date): Promise<number> {
    const row = await this.db.queryOne<{ n: number }>(
      "SELECT count(*) AS n FROM login_failures WHERE email = ? AND failed_at > ?",
      [email.trim(), since.toISOString()],
    );
    return Number(row?.n ?? 0);
  }

  async record(email: string, now: Date): Promise<void> {
    await this.db.writeOne("INSERT INTO login_failures (email, failed_at) VALUES (?, ?)", [
      email.trim(),
      now.toISOString(),
    ]);
  }

  async clear(email: string): Promise<void> {
    await this.db.writeOne("DELETE FROM login_failures WHERE email = ?", [email.trim()]);
  }
}
