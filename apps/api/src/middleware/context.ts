import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../env.ts";
import { negotiateLocale } from "../i18n/locale.ts";

/** Request id, per-request log, dependencies, and a first guess at the user's language. */
export function requestContext(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    c.set("requestId", requestId);
    c.set("deps", deps);
    c.set("user", null);
    c.set("farm", null);
    c.set("locale", negotiateLocale(c.req.header("accept-language")));
    c.set("log", (level, message, fields) => deps.log(level, message, { requestId, ...fields }));
    // Set before the handler answers: a header added to a finished response makes Hono's Node
    // adapter rebuild it as a stream, a measurable share of a small request's CPU.
    c.header("X-Request-Id", requestId);
    const started = performance.now();
    await next();
    if (c.req.path.startsWith("/api/")) {
      deps.log("info", "request", {
        requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
        userId: c.get("user")?.id,
      });
    }
  };
}
