import type { InStatement } from "@libsql/client";
import type { Database } from "../db/client.ts";

export type TokenPurpose = "invitation" | "password_reset";

/** One-time links: only the hash of the token is stored, and a token works once, before it expires. */
export class OneTimeTokenRepository {
  constructor(private readonly db: Database) {}

  createStatement(
    token: { tokenHash: string; userId: number; purpose: TokenPurpose; createdBy: number | null },
    now: Date,
    expiresAt: Date,
  ): InStatement {
    return {
      sql: `INSERT INTO one_time_tokens (token_hash, user_id, purpose, created_at, expires_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?)`,
      args: [
        token.tokenHash,
        token.userId,
        token.purpose,
        now.toISOString(),
        expiresAt.toISOString(),
        token.createdBy,
      ],
    };
  }

  /** Earlier unused links of the user stop working when a new one is made. */
  revokeStatement(userId: number, now: Date): InStatement {
    return {
      sql: "UPDATE one_time_tokens SET used_at = ? WHERE user_id = ? AND used_at IS NULL",
      args: [now.toISOString(), userId],
    };
  }

  async findUsable(tokenHash: string, now: Date) {
    const row = await this.db.queryOne<{ user_id: number; purpose: TokenPurpose }>(
      "SELECT user_id, purpose FROM one_time_tokens WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
      [tokenHash, now.toISOString()],
    );
    return row && { userId: Number(row.user_id), purpose: row.purpose };
  }

  /** Marks the token used, only if still unused: two clicks on one link cannot both succeed. */
  useStatement(tokenHash: string, now: Date): InStatement {
    return {
      sql: "UPDATE one_time_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
      args: [now.toISOString(), tokenHash, now.toISOString()],
    };
  }
}
