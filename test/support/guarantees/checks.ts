import type { Database } from "../../../apps/api/src/db/client.ts";
import { recountedCounters, storedCounters } from "../recount.ts";

/** A monitor as stored: the row, its append-only revisions, derived initiatives and audit records. */
export interface StoredResponse {
  id: number;
  farmId: number;
  status: "draft" | "submitted";
  version: number;
  data: Record<string, unknown>;
  submittedAt: string | null;
  initiativeTotal: number | null;
  counterKey: string | null;
  initiatives: string[];
  revisions: { version: number; kind: "save" | "submit" | "reopen"; data: Record<string, unknown> }[];
  audits: { submit: number; reopen: number };
}

export async function storedResponse(
  db: Database,
  farmId: number,
  campaignId: number,
): Promise<StoredResponse | undefined> {
  const row = await db.queryOne<Record<string, string | number | null>>(
    "SELECT * FROM responses WHERE farm_id = ? AND campaign_id = ?",
    [farmId, campaignId],
  );
  if (!row) return undefined;
  const id = Number(row.id);
  const revisions = await db.query<{ version: number; kind: string; data: string }>(
    "SELECT version, kind, data FROM response_revisions WHERE response_id = ? ORDER BY version",
    [id],
  );
  const initiatives = await db.query<{ initiative_id: string }>(
    "SELECT initiative_id FROM response_initiatives WHERE response_id = ? ORDER BY initiative_id",
    [id],
  );
  const audits = await db.query<{ action: string; n: number }>(
    "SELECT action, count(*) AS n FROM audit_log WHERE entity = 'response' AND entity_id = ? GROUP BY action",
    [String(id)],
  );
  const auditCount = (action: string) => Number(audits.find((a) => a.action === action)?.n ?? 0);
  return {
    id,
    farmId: Number(row.farm_id),
    status: row.status as StoredResponse["status"],
    version: Number(row.version),
    data: JSON.parse(String(row.data)),
    submittedAt: row.submitted_at === null ? null : String(row.submitted_at),
    initiativeTotal: row.initiative_total === null ? null : Number(row.initiative_total),
    counterKey: row.counter_key === null ? null : String(row.counter_key),
    initiatives: initiatives.map((i) => i.initiative_id),
    revisions: revisions.map((r) => ({
      version: Number(r.version),
      kind: r.kind as StoredResponse["revisions"][number]["kind"],
      data: JSON.parse(r.data),
    })),
    audits: { submit: auditCount("submit"), reopen: auditCount("reopen") },
  };
}

/**
 * What breaks "all or nothing" in one stored monitor: a submitted one lacks its initiatives, its
 * revision or its audit record; a draft keeps initiatives or submission fields; the revisions are
 * not one per version up to the current one, or the current one's answers are not the row's.
 */
export function inconsistencies(r: StoredResponse): string[] {
  const problems: string[] = [];
  const where = `response ${r.id} (farm ${r.farmId}, ${r.status} v${r.version})`;
  const versions = r.revisions.map((v) => v.version);
  const expected = Array.from({ length: r.version }, (_, i) => i + 1);
  if (JSON.stringify(versions) !== JSON.stringify(expected))
    problems.push(`${where}: revisions ${versions.join(",")} instead of 1..${r.version}`);
  const last = r.revisions.at(-1);
  if (last && JSON.stringify(sortedKeys(last.data)) !== JSON.stringify(sortedKeys(r.data)))
    problems.push(`${where}: the answers differ from those of revision ${last.version}`);
  const kinds = (kind: string) => r.revisions.filter((v) => v.kind === kind).length;
  if (r.audits.submit !== kinds("submit"))
    problems.push(`${where}: ${r.audits.submit} submit audit records for ${kinds("submit")} submissions`);
  if (r.audits.reopen !== kinds("reopen"))
    problems.push(`${where}: ${r.audits.reopen} reopen audit records for ${kinds("reopen")} reopenings`);
  if (r.status === "submitted") {
    if (last?.kind !== "submit") problems.push(`${where}: the last revision is a ${last?.kind ?? "none"}`);
    if (r.submittedAt === null) problems.push(`${where}: no submission time`);
    if (r.counterKey === null) problems.push(`${where}: no counter key`);
    if (r.initiativeTotal !== r.initiatives.length)
      problems.push(`${where}: total ${r.initiativeTotal} for ${r.initiatives.length} initiative rows`);
  } else {
    if (last?.kind === "submit") problems.push(`${where}: a draft whose last revision is a submission`);
    if (r.initiatives.length) problems.push(`${where}: a draft with ${r.initiatives.length} initiative rows`);
    if (r.initiativeTotal !== null || r.submittedAt !== null)
      problems.push(`${where}: a draft with submission fields`);
  }
  return problems;
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sortedKeys(v)]),
    );
  return value;
}

/** `PRAGMA integrity_check` and `PRAGMA foreign_key_check`: "ok" and nothing. */
export async function fileIntegrity(db: Database): Promise<{ integrity: string[]; foreignKeys: number }> {
  const integrity = await db.query<Record<string, string>>("PRAGMA integrity_check");
  const foreignKeys = await db.query("PRAGMA foreign_key_check");
  return {
    integrity: integrity.map((row) => String(Object.values(row)[0])),
    foreignKeys: foreignKeys.length,
  };
}

/** The campaign's statistic counters as stored and as recounted from the rows (test/support/recount.ts). */
export async function counters(db: Database, campaignId: number) {
  return { stored: await storedCounters(db, campaignId), recounted: await recountedCounters(db, campaignId) };
}
