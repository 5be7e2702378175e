import { auditBody } from "@monitor/contract";
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { currentUser, requestedFarm, requireFarm } from "../middleware/auth.ts";
import { jsonBody } from "../middleware/validate.ts";
import { farmAudits, recordAudit } from "../services/audits.ts";

/** A farm's audits: read by whoever may read the farm; recorded by its auditors and administrators. */
export const auditRoutes = new Hono<AppEnv>()
  .get("/farms/:farmId/audits", requireFarm("read"), async (c) =>
    c.json(await farmAudits(c.get("deps"), requestedFarm(c))),
  )
  .post("/farms/:farmId/audits", requireFarm("read"), async (c) => {
    const body = await jsonBody(c, auditBody);
    return c.json(
      await recordAudit(c.get("deps"), requestedFarm(c), currentUser(c), body, c.get("requestId")),
    );
  });
