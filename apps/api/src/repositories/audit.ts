import type { InStatement, InValue } from "@libsql/client";
import type { Database } from "../db/client.ts";

export interface AuditEntry {
  userId: number | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  detail?: Record<string, unknown>;
  requestId?: string;
}

export class AuditRepository {
  constructor(private readonly db: Database) {}

  /** The record as a statement for a batch; with a condition, written only when it holds. */
  statement(entry: AuditEntry, now: Date, condition?: { sql: string; args: unknown[] }): InStatement {
    return {
      sql: `INSERT INTO audit_log (at, user_id, action, entity, entity_id, detail, request_id)
            SELECT ?, ?, ?, ?, ?, ?, ? WHERE ${condition?.sql ?? "1 = 1"}`,
      args: [
        now.toISOString(),
        entry.userId,
        entry.action,
        entry.entity,
        entry.entityId == null ? null : String(entry.entityId),
        entry.detail ? JSON.stringify(entry.detail) : null,
        entry.requestId ?? null,
        ...((condition?.args ?? []) as InValue[]),
      ],
    };
  }

  async record(entry: AuditEntry, now: Date): Promise<void> {
    await this.db.write([this.statement(entry, now)]);
  }

  /** When and why a response was last reopened by an administrator (the farmer is told why). */
  async lastReopening(responseId: number): Promise<{ at: string; reason: string } | undefined> {
    const row = await this.db.queryOne<{ at: string; detail: string | null }>(
      `SELECT at, detail FROM audit_log WHERE entity = 'response' AND entity_id = ? AND action = 'reopen'
        ORDER BY id DESC LIMIT 1`,
      [String(responseId)],
    );
    if (!row) return undefined;
    const detail = row.detail ? (JSON.parse(row.detail) as { reason?: unknown }) : {};
    return { at: row.at, reason: typeof detail.reason === "string" ? detail.reason : "" };
  }

  /** Entries matching the filter, newest first, and how many match in all. */
  async list(filter: AuditLogFilter, limit: number, offset: number) {
    const where = filterClause(filter);
    const rows = await this.db.query<AuditRow>(
      `${SELECT_ENTRIES} ${where.sql} ORDER BY a.id DESC LIMIT ? OFFSET ?`,
      [...where.args, limit, offset],
    );
    const total = await this.db.queryOne<{ n: number }>(
      `SELECT count(*) AS n FROM audit_log a LEFT JOIN users u ON u.id = a.user_id ${where.sql}`,
      where.args,
    );
    return { total: Number(total?.n ?? 0), entries: rows.map(toEntry) };
  }
}

export interface AuditLogFilter {
  entity?: string | undefined;
  userId?: number | undefined;
  action?: string | undefined;
  /** The actor's e-mail address. */
  actor?: string | undefined;
  /** Entries about this farm: the farm itself, or a record of it (detail.farmId). */
  farm?: number | undefined;
  /** First and last day, inclusive (YYYY-MM-DD). */
  from?: string | undefined;
  to?: string | undefined;
}

function filterClause(filter: AuditLogFilter): { sql: string; args: unknown[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    args.push(...values);
  };
  if (filter.entity) add("a.entity = ?", filter.entity);
  if (filter.userId) add("a.user_id = ?", filter.userId);
  if (filter.action) add("a.action = ?", filter.action);
  if (filter.actor) add("u.email = ? COLLATE NOCASE", filter.actor);
  if (filter.farm)
    add(
      "((a.entity = 'farm' AND a.entity_id = ?) OR json_extract(a.detail, '$.farmId') = ?)",
      String(filter.farm),
      filter.farm,
    );
  if (filter.from) add("a.at >= ?", filter.from);
  // The whole last day: every instant that starts with it sorts before the next day.
  if (filter.to) add("a.at < date(?, '+1 day')", filter.to);
  return { sql: where.length ? `WHERE ${where.join(" AND ")}` : "", args };
}

const SELECT_ENTRIES = `SELECT a.id, a.at, u.email AS user_email, a.action, a.entity, a.entity_id, a.detail
  FROM audit_log a LEFT JOIN users u ON u.id = a.user_id`;

interface AuditRow {
  id: number;
  at: string;
  user_email: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: string | null;
}

const toEntry = (r: AuditRow) => ({
  id: Number(r.id),
  at: r.at,
  user: r.user_email,
  actor: r.user_email,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  target: r.entity_id === null ? r.entity : `${r.entity} ${r.entity_id}`,
  detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
});
