import { z } from "zod";
import { campaignRef, surveyVersionId } from "./campaigns.ts";
import { count, dateText, idParam, pageFields, pageQuery, regionId, timestamp } from "./common.ts";

/** A farm of the register. */
export const farm = z.strictObject({
  id: z.number().int().positive(),
  herdNumber: z.string(),
  name: z.string(),
  region: regionId,
  province: z.string(),
  herdSize: count,
  dairyBuyerId: z.string().nullable(),
  certificationBodyId: z.string().nullable(),
  inspectionBodyId: z.string().nullable(),
  active: z.boolean(),
  stoppedOn: dateText.nullable(),
  nextAuditOn: dateText.nullable(),
});
export type Farm = z.output<typeof farm>;

export const farmParams = z.strictObject({ farmId: idParam });

/** Where a farm's monitor stands in the campaign its audit concerns. */
export const readinessStatus = z.enum(["not_started", "draft", "submitted"]);
export type ReadinessStatus = z.output<typeof readinessStatus>;

export const auditKind = z.enum(["periodic", "unannounced"]);
export const auditResult = z.enum(["compliant", "findings", "non_compliant"]);
export type AuditResult = z.output<typeof auditResult>;

export const farmListQuery = z.strictObject({
  search: z.string().trim().max(100).optional(),
  /** Only farms whose monitor stands so in the campaign. */
  readiness: readinessStatus.optional(),
  /** By name, or by next audit date (the soonest first, farms without one last). */
  sort: z.enum(["name", "nextAudit"]).default("name"),
  /** The campaign readiness is about; the current one by default. */
  campaign: idParam.optional(),
  ...pageQuery,
});
export type FarmListQuery = z.input<typeof farmListQuery>;

/** The monitor's state in the campaign the audit concerns (null when no campaign has opened). */
export const readiness = z.strictObject({
  status: readinessStatus,
  campaign: campaignRef,
  submittedAt: timestamp.nullable(),
  surveyVersion: surveyVersionId.nullable(),
});
export type Readiness = z.output<typeof readiness>;

/** An audit of the farm by its inspection body. */
export const farmAudit = z.strictObject({
  id: z.number().int().positive(),
  auditedOn: dateText,
  kind: auditKind,
  /** Null for audits from before results were recorded. */
  result: auditResult.nullable(),
  note: z.string().nullable(),
  inspectionBodyId: z.string().nullable(),
  /** Who recorded it (null for imported history). */
  recordedBy: z.string().nullable(),
  recordedAt: timestamp.nullable(),
});
export type FarmAudit = z.output<typeof farmAudit>;

export const listedFarm = farm.extend({
  readiness: readiness.nullable(),
  lastAudit: farmAudit.pick({ auditedOn: true, kind: true, result: true }).nullable(),
});
export type ListedFarm = z.output<typeof listedFarm>;

export const farmListResponse = z.strictObject({ ...pageFields, farms: z.array(listedFarm) });
export type FarmList = z.output<typeof farmListResponse>;

export const farmResponse = z.strictObject({ farm });
export type FarmResponse = z.output<typeof farmResponse>;

export const auditListResponse = z.strictObject({
  audits: z.array(farmAudit),
  nextAuditOn: dateText.nullable(),
});
export type AuditList = z.output<typeof auditListResponse>;

/** An audit as the auditor records it; the next audit date of the farm may be set with it. */
export const auditBody = z.strictObject({
  auditedOn: z.iso.date(),
  kind: auditKind.default("periodic"),
  result: auditResult,
  note: z.string().trim().max(2000).default(""),
  nextAuditOn: z.iso.date().optional(),
});
export type AuditBody = z.input<typeof auditBody>;

export const auditResponse = z.strictObject({ audit: farmAudit });
