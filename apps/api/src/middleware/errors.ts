import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { isBusy } from "../db/client.ts";
import type { AppEnv } from "../env.ts";
import { message } from "../i18n/messages.ts";
import { Problem } from "../problem.ts";

const TYPE_BASE = "https://monitor.example/problems/";

export function problemResponse(c: Context<AppEnv>, problem: Problem): Response {
  const locale = c.get("locale") ?? "nl";
  const body = {
    type: TYPE_BASE + problem.key,
    title: message(problem.key, locale),
    status: problem.status,
    ...(problem.detail ? { detail: problem.detail } : {}),
    ...(problem.errors ? { errors: problem.errors } : {}),
    ...problem.extra,
  };
  return c.body(JSON.stringify(body), problem.status as ContentfulStatusCode, {
    "Content-Type": "application/problem+json",
  });
}

export function onError(error: Error, c: Context<AppEnv>): Response {
  if (error instanceof Problem) return problemResponse(c, error);
  if (isBusy(error)) {
    c.get("log")?.("warn", "database busy", { error: error.message });
    return problemResponse(c, new Problem(503, "unavailable"));
  }
  c.get("log")?.("error", "unhandled error", { error: error.message, stack: error.stack });
  return problemResponse(c, new Problem(500, "internal"));
}

export function onNotFound(c: Context<AppEnv>): Response {
  return problemResponse(c, new Problem(404, "not_found", `No route for ${c.req.method} ${c.req.path}`));
}
