import { farmCampaignParams } from "@monitor/contract";
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { requestedFarm, requireFarm, requireUser } from "../middleware/auth.ts";
import { parseWith } from "../middleware/validate.ts";
import { campaignOrCurrent } from "../services/campaigns.ts";
import { farmResults } from "../services/results.ts";

export const resultRoutes = new Hono<AppEnv>()
  .use("/farms/:farmId/results/*", requireUser(), requireFarm("read"))
  .get("/farms/:farmId/results/:campaignId", async (c) => {
    const campaignId = parseWith(
      farmCampaignParams.shape.campaignId,
      c.req.param("campaignId"),
      c.get("locale"),
    );
    const deps = c.get("deps");
    return c.json(await farmResults(deps, requestedFarm(c), await campaignOrCurrent(deps, campaignId)));
  });
