import { getVersion, type SurveyVersion } from "@monitor/surveys";
import type { AppDeps } from "../env.ts";
import { notFound } from "../problem.ts";
import type { Campaign } from "../repositories/campaigns.ts";

/** Campaign lookups for the use cases: one place for "this campaign, or 404". */
export async function campaignById(deps: AppDeps, id: number): Promise<Campaign> {
  const campaign = await deps.repos.campaigns.get(id);
  if (!campaign) throw notFound();
  return campaign;
}

/** The named campaign, or the current one when none is named. */
export async function campaignOrCurrent(deps: AppDeps, id: number | undefined): Promise<Campaign> {
  const campaign = id ? await deps.repos.campaigns.get(id) : await deps.repos.campaigns.current(deps.clock());
  if (!campaign) throw notFound();
  return campaign;
}

export function surveyVersionOf(campaign: Campaign): SurveyVersion {
  const version = getVersion(campaign.surveyVersionId);
  if (!version)
    throw new Error(`campaign ${campaign.id} names unknown questionnaire ${campaign.surveyVersionId}`);
  return version;
}

export function campaignSummary(campaign: Campaign, now: Date) {
  const at = now.toISOString();
  return {
    id: campaign.id,
    name: campaign.name,
    year: campaign.year,
    opensAt: campaign.opensAt,
    closesAt: campaign.closesAt,
    open: campaign.opensAt <= at && at < campaign.closesAt,
  };
}

/** The campaign as one farm sees it: a later deadline of its own replaces everyone's. */
export async function campaignForFarm(deps: AppDeps, campaign: Campaign, farmId: number): Promise<Campaign> {
  const extended = await deps.repos.campaigns.extensionOf(campaign.id, farmId);
  return extended && Date.parse(extended) > Date.parse(campaign.closesAt)
    ? { ...campaign, closesAt: extended }
    : campaign;
}

/** Whether the farm may still save, submit or be reopened in the campaign (its extension counts). */
export async function isOpenForFarm(deps: AppDeps, campaign: Campaign, farmId: number): Promise<boolean> {
  return deps.repos.campaigns.isOpen(await campaignForFarm(deps, campaign, farmId), deps.clock());
}
