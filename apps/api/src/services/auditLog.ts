import { stringify } from "csv-stringify/sync";
import type { AppDeps, CurrentUser } from "../env.ts";
import { cellText } from "../export/cells.ts";
import type { AuditLogFilter } from "../repositories/audit.ts";

/** At most this many entries in one export (a year of a busy sector); narrow the filter for more. */
const EXPORT_LIMIT = 100_000;
const COLUMNS = ["at", "actor", "action", "entity", "entity_id", "detail"] as const;

export async function searchAuditLog(deps: AppDeps, filter: AuditLogFilter, limit: number, offset: number) {
  const { total, entries } = await deps.repos.audit.list(filter, limit, offset);
  return { entries, total, limit, offset };
}

/** The filtered log as CSV, newest first; the export itself is logged. */
export async function exportAuditLog(
  deps: AppDeps,
  filter: AuditLogFilter,
  admin: CurrentUser,
  requestId: string,
) {
  const { entries } = await deps.repos.audit.list(filter, EXPORT_LIMIT, 0);
  const rows = entries.map((e) => [e.at, e.actor, e.action, e.entity, e.entityId, e.detail].map(cellText));
  await deps.repos.audit.record(
    {
      userId: admin.id,
      action: "audit_log_exported",
      entity: "audit_log",
      detail: { ...filter, rows: rows.length },
      requestId,
    },
    deps.clock(),
  );
  const day = deps.clock().toISOString().slice(0, 10);
  return { filename: `audit-log-${day}.csv`, csv: stringify([[...COLUMNS], ...rows]) };
}
