import { mePatchBody, passwordChangeBody } from "@monitor/contract";
import { type Context, Hono } from "hono";
import { deleteCookie } from "hono/cookie";
import type { AppEnv } from "../env.ts";
import { currentUser, requireUser, SESSION_COOKIE } from "../middleware/auth.ts";
import { jsonBody } from "../middleware/validate.ts";
import { changePassword } from "../services/auth.ts";
import { listSessions, logOutEverywhere } from "../services/sessions.ts";
import { requestAddress, setSessionCookie, withRetryAfter } from "./auth.ts";

async function meDocument(c: Context<AppEnv>) {
  const user = currentUser(c);
  const farms = await c.get("deps").repos.farms.ofFarmer(user.id);
  return {
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale },
    roles: user.grants,
    farms: farms.map((f) => ({ id: f.id, herdNumber: f.herdNumber, name: f.name })),
  };
}

export const meRoutes = new Hono<AppEnv>()
  .use("/me", requireUser())
  .use("/me/*", requireUser())
  .get("/me", async (c) => c.json(await meDocument(c)))
  .patch("/me", async (c) => {
    const { locale } = await jsonBody(c, mePatchBody);
    const user = currentUser(c);
    await c.get("deps").repos.users.setLocale(user.id, locale);
    user.locale = locale;
    c.set("locale", locale);
    return c.json(await meDocument(c));
  })
  .get("/me/sessions", async (c) => c.json(await listSessions(c.get("deps"), currentUser(c))))
  .post("/me/sessions/logout-all", async (c) => {
    const user = currentUser(c);
    await logOutEverywhere(c.get("deps"), user.id, user, c.get("requestId"));
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.body(null, 204);
  })
  .patch("/me/password", async (c) => {
    const { currentPassword, newPassword } = await jsonBody(c, passwordChangeBody);
    const result = await withRetryAfter(c, () =>
      changePassword(c.get("deps"), currentUser(c), {
        currentPassword,
        newPassword,
        address: requestAddress(c),
        userAgent: c.req.header("user-agent"),
        locale: c.get("locale"),
        requestId: c.get("requestId"),
      }),
    );
    setSessionCookie(c, result.token, result.expiresAt);
    return c.body(null, 204);
  });
