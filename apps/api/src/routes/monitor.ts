import { farmCampaignParams, saveBody, saveHeaders } from "@monitor/contract";
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { currentUser, requestedFarm, requireFarm, requireUser } from "../middleware/auth.ts";
import { jsonBody, parseWith } from "../middleware/validate.ts";
import { Problem } from "../problem.ts";
import { campaignById, campaignForFarm, campaignSummary } from "../services/campaigns.ts";
import { monitorDocument, receiptOf, saveAnswers, submitMonitor } from "../services/monitor.ts";

const campaignId = farmCampaignParams.shape.campaignId;
const ifMatch = saveHeaders.shape["If-Match"];
const idempotencyKey = saveHeaders.shape["Idempotency-Key"];

export const monitorRoutes = new Hono<AppEnv>()
  .use("/farms/:farmId/monitor", requireUser(), requireFarm("read"))
  .use("/farms/:farmId/monitors", requireUser(), requireFarm("read"))
  .use("/farms/:farmId/monitor/:campaignId", requireUser(), requireFarm("read"))
  .use("/farms/:farmId/monitor/:campaignId/receipt", requireUser(), requireFarm("read"))
  .use("/farms/:farmId/monitor/:campaignId/submit", requireUser(), requireFarm("fill_in"))
  .get("/farms/:farmId/monitor", async (c) => {
    const { repos, clock } = c.get("deps");
    const campaign = await repos.campaigns.current(clock());
    if (!campaign) throw new Problem(404, "no_campaign");
    return c.json(await monitorDocument(c.get("deps"), requestedFarm(c), campaign));
  })
  .get("/farms/:farmId/monitors", async (c) => {
    const deps = c.get("deps");
    const farmId = requestedFarm(c).id;
    const [campaigns, statuses] = await Promise.all([
      // As the farm sees them: its own deadline extension keeps a campaign open for it.
      deps.repos.campaigns
        .list()
        .then((all) => Promise.all(all.map((campaign) => campaignForFarm(deps, campaign, farmId)))),
      deps.repos.responses.campaignsOfFarm(farmId),
    ]);
    const byCampaign = new Map(statuses.map((s) => [s.campaignId, s]));
    const now = deps.clock();
    return c.json({
      monitors: campaigns.map((campaign) => {
        const { campaignId: _, ...status } = byCampaign.get(campaign.id) ?? {
          campaignId: campaign.id,
          responseId: null,
          status: "not_started",
          updatedAt: null,
          submittedAt: null,
          initiatives: null,
        };
        return {
          campaign: campaignSummary(campaign, now),
          surveyVersion: campaign.surveyVersionId,
          ...status,
        };
      }),
    });
  })
  .get("/farms/:farmId/monitor/:campaignId", async (c) => {
    return c.json(
      await monitorDocument(
        c.get("deps"),
        requestedFarm(c),
        await campaignById(c.get("deps"), parseWith(campaignId, c.req.param("campaignId"), c.get("locale"))),
      ),
    );
  })
  .put("/farms/:farmId/monitor/:campaignId", requireFarm("fill_in"), async (c) => {
    const locale = c.get("locale");
    const header = c.req.header("if-match");
    if (header === undefined) throw new Problem(428, "version_required");
    const expectedVersion = parseWith(ifMatch, header, locale);
    const key = parseWith(idempotencyKey, c.req.header("idempotency-key"), locale);
    const body = await jsonBody(c, saveBody);
    const outcome = await saveAnswers(c.get("deps"), {
      farm: requestedFarm(c),
      campaign: await campaignById(
        c.get("deps"),
        parseWith(campaignId, c.req.param("campaignId"), c.get("locale")),
      ),
      user: currentUser(c),
      locale,
      expectedVersion,
      data: body.data,
      page: body.page,
      carriedOver: body.carriedOver,
      merge: body.merge,
      idempotencyKey: key,
    });
    const version = (outcome.body as { version: number }).version;
    c.header("ETag", `"${version}"`);
    return c.json(outcome.body as object, outcome.status as 200);
  })
  .post("/farms/:farmId/monitor/:campaignId/submit", async (c) => {
    const result = await submitMonitor(
      c.get("deps"),
      requestedFarm(c),
      await campaignById(c.get("deps"), parseWith(campaignId, c.req.param("campaignId"), c.get("locale"))),
      currentUser(c),
      c.get("locale"),
      c.get("requestId"),
    );
    return c.json(result);
  })
  .get("/farms/:farmId/monitor/:campaignId/receipt", async (c) => {
    return c.json(
      await receiptOf(
        c.get("deps"),
        requestedFarm(c),
        await campaignById(c.get("deps"), parseWith(campaignId, c.req.param("campaignId"), c.get("locale"))),
      ),
    );
  });
