import {
  type AggregateScope,
  combineKeys,
  farmAttribute,
  MEASURE,
  protectCount,
  protectedMean,
  protectedShare,
  protectedSummary,
  protectFarms,
  suppressComplementary,
} from "@monitor/domain";
import {
  comparableInitiativeIds,
  definitionChangedBetween,
  getCatalogue,
  getVersion,
  type Locale,
  themeOf,
} from "@monitor/surveys";
import type { AppDeps } from "../env.ts";
import { attributeValueLabel } from "../i18n/labels.ts";
import type { Campaign } from "../repositories/campaigns.ts";
import type { Population } from "../repositories/population.ts";
import type { BreakdownBy } from "../repositories/statistics.ts";
import { disclosureContext, submittedContexts } from "./disclosure.ts";

/**
 * The sector's views. Every figure leaves through disclosure control (@monitor/domain, see
 * docs/disclosure-control.md): counts with noise keyed by the population's farms, means and shares
 * from protected sums and counts, distributions over fixed bins, nothing over fewer than k farms.
 */
const catalogueSize = () => getCatalogue().initiatives.length;

export async function trendView(deps: AppDeps, population: Population) {
  const comparable = [...comparableInitiativeIds()].sort();
  const [trend, contextOf, campaigns] = await Promise.all([
    deps.repos.statistics.trendHistograms(population),
    submittedContexts(deps, null, population),
    deps.repos.campaigns.list(),
  ]);
  const closes = new Map(campaigns.map((c) => [c.id, c.closesAt]));
  const now = deps.clock().toISOString();
  return {
    minGroupSize: deps.config.minGroupSize,
    comparableInitiatives: comparable,
    points: await Promise.all(
      trend.map(async (point) => {
        const ctx = await contextOf(point.campaignId);
        const all = protectedSummary(point.all, ctx, catalogueSize());
        const shared = protectedSummary(point.comparable, ctx, comparable.length, "comparable");
        return {
          campaign: point.campaignId,
          year: point.year,
          surveyVersion: point.surveyVersionId,
          farms: all.farms,
          meanInitiatives: all.mean,
          medianInitiatives: all.median,
          shareWithAtLeastOne: all.shareWithAtLeastOne,
          comparableMean: shared.mean,
          comparableShareWithAtLeastOne: shared.shareWithAtLeastOne,
          suppressed: all.suppressed,
          provisional: now < (closes.get(point.campaignId) ?? ""),
        };
      }),
    ),
  };
}

export async function participationView(deps: AppDeps, campaign: Campaign, population: Population) {
  const stats = deps.repos.statistics;
  const [counts, audits] = await Promise.all([
    stats.participation(campaign.id, population),
    stats.auditsFilledIn(campaign.id, population),
  ]);
  // One view: the farms on the register; started, submitted and audited are measures of it.
  const ctx = await disclosureContext(deps, campaign.id, { farms: counts.registered, keySum: counts.keySum });
  const registered = protectFarms(ctx);
  const audited = protectCount(audits.audited, ctx, "audited");
  return {
    campaign: { id: campaign.id, year: campaign.year },
    minGroupSize: deps.config.minGroupSize,
    suppressed: registered.suppressed,
    registered: registered.value,
    started: protectCount(counts.started, ctx, "started").value,
    submitted: protectCount(counts.submitted, ctx, MEASURE.submitted).value,
    shareSubmitted: protectedShare(counts.submitted, counts.registered, ctx, MEASURE.submitted).value,
    audits: {
      suppressed: audited.suppressed,
      audited: audited.value,
      filledIn: protectCount(audits.filledIn, ctx, "filledIn").value,
      shareFilledIn: audited.suppressed
        ? null
        : protectedShare(audits.filledIn, audits.audited, ctx, "filledIn", "audited").value,
    },
  };
}

async function previousCampaignOf(deps: AppDeps, campaign: Campaign) {
  const campaigns = await deps.repos.campaigns.list();
  return campaigns.filter((c) => c.year < campaign.year).at(-1) ?? null;
}

/** Per initiative and per theme of one campaign, protected: adopters, rates and theme means. */
async function protectedAdoption(deps: AppDeps, campaignId: number, population: Population) {
  const [adoption, contextOf] = await Promise.all([
    deps.repos.statistics.adoption(campaignId, population),
    submittedContexts(deps, campaignId, population),
  ]);
  const ctx = await contextOf(campaignId);
  const rate = (id: string) =>
    protectedShare(adoption.counts[id] ?? 0, ctx.farms, ctx, MEASURE.initiative(id)).value;
  const themeMean = (theme: string) => {
    const sum = Object.entries(adoption.counts)
      .filter(([id]) => themeOf(id) === theme)
      .reduce((total, [, n]) => total + n, 0);
    return protectedMean(sum, ctx.farms, ctx, MEASURE.themeSum(theme)).value;
  };
  return { ctx, farms: protectFarms(ctx), counts: adoption.counts, rate, themeMean };
}

/** The initiatives of a theme asked in either of two questionnaire versions. */
function themeInitiativeIds(theme: string, fromVersion: string, toVersion: string) {
  const asked = [fromVersion, toVersion].flatMap((v) => getVersion(v)?.initiativeIds ?? []);
  return [...new Set(asked)].filter((id) => themeOf(id) === theme);
}

