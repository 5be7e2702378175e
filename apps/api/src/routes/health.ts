import { Hono } from "hono";
import type { AppEnv } from "../env.ts";

export const healthRoutes = new Hono<AppEnv>().get("/health", async (c) => {
  const up = await c.get("deps").db.ping();
  if (!up) return c.json({ status: "unavailable", database: "unreachable" }, 503);
  return c.json({ status: "ok", database: "reachable" });
});
