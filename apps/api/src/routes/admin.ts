import {
  auditLogExportQuery,
  auditLogQuery,
  reopenBody,
  responseParams,
  userListQuery,
  userParams,
} from "@monitor/contract";
import { type Context, Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { currentUser, requireRole } from "../middleware/auth.ts";
import { jsonBody, parseWith, queryParams } from "../middleware/validate.ts";
import { exportAuditLog, searchAuditLog } from "../services/auditLog.ts";
import { reopenMonitor } from "../services/monitor.ts";
import { adminLogOutEverywhere, setUserActive } from "../services/sessions.ts";

const userIdOf = (c: Context<AppEnv>) =>
  parseWith(userParams.shape.userId, c.req.param("userId"), c.get("locale"));

export const adminRoutes = new Hono<AppEnv>()
  .use("/admin/*", requireRole("admin"))
  .get("/admin/users", async (c) => {
    const { limit, offset } = queryParams(c, userListQuery);
    return c.json({ ...(await c.get("deps").repos.users.list(limit, offset)), limit, offset });
  })
  .post("/admin/users/:userId/logout-all", async (c) =>
    c.json(await adminLogOutEverywhere(c.get("deps"), userIdOf(c), currentUser(c), c.get("requestId"))),
  )
  .post("/admin/users/:userId/disable", async (c) =>
    c.json(await setUserActive(c.get("deps"), userIdOf(c), false, currentUser(c), c.get("requestId"))),
  )
  .post("/admin/users/:userId/enable", async (c) =>
    c.json(await setUserActive(c.get("deps"), userIdOf(c), true, currentUser(c), c.get("requestId"))),
  )
  .get("/admin/audit-log", async (c) => {
    const { limit, offset, ...filter } = queryParams(c, auditLogQuery);
    return c.json(await searchAuditLog(c.get("deps"), filter, limit, offset));
  })
  .get("/admin/audit-log/export", async (c) => {
    const filter = queryParams(c, auditLogExportQuery);
    const result = await exportAuditLog(c.get("deps"), filter, currentUser(c), c.get("requestId"));
    c.header("Content-Disposition", `attachment; filename="${result.filename}"`);
    return c.body(result.csv, 200, { "Content-Type": "text/csv; charset=utf-8" });
  })
  .get("/admin/organisations", async (c) =>
    c.json({ organisations: await c.get("deps").repos.farms.organisations() }),
  )
  .post("/admin/responses/:responseId/reopen", async (c) => {
    const responseId = parseWith(responseParams.shape.responseId, c.req.param("responseId"), c.get("locale"));
    const { reason } = await jsonBody(c, reopenBody);
    return c.json(await reopenMonitor(c.get("deps"), responseId, currentUser(c), reason, c.get("requestId")));
  });
