import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { checkSurveys, getVersion, listVersions, SURVEYS_DIR } from "@monitor/surveys";
import type { AppDeps, CurrentUser } from "../env.ts";
import { notFound, Problem } from "../problem.ts";
import type { Campaign } from "../repositories/campaigns.ts";
import { campaignById, campaignSummary } from "./campaigns.ts";

/** A date or an instant as the instant stored (a date is midnight UTC). */
const instant = (moment: string) => new Date(moment).toISOString();

async function adminCampaign(deps: AppDeps, campaign: Campaign) {
  const progress = (await deps.repos.campaigns.progress()).get(campaign.id) ?? { started: 0, submitted: 0 };
  return {
    ...campaignSummary(campaign, deps.clock()),
    surveyVersion: campaign.surveyVersionId,
    ...progress,
    extensions: await deps.repos.campaigns.extensions(campaign.id),
  };
}

export async function listAdminCampaigns(deps: AppDeps) {
  const campaigns = await deps.repos.campaigns.list();
  return { campaigns: await Promise.all(campaigns.map((c) => adminCampaign(deps, c))) };
}

/** When each file under surveys/ last changed: the checker runs again only when one did. */
function surveyFilesStamp(dir = SURVEYS_DIR): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? surveyFilesStamp(path) : `${path}@${statSync(path).mtimeMs}`;
    })
    .join("|");
}

let checked: { stamp: string; problems: ReturnType<typeof checkSurveys> } | undefined;

/** The checker's findings on the files as they are now (it builds every questionnaire: about a second). */
function currentProblems() {
  const stamp = surveyFilesStamp();
  if (checked?.stamp !== stamp) checked = { stamp, problems: checkSurveys() };
  return checked.problems;
}

/** The questionnaire versions in surveys/ with the checker's findings and the monitors answering them. */
export async function adminSurveyVersions(deps: AppDeps) {
  const problems = currentProblems();
  const use = await deps.repos.campaigns.surveyVersionUse();
  const campaigns = await deps.repos.campaigns.list();
  return {
    versions: listVersions().map((v) => {
      const stored = use.get(v.id);
      const answers = stored?.answers ?? 0;
      return {
        id: v.id,
        year: v.year,
        contentHash: v.contentHash,
        registeredHash: stored?.registeredHash ?? null,
        initiatives: v.initiativeIds.length,
        answers,
        campaigns: campaigns
          .filter((c) => c.surveyVersionId === v.id)
          .map((c) => ({ id: c.id, year: c.year })),
        problems: problems
          .filter((p) => p.version === v.id || p.path.startsWith(`${v.id}/`) || p.version === undefined)
          .map((p) => ({ path: p.path, message: p.message })),
        changedUnderAnswers: (stored?.answeredHashes ?? []).some((hash) => hash !== v.contentHash),
      };
    }),
  };
}

/** A version may be published when the checker finds nothing and its file is the one its answers saw. */
async function assertPublishable(deps: AppDeps, versionId: string) {
  const version = (await adminSurveyVersions(deps)).versions.find((v) => v.id === versionId);
  if (!version || version.problems.length || version.changedUnderAnswers || !getVersion(versionId))
    throw new Problem(422, "version_not_publishable");
}

const audit = (
  deps: AppDeps,
  admin: CurrentUser,
  action: string,
  campaignId: number | string,
  detail: object,
  requestId: string,
) =>
  deps.repos.audit.statement(
    { userId: admin.id, action, entity: "campaign", entityId: campaignId, detail: { ...detail }, requestId },
    deps.clock(),
  );

export async function createCampaign(
  deps: AppDeps,
  body: { name: string; year: number; surveyVersion: string; opensAt: string; closesAt: string },
  admin: CurrentUser,
  requestId: string,
) {
  if (await deps.repos.campaigns.byYear(body.year)) throw new Problem(409, "campaign_year_taken");
  await assertPublishable(deps, body.surveyVersion);
  const campaign = {
    name: body.name,
    year: body.year,
    surveyVersionId: body.surveyVersion,
    opensAt: instant(body.opensAt),
    closesAt: instant(body.closesAt),
  };
  const [inserted] = await deps.db.write([
    deps.repos.campaigns.createStatement(campaign),
    audit(deps, admin, "campaign_created", `${body.year}`, campaign, requestId),
  ]);
  return { campaign: await adminCampaign(deps, await campaignById(deps, Number(inserted?.rows[0]?.id))) };
}

/** Rename, open, close, or move everyone's deadline. */
export async function updateCampaign(
  deps: AppDeps,
  campaignId: number,
  body: { name?: string | undefined; opensAt?: string | undefined; closesAt?: string | undefined },
  admin: CurrentUser,
  requestId: string,
) {
  const before = await campaignById(deps, campaignId);
  const fields = {
    ...(body.name === undefined ? {} : { name: body.name }),
    ...(body.opensAt === undefined ? {} : { opensAt: instant(body.opensAt) }),
    ...(body.closesAt === undefined ? {} : { closesAt: instant(body.closesAt) }),
  };
  const after = { ...before, ...fields };
  if (Date.parse(after.opensAt) >= Date.parse(after.closesAt)) throw new Problem(422, "campaign_dates");
  await deps.db.write([
    deps.repos.campaigns.updateStatement(campaignId, fields),
    audit(
      deps,
      admin,
      "campaign_updated",
      campaignId,
      { before: pick(before), after: pick(after) },
      requestId,
    ),
  ]);
  return { campaign: await adminCampaign(deps, await campaignById(deps, campaignId)) };
}

const pick = (c: Campaign) => ({ name: c.name, opensAt: c.opensAt, closesAt: c.closesAt });

/** Publishes a questionnaire version for a campaign no farm has answered yet. */
export async function publishSurveyVersion(
  deps: AppDeps,
  campaignId: number,
  versionId: string,
  admin: CurrentUser,
  requestId: string,
) {
  const before = await campaignById(deps, campaignId);
  await assertPublishable(deps, versionId);
  if (before.surveyVersionId !== versionId) {
    const [published] = await deps.db.write([
      deps.repos.campaigns.publishStatement(campaignId, versionId),
      audit(
        deps,
        admin,
        "survey_version_published",
        campaignId,
        { from: before.surveyVersionId, to: versionId },
        requestId,
      ),
    ]);
    // The statement checks for answers itself, so a first save racing the publishing wins cleanly.
    if (!published?.rowsAffected) throw new Problem(409, "campaign_has_answers");
  }
  return { campaign: await adminCampaign(deps, await campaignById(deps, campaignId)) };
}

/** A later deadline for one farm; its monitor can be saved, submitted and reopened until then. */
export async function extendDeadline(
  deps: AppDeps,
  campaignId: number,
  body: { farmId: number; closesAt: string },
  admin: CurrentUser,
  requestId: string,
) {
  const campaign = await campaignById(deps, campaignId);
  const farm = await deps.repos.farms.get(body.farmId);
  if (!farm) throw notFound();
  const closesAt = instant(body.closesAt);
  if (Date.parse(closesAt) <= Date.parse(campaign.closesAt)) throw new Problem(422, "extension_not_later");
  const now = deps.clock();
  await deps.db.write([
    deps.repos.campaigns.extensionStatement(campaignId, farm.id, closesAt, admin.id, now),
    audit(deps, admin, "deadline_extended", campaignId, { farmId: farm.id, closesAt }, requestId),
  ]);
  return { campaign: await adminCampaign(deps, campaign) };
}
