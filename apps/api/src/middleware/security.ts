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
    // Browser features the app never uses, off for every page and answer. `browsing-topics` is the
    // successor of `interest-cohort` (FLoC), which current browsers no longer recognise.
    permissionsPolicy: {
      camera: [],
      microphone: [],
      geolocation: [],
      payment: [],
      usb: [],
      browsingTopics: [],
    },
  });

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a write was sent by one of our own pages: its `Origin` is one of the allowed origins or,
 * when a browser leaves `Origin` out, `Sec-Fetch-Site` says same-origin. A request with neither
 * header is refused: every current browser sends at least one of them on a cross-site write.
 */
export function fromAllowedOrigin(
  origin: string | undefined,
  fetchSite: string | undefined,
  allowed: readonly string[],
): boolean {
  if (origin !== undefined) return allowed.includes(origin);
  return fetchSite === "same-origin";
}

/**
 * CSRF: every write to the API (POST, PUT, PATCH, DELETE) must come from the configured public
 * origin or a trusted origin (`PUBLIC_ORIGIN`, `TRUSTED_ORIGINS`), never judged by the `Host`
 * header, which the sender controls. This covers the cookie-authenticated writes and the login,
 * the one write without a session (login CSRF). Non-browser clients send an `Origin` header.
 */
export function sameOriginWrites(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const { publicOrigin, trustedOrigins } = c.get("deps").config;
      const allowed = [publicOrigin, ...trustedOrigins];
      if (!fromAllowedOrigin(c.req.header("origin"), c.req.header("sec-fetch-site"), allowed)) {
        throw new Problem(403, "cross_origin");
      }
    }
    await next();
  };
}
