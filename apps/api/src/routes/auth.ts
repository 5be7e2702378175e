import { loginBody } from "@monitor/contract";
import { Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { UNKNOWN_USER_HASH, verifyPassword } from "../auth/password.ts";
import { hashToken, newSessionToken } from "../auth/tokens.ts";
import type { AppEnv } from "../env.ts";
import { SESSION_COOKIE } from "../middleware/auth.ts";
import { jsonBody } from "../middleware/validate.ts";
import { Problem } from "../problem.ts";

export const authRoutes = new Hono<AppEnv>()
  .post("/auth/login", async (c) => {
    const { email, password } = await jsonBody(c, loginBody);
    const { repos, clock, config } = c.get("deps");
    const now = clock();
    const windowStart = new Date(now.getTime() - config.loginFailureWindowMinutes * 60_000);
    if ((await repos.loginFailures.countSince(email, windowStart)) >= config.loginFailureLimit) {
      throw new Problem(429, "too_many_attempts");
    }
    const user = await repos.users.findByEmail(email);
    const passwordMatches = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    if (!user?.active || !passwordMatches) {
      await repos.loginFailures.record(email, now);
      await repos.audit.record(
        {
          userId: user?.id ?? null,
          action: "login_failed",
          entity: "user",
          entityId: user?.id,
          requestId: c.get("requestId"),
        },
        now,
      );
      throw new Problem(401, "invalid_credentials");
    }
    const token = newSessionToken();
    const expiresAt = new Date(now.getTime() + config.sessionTtlHours * 3_600_000);
    await repos.sessions.create(hashToken(token), user.id, now, expiresAt);
    await repos.loginFailures.clear(email);
    await repos.audit.record(
      { userId: user.id, action: "login", entity: "user", entityId: user.id, requestId: c.get("requestId") },
      now,
    );
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: "Lax",
      secure: config.secureCookies,
      path: "/",
      expires: expiresAt,
    });
    return c.json({ user: { id: user.id, email: user.email, name: user.name, locale: user.locale } });
  })
  .post("/auth/logout", async (c) => {
    const user = c.get("user");
    if (user) {
      const { repos, clock } = c.get("deps");
      await repos.sessions.delete(user.sessionTokenHash);
      await repos.audit.record(
        {
          userId: user.id,
          action: "logout",
          entity: "user",
          entityId: user.id,
          requestId: c.get("requestId"),
        },
        clock(),
      );
    }
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.body(null, 204);
  });
