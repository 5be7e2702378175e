import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "../env.ts";
import { Problem } from "../problem.ts";

/** The app runs under this policy: scripts from our origin only; SurveyJS and recharts set inline styles. */
export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:", "blob:"],
      fontSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
    referrerPolicy: "same-origin",
    crossOriginEmbedderPolicy: false,
  });

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Cookie-authenticated writes must come from our own pages (CSRF). */
export function sameOriginWrites(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header("origin");
      const fetchSite = c.req.header("sec-fetch-site");
      const own = new URL(c.req.url).origin;
      const trusted = c.get("deps").config.trustedOrigins;
      const badOrigin = origin !== undefined && origin !== own && !trusted.includes(origin);
      const badSite = fetchSite !== undefined && fetchSite !== "same-origin" && fetchSite !== "none";
      if (badOrigin || (origin === undefined && badSite)) throw new Problem(403, "cross_origin");
    }
    await next();
  };
}
