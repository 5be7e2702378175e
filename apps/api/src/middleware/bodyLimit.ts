import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../env.ts";
import { Problem } from "../problem.ts";

const KB = 1024;

/** The largest body each route reads; checked on the stream, so an oversized body is never held. */
const LIMITS: { method: string; path: RegExp; bytes: number }[] = [
  { method: "PUT", path: /^\/api\/farms\/[^/]+\/monitor\/[^/]+$/, bytes: 1024 * KB },
  { method: "POST", path: /^\/api\/auth\/login$/, bytes: 4 * KB },
  // A register file of the whole sector (tens of thousands of farms).
  { method: "POST", path: /^\/api\/admin\/register\/import$/, bytes: 16 * 1024 * KB },
];
const DEFAULT_LIMIT = 64 * KB;

const limiters = new Map<number, MiddlewareHandler<AppEnv>>();
const limiter = (bytes: number) => {
  let handler = limiters.get(bytes);
  if (!handler) {
    handler = bodyLimit({
      maxSize: bytes,
      onError: () => {
        throw new Problem(413, "body_too_large", `at most ${bytes} bytes`);
      },
    });
    limiters.set(bytes, handler);
  }
  return handler;
};

export function requestBodyLimits(): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const rule = LIMITS.find((l) => l.method === c.req.method && l.path.test(c.req.path));
    return limiter(rule?.bytes ?? DEFAULT_LIMIT)(c, next);
  };
}