export async function adoptionView(deps: AppDeps, campaign: Campaign, population: Population) {
  const previous = await previousCampaignOf(deps, campaign);
  const [current, before] = await Promise.all([
    protectedAdoption(deps, campaign.id, population),
    previous ? protectedAdoption(deps, previous.id, population) : Promise.resolve(null),
  ]);
  const ids = getVersion(campaign.surveyVersionId)?.initiativeIds ?? [];
  const shown = current.farms;
  const change = (now: number | null, then: number | null) =>
    now === null || then === null ? null : Math.round((now - then) * 10_000) / 10_000;
  return {
    campaign: { id: campaign.id, year: campaign.year, surveyVersion: campaign.surveyVersionId },
    previousCampaign: previous
      ? { id: previous.id, year: previous.year, surveyVersion: previous.surveyVersionId }
      : null,
    minGroupSize: deps.config.minGroupSize,
    farms: shown.value,
    suppressed: shown.suppressed,
    initiatives: shown.suppressed
      ? []
      : ids.map((id) => {
          const adopters = protectCount(current.counts[id] ?? 0, current.ctx, MEASURE.initiative(id));
          const rate = current.rate(id);
          const previousRate = before ? before.rate(id) : null;
          return {
            initiativeId: id,
            theme: themeOf(id),
            farms: adopters.value,
            suppressed: adopters.suppressed,
            rate,
            previousRate,
            // A fraction like the rates: 0.05 means 5 percentage points more than last campaign.
            change: change(rate, previousRate),
            definitionChanged: previous
              ? definitionChangedBetween(id, previous.surveyVersionId, campaign.surveyVersionId)
              : false,
          };
        }),
    themes: shown.suppressed
      ? []
      : getCatalogue().themes.map((theme) => ({
          theme: theme.id,
          meanInitiatives: current.themeMean(theme.id),
          previousMean: before ? before.themeMean(theme.id) : null,
          // The theme's mean sums its initiatives: one counted differently makes its change unlike.
          definitionChanged: previous
            ? themeInitiativeIds(theme.id, previous.surveyVersionId, campaign.surveyVersionId).some((id) =>
                definitionChangedBetween(id, previous.surveyVersionId, campaign.surveyVersionId),
              )
            : false,
        })),
  };
}

export async function distributionView(deps: AppDeps, campaign: Campaign, population: Population) {
  const [histogram, contextOf] = await Promise.all([
    deps.repos.statistics.totalsHistogram(campaign.id, population),
    submittedContexts(deps, campaign.id, population),
  ]);
  const summary = protectedSummary(histogram, await contextOf(campaign.id), catalogueSize());
  return {
    campaign: { id: campaign.id, year: campaign.year },
    minGroupSize: deps.config.minGroupSize,
    farms: summary.farms,
    suppressed: summary.suppressed,
    median: summary.median,
    q1: summary.q1,
    q3: summary.q3,
    bins: summary.bins.map((b) => ({ from: b.lo, to: b.hi, farms: b.value, suppressed: b.suppressed })),
  };
}

export async function breakdownView(
  deps: AppDeps,
  campaign: Campaign,
  population: Population,
  by: BreakdownBy,
  locale: Locale,
) {
  const k = deps.config.minGroupSize;
  const [groups, contextOf] = await Promise.all([
    deps.repos.statistics.breakdownHistograms(campaign.id, population, by),
    submittedContexts(deps, campaign.id, population, by),
  ]);
  // Organisations are named by the register; other values by their translations, if any.
  const organisations = farmAttribute(by).organisationKind
    ? new Map((await deps.repos.farms.organisations()).map((o) => [o.id, o.name]))
    : null;
  const label = (key: string) =>
    organisations ? (organisations.get(key) ?? key) : attributeValueLabel(by, key, locale);
  const summaries = await Promise.all(
    [...groups].map(async ([key, histogram]) => {
      const ctx = await contextOf(campaign.id, key === "unknown" ? "" : key);
      return {
        key,
        label: label(key),
        farms: ctx.farms,
        shown: protectedSummary(histogram, ctx, catalogueSize()),
      };
    }),
  );
  // A withheld group takes the next smallest with it, so no group is its parent minus the others.
  const withheld = new Set(
    suppressComplementary(summaries, k, ["key"])
      .filter((g) => g.suppressed)
      .map((g) => g.key),
  );
  return {
    campaign: { id: campaign.id, year: campaign.year },
    by,
    minGroupSize: k,
    groups: summaries
      .map((g) => {
        const hidden = withheld.has(g.key) || g.shown.suppressed;
        return {
          key: g.key,
          label: g.label,
          farms: hidden ? null : g.shown.farms,
          meanInitiatives: hidden ? null : g.shown.mean,
          shareWithAtLeastOne: hidden ? null : g.shown.shareWithAtLeastOne,
          suppressed: hidden,
        };
      })
      .sort((a, b) => a.label.localeCompare(b.label, locale)),
  };
}

/** The analyst's population at a glance: active farms in all, and per region, protected. */
export async function overviewView(deps: AppDeps, scope: AggregateScope) {
  const regions = await deps.repos.sector.activeFarmsByRegion(scope);
  // The register has no campaign: its views are keyed as the campaign "register".
  const contextOf = (farms: number, keySum: number) =>
    disclosureContext(deps, 0, { farms, keySum }).then((ctx) => ({ ...ctx, campaignId: "register" }));
  const all = await contextOf(
    regions.reduce((sum, r) => sum + r.farms, 0),
    combineKeys(regions.map((r) => r.keySum)),
  );
  return {
    scope,
    minGroupSize: deps.config.minGroupSize,
    farms: protectFarms(all).value,
    regions: await Promise.all(
      regions.map(async (r) => {
        const shown = protectFarms(await contextOf(r.farms, r.keySum));
        return { region: r.region, farms: shown.value, suppressed: shown.suppressed };
      }),
    ),
  };
}
