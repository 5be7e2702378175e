import { isValidGrant, type Role, type ScopeType } from "@monitor/domain";
import { hashPassword } from "../auth/password.ts";
import { hashToken, newSessionToken } from "../auth/tokens.ts";
import type { AppDeps, CurrentUser } from "../env.ts";
import type { Locale } from "../i18n/locale.ts";
import { notFound, Problem } from "../problem.ts";
import type { TokenPurpose } from "../repositories/oneTimeTokens.ts";
import type { NewMembership } from "../repositories/users.ts";
import { openSession } from "./sessions.ts";

/** How long a one-time link works. */
const LINK_DAYS: Record<TokenPurpose, number> = { invitation: 14, password_reset: 2 };

/**
 * The password an invited user has before choosing one: not a hash any password matches, so the
 * account cannot log in until its link is used.
 */
const NO_PASSWORD_YET = "none";

export interface GrantRequest {
  role: Role;
  scopeType: ScopeType;
  scopeId: string | null;
}

/** The grants, checked: a scope the role can hold, naming something that exists. */
async function checkedGrants(deps: AppDeps, grants: readonly GrantRequest[]): Promise<NewMembership[]> {
  const unique = new Map(grants.map((g) => [`${g.role}:${g.scopeType}:${g.scopeId ?? ""}`, g]));
  for (const g of unique.values()) {
    if (
      !isValidGrant(g.role, g.scopeType, g.scopeId) ||
      !(await deps.repos.users.scopeExists(g.scopeType, g.scopeId))
    )
      throw new Problem(
        422,
        "invalid_grant",
        `${g.role} of ${g.scopeType}${g.scopeId ? ` ${g.scopeId}` : ""}`,
      );
  }
  return [...unique.values()];
}

/** A fresh one-time link: the token travels in the URL fragment, so it never reaches a server log. */
function oneTimeLink(deps: AppDeps, userId: number, purpose: TokenPurpose, createdBy: number | null) {
  const token = newSessionToken();
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + LINK_DAYS[purpose] * 86_400_000);
  return {
    link: `${deps.config.publicOrigin}/welcome#token=${token}`,
    expiresAt: expiresAt.toISOString(),
    statements: [
      deps.repos.oneTimeTokens.revokeStatement(userId, now),
      deps.repos.oneTimeTokens.createStatement(
        { tokenHash: hashToken(token), userId, purpose, createdBy },
        now,
        expiresAt,
      ),
    ],
  };
}

async function listedUser(deps: AppDeps, userId: number) {
  const user = await deps.repos.users.listed(userId);
  if (!user) throw notFound();
  return user;
}

/** Invites a user with roles: the account exists at once, its password is set through the link. */
export async function inviteUser(
  deps: AppDeps,
  body: { email: string; name: string; locale: Locale; roles: GrantRequest[] },
  admin: CurrentUser | null,
  requestId?: string,
) {
  const { repos, clock, db } = deps;
  if (await repos.users.findByEmail(body.email)) throw new Problem(409, "email_taken");
  const memberships = await checkedGrants(deps, body.roles);
  const now = clock();
  const [created] = await db.write(
    repos.users.createStatements(
      { email: body.email.trim(), name: body.name, passwordHash: NO_PASSWORD_YET, locale: body.locale },
      memberships,
      now,
    ),
  );
  const userId = Number(created?.rows[0]?.id);
  const link = oneTimeLink(deps, userId, "invitation", admin?.id ?? null);
  await db.write([
    ...link.statements,
    repos.audit.statement(
      {
        userId: admin?.id ?? null,
        action: "user_invited",
        entity: "user",
        entityId: userId,
        detail: { email: body.email, roles: memberships },
        ...(requestId ? { requestId } : {}),
      },
      now,
    ),
  ]);
  return { user: await listedUser(deps, userId), link: link.link, expiresAt: link.expiresAt };
}

