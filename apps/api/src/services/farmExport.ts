import { FARM_EXPORT_CSV_COLUMNS } from "@monitor/contract";
import { stringify } from "csv-stringify/sync";
import type { AppDeps, CurrentUser } from "../env.ts";
import { cellText } from "../export/cells.ts";
import type { Farm } from "../repositories/farms.ts";

/**
 * Everything the platform holds about one farm's monitors, for the farmer to take away, as JSON
 * or as CSV (one row per answer); the export is written in the audit log.
 */
export async function farmExport(
  deps: AppDeps,
  farm: Farm,
  user: CurrentUser,
  format: "json" | "csv",
  requestId: string,
) {
  const { repos, clock } = deps;
  const now = clock();
  const [responses, initiatives] = await Promise.all([
    repos.responses.allOfFarm(farm.id),
    repos.responses.initiativesOfFarm(farm.id),
  ]);
  await repos.audit.record(
    { userId: user.id, action: "export", entity: "farm", entityId: farm.id, detail: { format }, requestId },
    now,
  );
  const filename = `monitor-${farm.herdNumber}.${format}`;
  if (format === "json") {
    const monitors = responses.map((r) => ({
      campaignYear: r.campaignYear,
      surveyVersion: r.surveyVersionId,
      surveyHash: r.surveyHash,
      status: r.status,
      version: r.version,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      submittedAt: r.submittedAt,
      initiatives: initiatives.get(r.id) ?? [],
      answers: r.data,
    }));
    return { filename, json: { exportedAt: now.toISOString(), farm, monitors } };
  }
  const rows = responses.flatMap((r) =>
    Object.entries(r.data).map(([question, answer]) => [
      farm.herdNumber,
      r.campaignYear,
      r.surveyVersionId,
      r.status,
      r.submittedAt ?? "",
      question,
      cellText(answer),
    ]),
  );
  return { filename, csv: stringify([[...FARM_EXPORT_CSV_COLUMNS], ...rows]) };
}
