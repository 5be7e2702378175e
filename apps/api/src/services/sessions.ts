import type { InStatement } from "@libsql/client";
import { hashToken, newSessionToken } from "../auth/tokens.ts";
import type { AppDeps, CurrentUser } from "../env.ts";
import { notFound, Problem } from "../problem.ts";

export interface Device {
  browser: string | null;
  os: string | null;
}

/** A User-Agent reduced to browser and operating system, without versions. */
export function deviceOf(userAgent: string | null | undefined): Device {
  const ua = userAgent ?? "";
  const browser = /\bEdg(?:e|A|iOS)?\//.test(ua)
    ? "Edge"
    : /\b(?:OPR|Opera)\//.test(ua)
      ? "Opera"
      : /\bSamsungBrowser\//.test(ua)
        ? "Samsung Internet"
        : /\b(?:Firefox|FxiOS)\//.test(ua)
          ? "Firefox"
          : /\b(?:Chrome|CriOS|Chromium)\//.test(ua)
            ? "Chrome"
            : /\bVersion\/[\d.]+.*\bSafari\//.test(ua)
              ? "Safari"
              : null;
  const os = /\bWindows\b/.test(ua)
    ? "Windows"
    : /\bAndroid\b/.test(ua)
      ? "Android"
      : /\b(?:iPhone|iPad|iPod)\b/.test(ua)
        ? "iOS"
        : /\bCrOS\b/.test(ua)
          ? "ChromeOS"
          : /\bMac OS X\b|\bMacintosh\b/.test(ua)
            ? "macOS"
            : /\bLinux\b/.test(ua)
              ? "Linux"
              : null;
  return { browser, os };
}

export interface OpenedSession {
  token: string;
  expiresAt: Date;
  /** Statements that open it, for the caller's batch. */
  statements: InStatement[];
}

/** A new session (a fresh random token; only its hash is stored). */
export function openSession(deps: AppDeps, userId: number, userAgent: string | undefined): OpenedSession {
  const now = deps.clock();
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + deps.config.sessionTtlHours * 3_600_000);
  return {
    token,
    expiresAt,
    statements: deps.repos.sessions.createStatements({
      tokenHash: hashToken(token),
      userId,
      now,
      expiresAt,
      userAgent,
    }),
  };
}

/** The user's active sessions, the one of this request marked `current`. */
export async function listSessions(deps: AppDeps, user: CurrentUser) {
  const sessions = await deps.repos.sessions.listForUser(user.id, deps.clock());
  return {
    sessions: sessions.map((s) => ({
      id: s.id,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      ...deviceOf(s.userAgent),
      current: s.id === user.sessionId,
    })),
  };
}

/** Ends every session of a user, logged as done by `actor`; the number of sessions ended. */
export async function logOutEverywhere(
  deps: AppDeps,
  userId: number,
  actor: CurrentUser,
  requestId: string,
): Promise<number> {
  const { repos, clock, db } = deps;
  const [ended] = await db.write([
    repos.sessions.deleteForUserStatement(userId),
    repos.audit.statement(
      { userId: actor.id, action: "logout_all", entity: "user", entityId: userId, requestId },
      clock(),
    ),
  ]);
  return ended?.rowsAffected ?? 0;
}

/** An administrator's view of a user, or 404. */
async function listedUser(deps: AppDeps, userId: number) {
  const user = await deps.repos.users.listed(userId);
  if (!user) throw notFound();
  return user;
}

/** An administrator ends all of a user's sessions. */
export async function adminLogOutEverywhere(
  deps: AppDeps,
  userId: number,
  admin: CurrentUser,
  requestId: string,
) {
  await listedUser(deps, userId);
  const endedSessions = await logOutEverywhere(deps, userId, admin, requestId);
  return { user: await listedUser(deps, userId), endedSessions };
}

/**
 * An administrator disables (every session ends with it, and logins fail) or enables a user, in
 * one batch with its audit record. Administrators cannot disable themselves.
 */
export async function setUserActive(
  deps: AppDeps,
  userId: number,
  active: boolean,
  admin: CurrentUser,
  requestId: string,
) {
  await listedUser(deps, userId);
  if (!active && userId === admin.id) throw new Problem(409, "cannot_disable_self");
  const { repos, clock, db } = deps;
  const results = await db.write([
    repos.users.setActiveStatement(userId, active),
    ...(active ? [] : [repos.sessions.deleteForUserStatement(userId)]),
    repos.audit.statement(
      {
        userId: admin.id,
        action: active ? "user_enabled" : "user_disabled",
        entity: "user",
        entityId: userId,
        requestId,
      },
      clock(),
    ),
  ]);
  const endedSessions = active ? 0 : (results[1]?.rowsAffected ?? 0);
  return { user: await listedUser(deps, userId), endedSessions };
}
