import { canFillInFarm, canReadFarm, type Role } from "@monitor/domain";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { hashToken } from "../auth/tokens.ts";
import type { AppEnv, CurrentUser } from "../env.ts";
import { forbidden, notFound, unauthenticated } from "../problem.ts";
import type { Farm } from "../repositories/farms.ts";
import { LAST_SEEN_GAP_MS } from "../repositories/sessions.ts";
import { idParam, parseWith } from "./validate.ts";

export const SESSION_COOKIE = "monitor_session";

/** Loads the user of the session cookie, if any; the user's language wins over the browser's. */
export function loadSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const { repos, clock } = c.get("deps");
      const tokenHash = hashToken(token);
      const now = clock();
      const session = await repos.sessions.findByToken(tokenHash, now);
      const user = session && (await repos.users.findById(session.userId));
      if (session && user) {
        const current: CurrentUser = {
          id: user.id,
          email: user.email,
          name: user.name,
          locale: user.locale,
          grants: await repos.users.grants(user.id),
          sessionTokenHash: tokenHash,
          sessionId: session.id,
        };
        c.set("user", current);
        c.set("locale", user.locale);
        if (now.getTime() - Date.parse(session.lastSeenAt) >= LAST_SEEN_GAP_MS) {
          // "Last seen" is a courtesy for the session list: a failed write must not fail the request.
          await repos.sessions
            .touch(session.id, now)
            .catch((error: unknown) =>
              c.get("log")?.("warn", "session last-seen not written", { error: String(error) }),
            );
        }
      }
    }
    await next();
  };
}

export function currentUser(c: Context<AppEnv>): CurrentUser {
  const user = c.get("user");
  if (!user) throw unauthenticated();
  return user;
}

/** Lets the request through for a logged-in user holding one of the roles. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = currentUser(c);
    if (roles.length && !user.grants.some((g) => roles.includes(g.role))) throw forbidden();
    await next();
  };
}

export const requireUser = () => requireRole();

type FarmPurpose = "read" | "fill_in";

/**
 * Resolves `:farmId` to a farm the user may use for the purpose. A farm out of reach answers 404,
 * exactly like one that does not exist, so that herd ids cannot be probed. Whoever reads a farm's
 * individual data without being its farmer (an auditor, an administrator) is written in the audit log.
 */
export function requireFarm(purpose: FarmPurpose): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = currentUser(c);
    const farmId = parseWith(idParam, c.req.param("farmId"), c.get("locale"));
    const farm = await c.get("deps").repos.farms.get(farmId);
    const allowed =
      farm && (purpose === "read" ? canReadFarm(user.grants, farm) : canFillInFarm(user.grants, farm.id));
    if (!farm || !allowed) throw notFound();
    c.set("farm", farm);
    const ownFarm = canFillInFarm(user.grants, farm.id);
    if (!ownFarm && c.req.method === "GET" && purpose === "read") {
      const { repos, clock } = c.get("deps");
      await repos.audit.record(
        {
          userId: user.id,
          action: "view",
          entity: "farm",
          entityId: farm.id,
          detail: { path: c.req.path },
          requestId: c.get("requestId"),
        },
        clock(),
      );
    }
    await next();
  };
}

export function requestedFarm(c: Context<AppEnv>): Farm {
  const farm = c.get("farm");
  if (!farm) throw new Error("requireFarm must run before requestedFarm");
  return farm;
}
