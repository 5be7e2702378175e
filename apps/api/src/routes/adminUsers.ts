import { inviteBody, oneTimeLinkBody, rolesBody, userParams } from "@monitor/contract";
import { type Context, Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { currentUser, requireRole } from "../middleware/auth.ts";
import { jsonBody, pathParams } from "../middleware/validate.ts";
import { inviteUser, resetPassword, setUserRoles, useOneTimeLink } from "../services/accounts.ts";
import { setSessionCookie } from "./auth.ts";

const userIdOf = (c: Context<AppEnv>) => pathParams(c, userParams).userId;

/** Users as administrators manage them, and the one-time links that let a user set a password. */
export const adminUserRoutes = new Hono<AppEnv>()
  .post("/admin/users", requireRole("admin"), async (c) =>
    c.json(
      await inviteUser(c.get("deps"), await jsonBody(c, inviteBody), currentUser(c), c.get("requestId")),
    ),
  )
  .put("/admin/users/:userId/roles", requireRole("admin"), async (c) => {
    const userId = userIdOf(c);
    const { roles } = await jsonBody(c, rolesBody);
    return c.json(await setUserRoles(c.get("deps"), userId, roles, currentUser(c), c.get("requestId")));
  })
  .post("/admin/users/:userId/password-reset", requireRole("admin"), async (c) =>
    c.json(await resetPassword(c.get("deps"), userIdOf(c), currentUser(c), c.get("requestId"))),
  )
  .post("/auth/one-time-link", async (c) => {
    const body = await jsonBody(c, oneTimeLinkBody);
    const result = await useOneTimeLink(c.get("deps"), body, c.req.header("user-agent"), c.get("requestId"));
    setSessionCookie(c, result.token, result.expiresAt);
    c.set("locale", result.user.locale);
    return c.json({ user: result.user });
  });
