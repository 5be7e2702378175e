import { getConnInfo } from "@hono/node-server/conninfo";
import { loginBody } from "@monitor/contract";
import { type Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../env.ts";
import { SESSION_COOKIE } from "../middleware/auth.ts";
import { jsonBody } from "../middleware/validate.ts";
import { logIn } from "../services/auth.ts";
import { clientAddress, LoginThrottled } from "../services/loginThrottle.ts";

/** The socket's peer address; undefined where there is no socket (`app.request` in tests). */
function socketAddress(c: Context<AppEnv>): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

/** The client address login throttling counts by (X-Forwarded-For only with `trustProxy`). */
export const requestAddress = (c: Context<AppEnv>) =>
  clientAddress({
    socketAddress: socketAddress(c),
    forwardedFor: c.req.header("x-forwarded-for"),
    trustProxy: c.get("deps").config.trustProxy,
  });

/** Runs a throttled password check; a back-off's 429 carries Retry-After (seconds). */
export async function withRetryAfter<T>(c: Context<AppEnv>, check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof LoginThrottled) c.header("Retry-After", String(error.retryAfterSeconds));
    throw error;
  }
}

export function setSessionCookie(c: Context<AppEnv>, token: string, expiresAt: Date) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: c.get("deps").config.secureCookies,
    path: "/",
    expires: expiresAt,
  });
}

export const authRoutes = new Hono<AppEnv>()
  .post("/auth/login", async (c) => {
    const { email, password } = await jsonBody(c, loginBody);
    const result = await withRetryAfter(c, () =>
      logIn(c.get("deps"), {
        email,
        password,
        address: requestAddress(c),
        userAgent: c.req.header("user-agent"),
        previousToken: getCookie(c, SESSION_COOKIE),
        requestId: c.get("requestId"),
      }),
    );
    setSessionCookie(c, result.token, result.expiresAt);
    return c.json({ user: result.user });
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
