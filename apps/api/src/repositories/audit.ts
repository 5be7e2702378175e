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

  async list(
    filter: { entity?: string | undefined; userId?: number | undefined },
    limit: number,
    offset: number,
  ) {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.entity) {
      where.push("a.entity = ?");
      args.push(filter.entity);
    }
    if (filter.userId) {
      where.push("a.user_id = ?");
      args.push(filter.userId);
    }
    const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const rows = await this.db.query<{
      id: number;
      at: string;
      user_email: string | null;
      action: string;
      entity: string;
      entity_id: string | null;
      detail: string | null;
    }>(
      `SELECT a.id, a.at, u.email AS user_email, a.action, a.entity, a.entity_id, a.detail
         FROM audit_log a LEFT JOIN users u ON u.id = a.user_id ${clause}
        ORDER BY a.id DESC LIMIT ? OFFSET ?`,
      [...args, limit, offset],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      at: r.at,
      user: r.user_email,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      detail: r.detail ? (JSON.parse(r.detail) as unknown) : null,
    }));
  }
}
