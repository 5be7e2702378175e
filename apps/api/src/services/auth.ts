import { hashPassword, UNKNOWN_USER_HASH, verifyPassword } from "../auth/password.ts";
import { hashToken } from "../auth/tokens.ts";
import type { AppDeps, CurrentUser } from "../env.ts";
import type { Locale } from "../i18n/locale.ts";
import { message } from "../i18n/messages.ts";
import { Problem } from "../problem.ts";
import { beginPasswordAttempt } from "./loginThrottle.ts";
import { openSession } from "./sessions.ts";

export interface LoginRequest {
  email: string;
  password: string;
  /** The client address (services/loginThrottle.ts `clientAddress`). */
  address: string;
  userAgent: string | undefined;
  /** The session cookie the browser still sent, if any: it ends with this login (rotation). */
  previousToken: string | undefined;
  requestId: string;
}

/**
 * A login: throttled per address and account before the password is checked; on success a new
 * session with a fresh token, and the session of the cookie that came with the request ends.
 */
export async function logIn(deps: AppDeps, request: LoginRequest) {
  const { repos, clock, db } = deps;
  const attempt = await beginPasswordAttempt(deps, request.email, request.address);
  const user = await repos.users.findByEmail(request.email);
  const passwordMatches = await verifyPassword(request.password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  const now = clock();
  if (!user?.active || !passwordMatches) {
    await repos.audit.record(
      {
        userId: user?.id ?? null,
        action: "login_failed",
        entity: "user",
        entityId: user?.id,
        requestId: request.requestId,
      },
      now,
    );
    throw new Problem(401, "invalid_credentials");
  }
  await attempt.succeeded();
  const session = openSession(deps, user.id, request.userAgent);
  await db.write([
    ...(request.previousToken ? [repos.sessions.deleteStatement(hashToken(request.previousToken))] : []),
    ...session.statements,
    repos.audit.statement(
      { userId: user.id, action: "login", entity: "user", entityId: user.id, requestId: request.requestId },
      now,
    ),
  ]);
  return {
    token: session.token,
    expiresAt: session.expiresAt,
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale },
  };
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  address: string;
  userAgent: string | undefined;
  locale: Locale;
  requestId: string;
}

/**
 * Changes the user's password after checking the current one (throttled like a login, so a stolen
 * session cannot guess it). Every session of the user ends; the caller gets a new one.
 */
export async function changePassword(deps: AppDeps, current: CurrentUser, change: PasswordChange) {
  const { repos, clock, db } = deps;
  const attempt = await beginPasswordAttempt(deps, current.email, change.address);
  const user = await repos.users.findById(current.id);
  const matches = await verifyPassword(change.currentPassword, user?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!user || !matches) {
    throw new Problem(422, "wrong_current_password", undefined, [
      { path: "currentPassword", message: message("wrong_current_password", change.locale) },
    ]);
  }
  await attempt.succeeded();
  if (change.newPassword === change.currentPassword) {
    throw new Problem(422, "password_unchanged", undefined, [
      { path: "newPassword", message: message("password_unchanged", change.locale) },
    ]);
  }
  const passwordHash = await hashPassword(change.newPassword);
  const session = openSession(deps, user.id, change.userAgent);
  const [, ended] = await db.write([
    repos.users.setPasswordStatement(user.id, passwordHash),
    repos.sessions.deleteForUserStatement(user.id),
    ...session.statements,
    repos.audit.statement(
      {
        userId: user.id,
        action: "password_changed",
        entity: "user",
        entityId: user.id,
        requestId: change.requestId,
      },
      clock(),
    ),
  ]);
  return { token: session.token, expiresAt: session.expiresAt, endedSessions: ended?.rowsAffected ?? 0 };
}
