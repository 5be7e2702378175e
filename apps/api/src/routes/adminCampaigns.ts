import {
  campaignCreateBody,
  campaignParams,
  campaignPatchBody,
  extensionBody,
  publishBody,
} from "@monitor/contract";
import { type Context, Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { currentUser, requireRole } from "../middleware/auth.ts";
import { jsonBody, pathParams } from "../middleware/validate.ts";
import {
  adminSurveyVersions,
  createCampaign,
  extendDeadline,
  listAdminCampaigns,
  publishSurveyVersion,
  updateCampaign,
} from "../services/adminCampaigns.ts";

const campaignIdOf = (c: Context<AppEnv>) => pathParams(c, campaignParams).campaignId;

/** Campaigns and questionnaire versions, as administrators run them. */
export const adminCampaignRoutes = new Hono<AppEnv>()
  .use("/admin/campaigns", requireRole("admin"))
  .use("/admin/campaigns/*", requireRole("admin"))
  .use("/admin/survey-versions", requireRole("admin"))
  .get("/admin/campaigns", async (c) => c.json(await listAdminCampaigns(c.get("deps"))))
  .post("/admin/campaigns", async (c) =>
    c.json(
      await createCampaign(
        c.get("deps"),
        await jsonBody(c, campaignCreateBody),
        currentUser(c),
        c.get("requestId"),
      ),
    ),
  )
  .patch("/admin/campaigns/:campaignId", async (c) => {
    const campaignId = campaignIdOf(c);
    const body = await jsonBody(c, campaignPatchBody);
    return c.json(await updateCampaign(c.get("deps"), campaignId, body, currentUser(c), c.get("requestId")));
  })
  .post("/admin/campaigns/:campaignId/publish", async (c) => {
    const campaignId = campaignIdOf(c);
    const { surveyVersion } = await jsonBody(c, publishBody);
    return c.json(
      await publishSurveyVersion(
        c.get("deps"),
        campaignId,
        surveyVersion,
        currentUser(c),
        c.get("requestId"),
      ),
    );
  })
  .post("/admin/campaigns/:campaignId/extensions", async (c) => {
    const campaignId = campaignIdOf(c);
    const body = await jsonBody(c, extensionBody);
    return c.json(await extendDeadline(c.get("deps"), campaignId, body, currentUser(c), c.get("requestId")));
  })
  .get("/admin/survey-versions", async (c) => c.json(await adminSurveyVersions(c.get("deps"))));
