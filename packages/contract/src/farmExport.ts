import { z } from "zod";
import { surveyVersionId } from "./campaigns.ts";
import { storedAnswers, timestamp } from "./common.ts";
import { farm } from "./farms.ts";

export const farmExportQuery = z.strictObject({ format: z.enum(["json", "csv"]).default("json") });
export type FarmExportQuery = z.input<typeof farmExportQuery>;

/** Everything the platform holds about one farm's monitors (`format=json`). */
export const farmExportResponse = z.strictObject({
  exportedAt: timestamp,
  farm,
  monitors: z.array(
    z.strictObject({
      campaignYear: z.number().int(),
      surveyVersion: surveyVersionId,
      surveyHash: z.string(),
      status: z.enum(["draft", "submitted"]),
      version: z.number().int().positive(),
      createdAt: timestamp,
      updatedAt: timestamp,
      submittedAt: timestamp.nullable(),
      initiatives: z.array(z.string()),
      answers: storedAnswers,
    }),
  ),
});
export type FarmExport = z.output<typeof farmExportResponse>;

/** The columns of the CSV export (`format=csv`): one row per answer. */
export const FARM_EXPORT_CSV_COLUMNS = [
  "herd_number",
  "campaign",
  "questionnaire_version",
  "status",
  "submitted_at",
  "question",
  "answer",
] as const;
