import { SCOPE_TYPES } from "@monitor/domain";
import { z } from "zod";
import { count, idParam, locale, pageFields, pageQuery, role, timestamp } from "./common.ts";

export const userListQuery = z.strictObject(pageQuery);
export type UserListQuery = z.input<typeof userListQuery>;

/** Filters of the audit log: the kind of record, who did it, the action, the farm, a period. */
const auditLogFilter = {
  entity: z.string().max(50).optional(),
  userId: idParam.optional(),
  action: z.string().trim().max(50).optional(),
  /** The e-mail address of who did it. */
  actor: z.string().trim().max(254).optional(),
  farm: idParam.optional(),
  /** From this day (inclusive) … */
  from: z.iso.date().optional(),
  /** … to this day (inclusive). */
  to: z.iso.date().optional(),
};
export const auditLogQuery = z.strictObject({ ...pageQuery, ...auditLogFilter });
export const auditLogExportQuery = z.strictObject(auditLogFilter);
export type AuditLogQuery = z.input<typeof auditLogQuery>;

export const responseParams = z.strictObject({ responseId: idParam });

export const reopenBody = z.strictObject({ reason: z.string().trim().min(3).max(500) });
export type ReopenBody = z.input<typeof reopenBody>;

export const adminUser = z.strictObject({
  id: z.number().int().positive(),
  email: z.string(),
  name: z.string(),
  locale,
  active: z.boolean(),
  /** `role:scopeType[:scopeId]`, e.g. `farmer:farm:12`. */
  roles: z.array(z.string()),
});
export type AdminUser = z.output<typeof adminUser>;

export const userListResponse = z.strictObject({ ...pageFields, users: z.array(adminUser) });
export type UserList = z.output<typeof userListResponse>;

export const auditEntry = z.strictObject({
  id: z.number().int().positive(),
  at: timestamp,
  /** The e-mail address of who did it; null for an anonymous attempt. */
  user: z.string().nullable(),
  /** The same as `user`: who did it. */
  actor: z.string().nullable(),
  /** What it was done to, e.g. `farm 12`. */
  target: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.output<typeof auditEntry>;

export const auditLogResponse = z.strictObject({
  entries: z.array(auditEntry),
  total: count,
  limit: pageFields.limit,
  offset: pageFields.offset,
});
export type AuditLogPage = z.output<typeof auditLogResponse>;

export const organisation = z.strictObject({
  id: z.string(),
  kind: z.enum(["dairy_buyer", "certification_body", "inspection_body"]),
  name: z.string(),
});
export type Organisation = z.output<typeof organisation>;

export const organisationListResponse = z.strictObject({ organisations: z.array(organisation) });

/** A reopened monitor: a draft again, one version further. */
export const reopenResponse = z.strictObject({
  status: z.literal("draft"),
  version: z.number().int().positive(),
});
export type ReopenResult = z.output<typeof reopenResponse>;

export const userParams = z.strictObject({ userId: idParam });

/** A user after an administrator's action on it, and how many of its sessions the action ended. */
export const userActionResponse = z.strictObject({ user: adminUser, endedSessions: count });
export type UserActionResult = z.output<typeof userActionResponse>;

/** A role to grant within a scope (`scopeId` null for `all`). */
export const grantInput = z.strictObject({
  role,
  scopeType: z.enum(SCOPE_TYPES),
  scopeId: z.string().trim().min(1).max(100).nullable(),
});
export type GrantInput = z.input<typeof grantInput>;

export const inviteBody = z.strictObject({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(200),
  locale: locale.default("nl"),
  roles: z.array(grantInput).min(1).max(20),
});
export type InviteBody = z.input<typeof inviteBody>;

/** A one-time link handed to the user by the administrator (no mail server is assumed). */
export const oneTimeLinkResponse = z.strictObject({
  user: adminUser,
  link: z.url(),
  expiresAt: timestamp,
});
export type OneTimeLink = z.output<typeof oneTimeLinkResponse>;

export const rolesBody = z.strictObject({ roles: z.array(grantInput).min(1).max(20) });
export type RolesBody = z.input<typeof rolesBody>;

export const adminUserResponse = z.strictObject({ user: adminUser });

/** The one-time token from the link and the password the user chooses. */
export const oneTimeLinkBody = z.strictObject({
  token: z.string().min(20).max(200),
  password: z.string().min(12).max(200),
});
export type OneTimeLinkBody = z.input<typeof oneTimeLinkBody>;

/** A questionnaire version as administrators see it before publishing it for a campaign. */
export const adminSurveyVersion = z.strictObject({
  id: z.string(),
  year: z.number().int(),
  contentHash: z.string(),
  /** The hash recorded when the version was first served; differs when its file changed since. */
  registeredHash: z.string().nullable(),
  initiatives: count,
  /** Monitors (drafts and submissions) that answer this version. */
  answers: count,
  campaigns: z.array(z.strictObject({ id: z.number().int().positive(), year: z.number().int() })),
  /** The checker's findings on this version's files; none means it may be published. */
  problems: z.array(z.strictObject({ path: z.string(), message: z.string() })),
  /** Its file changed while monitors answer it: it cannot be published until that is undone. */
  changedUnderAnswers: z.boolean(),
});
export type AdminSurveyVersion = z.output<typeof adminSurveyVersion>;
export const adminSurveyVersionListResponse = z.strictObject({ versions: z.array(adminSurveyVersion) });
export type AdminSurveyVersionList = z.output<typeof adminSurveyVersionListResponse>;

export const registerImportQuery = z.strictObject({ dryRun: z.enum(["true", "false"]).optional() });

const importedFarm = z.strictObject({ line: count, herdNumber: z.string(), name: z.string() });
const fieldValue = z.union([z.string(), z.number(), z.boolean()]).nullable();

/** What a register file does (or would do): adds, field changes, stops, and the bad rows by line. */
export const registerImportResponse = z.strictObject({
  dryRun: z.boolean(),
  applied: z.boolean(),
  adds: z.array(importedFarm),
  changes: z.array(
    z.strictObject({
      line: count,
      herdNumber: z.string(),
      field: z.string(),
      from: fieldValue,
      to: fieldValue,
    }),
  ),
  stops: z.array(importedFarm),
  unchanged: count,
  errors: z.array(z.strictObject({ line: count, reason: z.string() })),
});
export type RegisterImport = z.output<typeof registerImportResponse>;
