import { z } from "zod";
import { sessionUser } from "./auth.ts";
import { locale, roleGrant, timestamp } from "./common.ts";

export const mePatchBody = z.strictObject({ locale });
export type MePatchBody = z.input<typeof mePatchBody>;

/** The current user, the roles with their scopes, and the farms the user farms. */
export const meResponse = z.strictObject({
  user: sessionUser,
  roles: z.array(roleGrant),
  farms: z.array(
    z.strictObject({ id: z.number().int().positive(), herdNumber: z.string(), name: z.string() }),
  ),
});
export type Me = z.output<typeof meResponse>;

/** One of the user's active sessions: the device is the User-Agent reduced to browser and OS. */
export const sessionInfo = z.strictObject({
  id: z.number().int().positive(),
  createdAt: timestamp,
  lastSeenAt: timestamp,
  /** e.g. "Firefox"; null when the User-Agent does not tell. */
  browser: z.string().nullable(),
  /** e.g. "Android"; null when the User-Agent does not tell. */
  os: z.string().nullable(),
  /** The session of this request. */
  current: z.boolean(),
});
export type SessionInfo = z.output<typeof sessionInfo>;

export const sessionListResponse = z.strictObject({ sessions: z.array(sessionInfo) });
export type SessionList = z.output<typeof sessionListResponse>;

/** A new password: at least 12 characters (length protects better than composition rules). */
export const passwordChangeBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(12).max(200),
});
export type PasswordChangeBody = z.input<typeof passwordChangeBody>;
