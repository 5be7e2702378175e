import { farmListQuery } from "@monitor/contract";
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { currentUser, requestedFarm, requireFarm, requireUser } from "../middleware/auth.ts";
import { queryParams } from "../middleware/validate.ts";
import { listFarms } from "../services/farmList.ts";

export const farmRoutes = new Hono<AppEnv>()
  .get("/farms", requireUser(), async (c) =>
    c.json(await listFarms(c.get("deps"), currentUser(c), queryParams(c, farmListQuery))),
  )
  .get("/farms/:farmId", requireUser(), requireFarm("read"), async (c) => {
    return c.json({ farm: requestedFarm(c) });
  });
