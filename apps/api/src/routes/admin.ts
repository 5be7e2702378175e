import { auditLogQuery, reopenBody, responseParams, userListQuery } from "@monitor/contract";
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { currentUser, requireRole } from "../middleware/auth.ts";
import { jsonBody, parseWith, queryParams } from "../middleware/validate.ts";
import { reopenMonitor } from "../services/monitor.ts";

export const adminRoutes = new Hono<AppEnv>()
  .use("/admin/*", requireRole("admin"))
  .get("/admin/users", async (c) => {
    const { limit, offset } = queryParams(c, userListQuery);
    return c.json({ ...(await c.get("deps").repos.users.list(limit, offset)), limit, offset });
  })
  .get("/admin/audit-log", async (c) => {
    const { limit, offset, entity, userId } = queryParams(c, auditLogQuery);
    const entries = await c.get("deps").repos.audit.list({ entity, userId }, limit, offset);
    return c.json({ entries, limit, offset });
  })
  .get("/admin/organisations", async (c) =>
    c.json({ organisations: await c.get("deps").repos.farms.organisations() }),
  )
  .post("/admin/responses/:responseId/reopen", async (c) => {
    const responseId = parseWith(responseParams.shape.responseId, c.req.param("responseId"), c.get("locale"));
    const { reason } = await jsonBody(c, reopenBody);
    return c.json(await reopenMonitor(c.get("deps"), responseId, currentUser(c), reason, c.get("requestId")));
  });
