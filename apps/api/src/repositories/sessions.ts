import type { InStatement } from "@libsql/client";
import type { Database } from "../db/client.ts";

export interface SessionRecord {
  id: number;
  userId: number;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
}

interface SessionRow {
  id: number;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  user_agent: string | null;
}

const toSession = (row: SessionRow): SessionRecord => ({
  id: Number(row.id),
  userId: Number(row.user_id),
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
  userAgent: row.user_agent,
});

/** `last_seen_at` is written at most this often per session, to keep reads from turning into writes. */
export const LAST_SEEN_GAP_MS = 60_000;

/** A User-Agent is kept to name the device in the session list; nothing longer is needed. */
const USER_AGENT_LENGTH = 512;

export interface NewSession {
  tokenHash: string;
  userId: number;
  now: Date;
  expiresAt: Date;
  userAgent: string | undefined;
}

export class SessionRepository {
  constructor(private readonly db: Database) {}

  /** The statements that open a session (and drop expired ones), for a batch. */
  createStatements(session: NewSession): InStatement[] {
    const now = session.now.toISOString();
    return [
      { sql: "DELETE FROM sessions WHERE expires_at <= ?", args: [now] },
      {
        sql: `INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, user_agent)
              VALUES (?, ?, ?, ?, ?, ?)`,
        args: [
          session.tokenHash,
          session.userId,
          now,
          now,
          session.expiresAt.toISOString(),
          session.userAgent?.slice(0, USER_AGENT_LENGTH) ?? null,
        ],
      },
    ];
  }

  /** The session of a token that has not expired, of a user who is active. */
  async findByToken(tokenHash: string, now: Date): Promise<SessionRecord | undefined> {
    const row = await this.db.queryOne<SessionRow>(
      `SELECT s.id, s.user_id, s.created_at, s.last_seen_at, s.user_agent
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = ? AND s.expires_at > ? AND u.active = 1`,
      [tokenHash, now.toISOString()],
    );
    return row && toSession(row);
  }

  /** Marks the session used now, unless it was marked less than LAST_SEEN_GAP_MS ago. */
  async touch(id: number, now: Date): Promise<void> {
    await this.db.writeOne("UPDATE sessions SET last_seen_at = ? WHERE id = ? AND last_seen_at <= ?", [
      now.toISOString(),
      id,
      new Date(now.getTime() - LAST_SEEN_GAP_MS).toISOString(),
    ]);
  }

  /** The user's sessions that have not expired, the most recently used first. */
  async listForUser(userId: number, now: Date): Promise<SessionRecord[]> {
    const rows = await this.db.query<SessionRow>(
      `SELECT id, user_id, created_at, last_seen_at, user_agent FROM sessions
        WHERE user_id = ? AND expires_at > ? ORDER BY last_seen_at DESC, id DESC`,
      [userId, now.toISOString()],
    );
    return rows.map(toSession);
  }

  async delete(tokenHash: string): Promise<void> {
    await this.db.writeOne("DELETE FROM sessions WHERE token_hash = ?", [tokenHash]);
  }

  deleteStatement(tokenHash: string): InStatement {
    return { sql: "DELETE FROM sessions WHERE token_hash = ?", args: [tokenHash] };
  }

  /** Ends every session of the user (its result's rowsAffected counts them). */
  deleteForUserStatement(userId: number): InStatement {
    return { sql: "DELETE FROM sessions WHERE user_id = ?", args: [userId] };
  }
}
