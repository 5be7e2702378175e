import { listableFarms } from "@monitor/domain";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env.ts";
import { currentUser, requestedFarm, requireFarm, requireUser } from "../middleware/auth.ts";
import { queryParams } from "../middleware/validate.ts";

export const farmListQuery = z.strictObject({
  search: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const farmRoutes = new Hono<AppEnv>()
  .get("/farms", requireUser(), async (c) => {
    const { search, limit, offset } = queryParams(c, farmListQuery);
    const user = currentUser(c);
    const result = await c.get("deps").repos.farms.list(listableFarms(user.grants), search, limit, offset);
    return c.json({ ...result, limit, offset });
  })
  .get("/farms/:farmId", requireUser(), requireFarm("read"), async (c) => {
    return c.json({ farm: requestedFarm(c) });
  });
