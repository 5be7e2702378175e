import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env.ts";
import { currentUser, requireRole } from "../middleware/auth.ts";
import { idParam, jsonBody, parseWith, queryParams } from "../middleware/validate.ts";
import { reopenMonitor } from "../services/monitor.ts";

const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};
export const userListQuery = z.strictObject(page);
export const auditLogQuery = z.strictObject({
  ...page,
  entity: z.string().max(50).optional(),
  userId: z.coerce.number().int().positive().optional(),
});

export const reopenBody = z.strictObject({ reason: z.string().trim().min(3).max(500) });

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
    const responseId = parseWith(idParam, c.req.param("responseId"), c.get("locale"));
    const { reason } = await jsonBody(c, reopenBody);
    return c.json(await reopenMonitor(c.get("deps"), responseId, currentUser(c), reason, c.get("requestId")));
  });
