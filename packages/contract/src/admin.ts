import { z } from "zod";
import { count, idParam, locale, pageFields, pageQuery, timestamp } from "./common.ts";

export const userListQuery = z.strictObject(pageQuery);
export type UserListQuery = z.input<typeof userListQuery>;

export const auditLogQuery = z.strictObject({
  ...pageQuery,
  entity: z.string().max(50).optional(),
  userId: idParam.optional(),
});
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
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.output<typeof auditEntry>;

export const auditLogResponse = z.strictObject({
  entries: z.array(auditEntry),
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
