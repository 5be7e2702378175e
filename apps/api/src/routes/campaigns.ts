import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { requireUser } from "../middleware/auth.ts";
import { campaignSummary } from "../services/campaigns.ts";

export const campaignRoutes = new Hono<AppEnv>().get("/campaigns", requireUser(), async (c) => {
  const { repos, clock } = c.get("deps");
  const now = clock();
  const campaigns = await repos.campaigns.list();
  return c.json({
    campaigns: campaigns.map((campaign) => ({
      ...campaignSummary(campaign, now),
      surveyVersion: campaign.surveyVersionId,
    })),
  });
});
