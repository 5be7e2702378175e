import { diffRegister, type KnownOrganisation, readRegister } from "@monitor/domain";
import type { AppDeps } from "../env.ts";
import type { Locale } from "../i18n/locale.ts";
import { registerReason } from "../i18n/registerReasons.ts";

export interface ImportOptions {
  dryRun: boolean;
  /** Who imports (null for the operator command). */
  actorId: number | null;
  locale: Locale;
  requestId?: string;
  /** Where it came from, for the audit log (`web`, `cli`). */
  source: "web" | "cli";
}

/**
 * A farm register file against the register: the adds, changes and stops it makes, and its bad rows
 * by line. Applied only when asked and when no row is bad, in one batch with its audit-log entry.
 * Farms are updated in place, so their record keys and the statistic counters stay as they are.
 */
export async function importRegister(deps: AppDeps, csv: string, options: ImportOptions) {
  const { repos, db, clock } = deps;
  const organisations = (await repos.farms.organisations()) as KnownOrganisation[];
  const { rows, errors } = readRegister(csv, organisations);
  const diff = diffRegister(rows, await repos.farms.registerFarms());
  const result = {
    dryRun: options.dryRun,
    applied: false,
    adds: diff.adds.map(({ line, herdNumber, name }) => ({ line, herdNumber, name })),
    changes: diff.changes,
    stops: diff.stops.map(({ line, herdNumber, name }) => ({ line, herdNumber, name })),
    unchanged: diff.unchanged,
    errors: errors.map((e) => ({ line: e.line, reason: registerReason(e, options.locale) })),
  };
  if (options.dryRun || errors.length) return result;
  const now = clock();
  const counts = { adds: diff.adds.length, changes: diff.changes.length, stops: diff.stops.length };
  await db.write([
    ...repos.farms.registerStatements(diff, now.toISOString().slice(0, 10), now),
    repos.audit.statement(
      {
        userId: options.actorId,
        action: "register_imported",
        entity: "register",
        detail: { ...counts, unchanged: diff.unchanged, source: options.source },
        requestId: options.requestId,
      },
      now,
    ),
  ]);
  return { ...result, applied: true };
}
