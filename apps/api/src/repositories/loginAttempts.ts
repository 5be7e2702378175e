import type { Database } from "../db/client.ts";

/** One throttling counter: a key (an address, or an address and an account) and its free failures. */
export interface ThrottleKey {
  key: string;
  freeFailures: number;
}

export interface BackoffSettings {
  baseMs: number;
  maxMs: number;
  /** Counters whose last failure is older than this are forgotten. */
  memoryMs: number;
}

export type Claim = { admitted: true } | { admitted: false; retryAfterMs: number };

/**
 * Claims an attempt on every key at once, in one statement: when none of the keys is waiting out a
 * back-off, each counter goes up by one and, from its free failures on, sets its wait
 * (base · 2^(failures − free), capped); when one is waiting, nothing is written and no row comes
 * back. The attempt is counted before the password is checked, so concurrent attempts see each
 * other's claims: a burst gets its free attempts and no more.
 */
const CLAIM = `
WITH waiting AS (
  SELECT coalesce(max(blocked_until_ms), 0) AS until FROM login_throttle WHERE key IN (SELECT value FROM json_each(:keys))
)
INSERT INTO login_throttle (key, free_failures, failures, last_failure_ms, blocked_until_ms)
SELECT k.value ->> '$.key', k.value ->> '$.free', 1, :now,
       CASE WHEN 1 >= (k.value ->> '$.free') THEN :now + min(:max, :base) END
  FROM json_each(:claims) AS k
 WHERE (SELECT until FROM waiting) <= :now
ON CONFLICT (key) DO UPDATE SET
  free_failures = excluded.free_failures,
  failures = login_throttle.failures + 1,
  last_failure_ms = excluded.last_failure_ms,
  blocked_until_ms = CASE WHEN login_throttle.failures + 1 >= excluded.free_failures
    THEN :now + min(:max, :base * (1 << min(40, login_throttle.failures + 1 - excluded.free_failures)))
  END
RETURNING key, failures, blocked_until_ms`;

export class LoginAttemptRepository {
  constructor(private readonly db: Database) {}

  /** Counts an attempt on every key, or none when one of them must still wait (and how long). */
  async claim(keys: ThrottleKey[], now: number, settings: BackoffSettings): Promise<Claim> {
    const [, claimed] = await this.db.write([
      { sql: "DELETE FROM login_throttle WHERE last_failure_ms < ?", args: [now - settings.memoryMs] },
      {
        sql: CLAIM,
        args: {
          keys: JSON.stringify(keys.map((k) => k.key)),
          claims: JSON.stringify(keys.map((k) => ({ key: k.key, free: k.freeFailures }))),
          now,
          base: settings.baseMs,
          max: settings.maxMs,
        },
      },
    ]);
    if (claimed && claimed.rows.length > 0) return { admitted: true };
    const row = await this.db.queryOne<{ until: number | null }>(
      `SELECT max(blocked_until_ms) AS until FROM login_throttle WHERE key IN (SELECT value FROM json_each(?))`,
      [JSON.stringify(keys.map((k) => k.key))],
    );
    return { admitted: false, retryAfterMs: Math.max(0, Number(row?.until ?? now) - now) };
  }

  /**
   * A successful attempt: the `reset` counters start over; the `giveBack` counters only take back
   * the attempt claimed for it (and lift a wait when that brings them under their free failures).
   */
  async succeeded(reset: string[], giveBack: string[]): Promise<void> {
    await this.db.write([
      {
        sql: "DELETE FROM login_throttle WHERE key IN (SELECT value FROM json_each(?))",
        args: [JSON.stringify(reset)],
      },
      {
        sql: `UPDATE login_throttle
                 SET failures = failures - 1,
                     blocked_until_ms = CASE WHEN failures - 1 < free_failures THEN NULL ELSE blocked_until_ms END
               WHERE key IN (SELECT value FROM json_each(?))`,
        args: [JSON.stringify(giveBack)],
      },
      {
        sql: "DELETE FROM login_throttle WHERE failures <= 0 AND key IN (SELECT value FROM json_each(?))",
        args: [JSON.stringify(giveBack)],
      },
    ]);
  }
}