/** Replaces a user's roles; they hold from the user's next request (grants are read per request). */
export async function setUserRoles(
  deps: AppDeps,
  userId: number,
  roles: GrantRequest[],
  admin: CurrentUser,
  requestId: string,
) {
  await listedUser(deps, userId);
  const memberships = await checkedGrants(deps, roles);
  if (userId === admin.id && !memberships.some((m) => m.role === "admin"))
    throw new Problem(409, "cannot_drop_own_admin");
  const { repos, clock, db } = deps;
  await db.write([
    repos.users.deleteMembershipsStatement(userId),
    ...repos.users.membershipStatements({ id: userId }, memberships),
    repos.audit.statement(
      {
        userId: admin.id,
        action: "roles_changed",
        entity: "user",
        entityId: userId,
        detail: { roles: memberships },
        requestId,
      },
      clock(),
    ),
  ]);
  return { user: await listedUser(deps, userId) };
}

/** A one-time link for the user to choose a new password (earlier links stop working). */
export async function resetPassword(deps: AppDeps, userId: number, admin: CurrentUser, requestId: string) {
  await listedUser(deps, userId);
  const link = oneTimeLink(deps, userId, "password_reset", admin.id);
  await deps.db.write([
    ...link.statements,
    deps.repos.audit.statement(
      { userId: admin.id, action: "password_reset_link", entity: "user", entityId: userId, requestId },
      deps.clock(),
    ),
  ]);
  return { user: await listedUser(deps, userId), link: link.link, expiresAt: link.expiresAt };
}

/**
 * The user sets a password with a one-time link. The token is used up first, on its own: of two
 * clicks on one link exactly one gets through. Then the password is set, every other session of the
 * user ends and a new one opens, in one batch.
 */
export async function useOneTimeLink(
  deps: AppDeps,
  body: { token: string; password: string },
  userAgent: string | undefined,
  requestId: string,
) {
  const { repos, clock, db } = deps;
  const tokenHash = hashToken(body.token);
  const found = await repos.oneTimeTokens.findUsable(tokenHash, clock());
  const user = found && (await repos.users.findById(found.userId));
  if (!found || !user?.active) throw new Problem(410, "link_invalid");
  const passwordHash = await hashPassword(body.password);
  const now = clock();
  const [used] = await db.write([repos.oneTimeTokens.useStatement(tokenHash, now)]);
  if (!used?.rowsAffected) throw new Problem(410, "link_invalid");
  const session = openSession(deps, user.id, userAgent);
  await db.write([
    repos.users.setPasswordStatement(user.id, passwordHash),
    repos.sessions.deleteForUserStatement(user.id),
    ...session.statements,
    repos.audit.statement(
      {
        userId: user.id,
        action: found.purpose === "invitation" ? "invitation_accepted" : "password_reset",
        entity: "user",
        entityId: user.id,
        requestId,
      },
      now,
    ),
  ]);
  return {
    token: session.token,
    expiresAt: session.expiresAt,
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale },
  };
}

/**
 * The operator's first administrator: a new account with a one-time link, or the administrator
 * role added to an existing account (with a password-reset link).
 */
export async function createAdmin(deps: AppDeps, email: string, name: string) {
  const existing = await deps.repos.users.findByEmail(email);
  if (!existing)
    return inviteUser(
      deps,
      { email, name, locale: "en", roles: [{ role: "admin", scopeType: "all", scopeId: null }] },
      null,
    );
  const grants = await deps.repos.users.grants(existing.id);
  const now = deps.clock();
  const link = oneTimeLink(deps, existing.id, "password_reset", null);
  await deps.db.write([
    ...(grants.some((g) => g.role === "admin")
      ? []
      : deps.repos.users.membershipStatements({ id: existing.id }, [
          { role: "admin", scopeType: "all", scopeId: null },
        ])),
    ...link.statements,
    deps.repos.audit.statement(
      {
        userId: null,
        action: "admin_created",
        entity: "user",
        entityId: existing.id,
        detail: { source: "cli" },
      },
      now,
    ),
  ]);
  return { user: await listedUser(deps, existing.id), link: link.link, expiresAt: link.expiresAt };
}
