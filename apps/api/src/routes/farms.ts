import { farmListQuery } from "@monitor/contract";
import { listableFarms } from "@monitor/domain";
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { currentUser, requestedFarm, requireFarm, requireUser } from "../middleware/auth.ts";
import { queryParams } from "../middleware/validate.ts";

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
