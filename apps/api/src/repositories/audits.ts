import type { InStatement } from "@libsql/client";
import type { Database } from "../db/client.ts";

export type AuditKind = "periodic" | "unannounced";
export type AuditResult = "compliant" | "findings" | "non_compliant";

export interface FarmAuditRecord {
  id: number;
  auditedOn: string;
  kind: AuditKind;
  result: AuditResult | null;
  note: string | null;
  inspectionBodyId: string | null;
  recordedBy: string | null;
  recordedAt: string | null;
}

interface AuditRow {
  id: number;
  audited_on: string;
  kind: AuditKind;
  result: AuditResult | null;
  note: string | null;
  inspection_body_id: string | null;
  recorded_by: string | null;
  recorded_at: string | null;
}

const toAudit = (r: AuditRow): FarmAuditRecord => ({
  id: Number(r.id),
  auditedOn: r.audited_on,
  kind: r.kind,
  result: r.result,
  note: r.note,
  inspectionBodyId: r.inspection_body_id,
  recordedBy: r.recorded_by,
  recordedAt: r.recorded_at,
});

const SELECT = `SELECT a.id, a.audited_on, a.kind, a.result, a.note, a.inspection_body_id, u.email AS recorded_by, a.recorded_at
  FROM audits a LEFT JOIN users u ON u.id = a.recorded_by`;

export interface NewAudit {
  farmId: number;
  inspectionBodyId: string | null;
  auditedOn: string;
  kind: AuditKind;
  result: AuditResult;
  note: string;
  recordedBy: number;
}

/**
 * Audits of farms by their inspection body. The sector's "audited farms that filled in the
 * monitor" (StatisticsRepository.auditsFilledIn) counts these rows.
 */
export class AuditRecordRepository {
  constructor(private readonly db: Database) {}

  async ofFarm(farmId: number): Promise<FarmAuditRecord[]> {
    const rows = await this.db.query<AuditRow>(
      `${SELECT} WHERE a.farm_id = ? ORDER BY a.audited_on DESC, a.id DESC`,
      [farmId],
    );
    return rows.map(toAudit);
  }

  async get(id: number): Promise<FarmAuditRecord | undefined> {
    const row = await this.db.queryOne<AuditRow>(`${SELECT} WHERE a.id = ?`, [id]);
    return row && toAudit(row);
  }

  insertStatement(audit: NewAudit, now: Date): InStatement {
    return {
      sql: `INSERT INTO audits (farm_id, inspection_body_id, audited_on, kind, result, note, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      args: [
        audit.farmId,
        audit.inspectionBodyId,
        audit.auditedOn,
        audit.kind,
        audit.result,
        audit.note || null,
        audit.recordedBy,
        now.toISOString(),
      ],
    };
  }
}
