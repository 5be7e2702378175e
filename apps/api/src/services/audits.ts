import { canRecordAudit } from "@monitor/domain";
import type { AppDeps, CurrentUser } from "../env.ts";
import { forbidden, Problem } from "../problem.ts";
import type { AuditKind, AuditResult } from "../repositories/audits.ts";
import type { Farm } from "../repositories/farms.ts";

export async function farmAudits(deps: AppDeps, farm: Farm) {
  return { audits: await deps.repos.audits.ofFarm(farm.id), nextAuditOn: farm.nextAuditOn };
}

/**
 * Records an audit of the farm by its inspection body, in one batch with the farm's next audit
 * date (when given) and the audit-log entry. The participation figure "audited farms that filled
 * in the monitor" counts the periodic audits of the campaign's year.
 */
export async function recordAudit(
  deps: AppDeps,
  farm: Farm,
  user: CurrentUser,
  body: {
    auditedOn: string;
    kind: AuditKind;
    result: AuditResult;
    note: string;
    nextAuditOn?: string | undefined;
  },
  requestId: string,
) {
  if (!canRecordAudit(user.grants, farm)) throw forbidden();
  const { repos, clock, db } = deps;
  const now = clock();
  if (body.auditedOn > now.toISOString().slice(0, 10)) throw new Problem(422, "audit_in_future");
  const [inserted] = await db.write([
    repos.audits.insertStatement(
      {
        farmId: farm.id,
        inspectionBodyId: farm.inspectionBodyId,
        auditedOn: body.auditedOn,
        kind: body.kind,
        result: body.result,
        note: body.note,
        recordedBy: user.id,
      },
      now,
    ),
    ...(body.nextAuditOn ? [repos.farms.setNextAuditStatement(farm.id, body.nextAuditOn)] : []),
    repos.audit.statement(
      {
        userId: user.id,
        action: "audit_recorded",
        entity: "farm",
        entityId: farm.id,
        detail: { farmId: farm.id, auditedOn: body.auditedOn, kind: body.kind, result: body.result },
        requestId,
      },
      now,
    ),
  ]);
  const audit = await repos.audits.get(Number(inserted?.rows[0]?.id));
  if (!audit) throw new Error("the audit just recorded is gone");
  return { audit };
}
