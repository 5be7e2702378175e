import { z } from "zod";
import { campaignSummary, surveyVersionId } from "./campaigns.ts";
import { count, idParam, regionId, storedAnswers, surveyJson, timestamp } from "./common.ts";

export const farmCampaignParams = z.strictObject({ farmId: idParam, campaignId: idParam });

/**
 * The answers as sent, own keys kept as they are (a record schema would drop `__proto__` silently):
 * the questionnaire check names every unknown question.
 */
const answers = z
  .custom<Record<string, unknown>>(
    (value) => typeof value === "object" && value !== null && !Array.isArray(value),
    { message: "an object of answers by question name" },
  )
  .meta({ type: "object", description: "Answers by question name" });

export const saveBody = z.strictObject({
  data: answers,
  page: z.number().int().min(0).max(500).default(0),
  carriedOver: z.array(z.string().max(200)).max(2000).default([]),
  /**
   * A stale save is merged per question with what was saved since its version (If-Match) instead of
   * refused: only the same question changed on both sides is a 409 listing the `conflicts`.
   */
  merge: z.boolean().default(false),
});
export type SaveBody = z.input<typeof saveBody>;

/** The headers of a save: the version it changes (428 without it) and an optional retry key. */
export const saveHeaders = z.object({
  "If-Match": z
    .string()
    .regex(/^(W\/)?"?\d+"?$/)
    .transform((v) => Number(v.replace(/\D/g, "")))
    .meta({ description: 'The version being changed, e.g. `"3"`; `"0"` for a monitor not started yet' }),
  "Idempotency-Key": z
    .string()
    .min(8)
    .max(200)
    .optional()
    .meta({ description: "Makes a retried save harmless: the first answer comes back again" }),
});

export const responseStatus = z.enum(["not_started", "draft", "submitted"]);
export type ResponseStatus = z.output<typeof responseStatus>;

/** A farm's monitor in one campaign as stored (version 0 and no dates when not started yet). */
export const responseState = z.strictObject({
  status: responseStatus,
  version: count,
  data: storedAnswers,
  page: count,
  updatedAt: timestamp.nullable(),
  submittedAt: timestamp.nullable(),
  carriedOver: z.array(z.string()),
});
export type ResponseState = z.output<typeof responseState>;

const surveyVersionSummary = z.strictObject({
  id: surveyVersionId,
  year: z.number().int(),
  contentHash: z.string(),
});

/** The monitor as the farmer opens it: a stored response, or a new one pre-filled from last time. */
export const monitorDocument = z.strictObject({
  campaign: campaignSummary,
  farm: z.strictObject({
    id: z.number().int().positive(),
    herdNumber: z.string(),
    name: z.string(),
    nextAuditOn: z.string().nullable(),
  }),
  surveyVersion: surveyVersionSummary,
  survey: surveyJson,
  response: responseState,
  carriedOverFrom: z
    .strictObject({ campaignYear: z.number().int(), surveyVersion: surveyVersionId })
    .nullable(),
  /** A draft an administrator opened again after its submission: when, and the reason they gave. */
  reopened: z.strictObject({ at: timestamp, reason: z.string() }).nullable(),
});
export type MonitorDocument = z.output<typeof monitorDocument>;

/** The farm's status in every campaign. */
export const farmMonitorSummary = z.strictObject({
  campaign: campaignSummary,
  surveyVersion: surveyVersionId,
  responseId: z.number().int().positive().nullable(),
  status: responseStatus,
  updatedAt: timestamp.nullable(),
  submittedAt: timestamp.nullable(),
  /** Number of initiatives, once submitted. */
  initiatives: count.nullable(),
});
export type FarmMonitorSummary = z.output<typeof farmMonitorSummary>;

export const farmMonitorsResponse = z.strictObject({ monitors: z.array(farmMonitorSummary) });
export type FarmMonitorList = z.output<typeof farmMonitorsResponse>;

/** One question changed on two devices to different answers since the version a save started from. */
export const answerConflict = z.strictObject({
  question: z.string(),
  base: z.unknown().optional(),
  mine: z.unknown().optional(),
  theirs: z.unknown().optional(),
});
export type AnswerConflictDocument = z.output<typeof answerConflict>;

/** Answers merged per question from a stale save and the changes saved meanwhile. */
export const mergedAnswers = z.strictObject({ data: storedAnswers, carriedOver: z.array(z.string()) });

/** An accepted save: the draft's new version (also sent as the ETag). */
export const saveResponse = z.strictObject({
  status: z.literal("draft"),
  version: z.number().int().positive(),
  updatedAt: timestamp,
  /** A stale save merged with the changes saved meanwhile: the answers as stored now. */
  merged: mergedAnswers.optional(),
});
export type SaveResult = z.output<typeof saveResponse>;

const initiativeCounts = z.strictObject({
  total: count,
  perTheme: z.record(z.string(), count),
  ids: z.array(z.string()),
});

export const submitResponse = z.strictObject({
  submittedAt: timestamp,
  version: z.number().int().positive(),
  initiatives: initiativeCounts,
});
export type SubmitResult = z.output<typeof submitResponse>;

/** What the farmer shows the auditor: the submission, its counts per theme, and every answer. */
export const receiptResponse = z.strictObject({
  farm: z.strictObject({
    id: z.number().int().positive(),
    herdNumber: z.string(),
    name: z.string(),
    region: regionId,
    province: z.string(),
  }),
  campaign: campaignSummary,
  surveyVersion: surveyVersionSummary,
  submittedAt: timestamp,
  submittedBy: z.string().nullable(),
  responseVersion: z.number().int().positive(),
  initiatives: initiativeCounts,
  survey: surveyJson,
  data: storedAnswers,
});
export type Receipt = z.output<typeof receiptResponse>;
