import {
  type AggregateScope,
  adoptionRates,
  coarsenHistogram,
  differencingRisk,
  farmAttribute,
  type HistogramBin,
  round,
  summarizeHistogram,
  suppressComplementary,
  suppressSummary,
} from "@monitor/domain";
import { comparableInitiativeIds, getCatalogue, getVersion, type Locale, themeOf } from "@monitor/surveys";
import type { AppDeps } from "../env.ts";
import { attributeValueLabel } from "../i18n/labels.ts";
import type { Campaign } from "../repositories/campaigns.ts";
import { narrowing, type Population, without } from "../repositories/population.ts";
import type { BreakdownBy } from "../repositories/statistics.ts";

const figure = (value: number | null, digits: number) => (value === null ? null : round(value, digits));

/** The wider views of a filtered view: the same view with one of its filters left out. */
function widerPopulations(population: Population): Population[] {
  return narrowing(population).map(({ attribute }) => without(population, attribute.name));
}

const farmsOf = (bins: HistogramBin[]) => bins.reduce((sum, bin) => sum + bin.farms, 0);

/**
 * True when the view's farms could be told apart by subtracting it from a wider view (see
 * differencingRisk); then every figure of the view is withheld.
 */
async function atRisk(deps: AppDeps, campaignId: number, population: Population): Promise<boolean> {
  const wider = widerPopulations(population);
  if (!wider.length) return false;
  const stats = deps.repos.statistics;
  const farms = farmsOf(await stats.totalsHistogram(campaignId, population));
  const widerFarms = await Promise.all(
    wider.map(async (p) => farmsOf(await stats.totalsHistogram(campaignId, p))),
  );
  return differencingRisk(farms, widerFarms, deps.config.minGroupSize);
}

export async function trendView(deps: AppDeps, population: Population) {
  const k = deps.config.minGroupSize;
  const comparable = [...comparableInitiativeIds()].sort();
  const trend = await deps.repos.statistics.trendHistograms(population);
  const widerTrends = await Promise.all(
    widerPopulations(population).map((p) => deps.repos.statistics.trendHistograms(p)),
  );
  return {
    minGroupSize: k,
    comparableInitiatives: comparable,
    points: trend.map((point, index) => {
      const widerFarms = widerTrends.map((wider) => farmsOf(wider[index]?.all ?? []));
      const risky = differencingRisk(farmsOf(point.all), widerFarms, k);
      const summary = suppressSummary(summarizeHistogram(risky ? [] : point.all), k);
      const comparableSummary = suppressSummary(summarizeHistogram(risky ? [] : point.comparable), k);
      return {
        campaign: point.campaignId,
        year: point.year,
        surveyVersion: point.surveyVersionId,
        farms: summary.farms,
        meanInitiatives: figure(summary.mean, 2),
        medianInitiatives: figure(summary.median, 2),
        shareWithAtLeastOne: figure(summary.shareWithAtLeastOne, 4),
        comparableMean: figure(comparableSummary.mean, 2),
        comparableShareWithAtLeastOne: figure(comparableSummary.shareWithAtLeastOne, 4),
        suppressed: summary.suppressed,
      };
    }),
  };
}

export async function participationView(deps: AppDeps, campaign: Campaign, population: Population) {
  const k = deps.config.minGroupSize;
  const stats = deps.repos.statistics;
  const wider = widerPopulations(population);
  const [counts, audits, widerCounts, widerAudits] = await Promise.all([
    stats.participation(campaign.id, population),
    stats.auditsFilledIn(campaign.id, population),
    Promise.all(wider.map((p) => stats.participation(campaign.id, p))),
    Promise.all(wider.map((p) => stats.auditsFilledIn(campaign.id, p))),
  ]);
  // Every count shown is checked against the same count one filter wider.
  const risky =
    differencingRisk(
      counts.registered,
      widerCounts.map((w) => w.registered),
      k,
    ) ||
    differencingRisk(
      counts.started,
      widerCounts.map((w) => w.started),
      k,
    ) ||
    differencingRisk(
      counts.submitted,
      widerCounts.map((w) => w.submitted),
      k,
    ) ||
    differencingRisk(
      audits.audited,
      widerAudits.map((w) => w.audited),
      k,
    ) ||
    differencingRisk(
      audits.filledIn,
      widerAudits.map((w) => w.filledIn),
      k,
    );
  const shown = suppressSummary({ farms: risky ? 0 : counts.registered, ...counts }, k);
  const auditsShown = suppressSummary({ farms: risky ? 0 : audits.audited, ...audits }, k);
  return {
    campaign: { id: campaign.id, year: campaign.year },
    minGroupSize: k,
    suppressed: shown.suppressed,
    registered: shown.registered,
    started: shown.started,
    submitted: shown.submitted,
    shareSubmitted: shown.suppressed ? null : figure(counts.submitted / counts.registered, 4),
    audits: {
      suppressed: auditsShown.suppressed,
      audited: auditsShown.audited,
      filledIn: auditsShown.filledIn,
      shareFilledIn: auditsShown.suppressed ? null : figure(audits.filledIn / audits.audited, 4),
    },
  };
}

async function previousCampaignOf(deps: AppDeps, campaign: Campaign) {
  const campaigns = await deps.repos.campaigns.list();
  return campaigns.filter((c) => c.year < campaign.year).at(-1) ?? null;
}

export async function adoptionView(deps: AppDeps, campaign: Campaign, population: Population) {
  const k = deps.config.minGroupSize;
  const stats = deps.repos.statistics;
  const previous = await previousCampaignOf(deps, campaign);
  const [current, before, risky] = await Promise.all([
    stats.adoption(campaign.id, population),
    previous ? stats.adoption(previous.id, population) : Promise.resolve(null),
    atRisk(deps, campaign.id, population),
  ]);
  const shown = suppressSummary({ farms: risky ? 0 : current.farms }, k);
  const previousRisky = previous ? await atRisk(deps, previous.id, population) : true;
  const previousShown = before && !risky && !previousRisky && before.farms >= k;
  const ids = getVersion(campaign.surveyVersionId)?.initiativeIds ?? [];
  const catalogue = getCatalogue();
  const rates = adoptionRates(
    Object.fromEntries(ids.map((id) => [id, current.counts[id] ?? 0])),
    current.farms,
  );
  const previousRates = before
    ? new Map(adoptionRates(before.counts, before.farms).map((a) => [a.initiativeId, a.rate]))
    : new Map();
  const themeMean = (counts: Record<string, number>, farms: number, theme: string) => {
    const taking = Object.entries(counts)
      .filter(([id]) => themeOf(id) === theme)
      .reduce((sum, [, n]) => sum + n, 0);
    return farms ? taking / farms : null;
  };
  return {
    campaign: { id: campaign.id, year: campaign.year, surveyVersion: campaign.surveyVersionId },
    previousCampaign: previous
      ? { id: previous.id, year: previous.year, surveyVersion: previous.surveyVersionId }
      : null,
    minGroupSize: k,
    farms: shown.farms,
    suppressed: shown.suppressed,
    initiatives: shown.suppressed
      ? []
      : rates.map((a) => {
          const previousRate = previousShown ? (previousRates.get(a.initiativeId) ?? null) : null;
          return {
            initiativeId: a.initiativeId,
            theme: themeOf(a.initiativeId),
            farms: a.farms,
            rate: figure(a.rate, 4),
            previousRate: figure(previousRate, 4),
            // A fraction like the rates: 0.05 means 5 percentage points more than last campaign.
            change: a.rate === null || previousRate === null ? null : figure(a.rate - previousRate, 4),
          };
        }),
    themes: shown.suppressed
      ? []
      : catalogue.themes.map((theme) => ({
          theme: theme.id,
          meanInitiatives: figure(themeMean(current.counts, current.farms, theme.id), 2),
          previousMean:
            previousShown && before ? figure(themeMean(before.counts, before.farms, theme.id), 2) : null,
        })),
  };
}

export async function distributionView(deps: AppDeps, campaign: Campaign, population: Population) {
  const k = deps.config.minGroupSize;
  const [bins, risky] = await Promise.all([
    deps.repos.statistics.totalsHistogram(campaign.id, population),
    atRisk(deps, campaign.id, population),
  ]);
  const farms = risky ? 0 : farmsOf(bins);
  const shown = suppressSummary({ farms }, k);
  return {
    campaign: { id: campaign.id, year: campaign.year },
    minGroupSize: k,
    farms: shown.farms,
    suppressed: shown.suppressed,
    bins: shown.suppressed ? [] : coarsenHistogram(bins, k),
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
  const stats = deps.repos.statistics;
  const [groups, risky, widerGroups] = await Promise.all([
    stats.breakdownHistograms(campaign.id, population, by),
    atRisk(deps, campaign.id, population),
    Promise.all(widerPopulations(population).map((p) => stats.breakdownHistograms(campaign.id, p, by))),
  ]);
  // A group is also compared with the same group one filter wider (subtracting two breakdowns).
  const groupAtRisk = (key: string, farms: number) =>
    differencingRisk(
      farms,
      widerGroups.map((w) => farmsOf(w.get(key) ?? [])),
      k,
    );
  // Organisations are named by the register; other values by their translations, if any.
  const organisations = farmAttribute(by).organisationKind
    ? new Map((await deps.repos.farms.organisations()).map((o) => [o.id, o.name]))
    : null;
  const label = (key: string) =>
    organisations ? (organisations.get(key) ?? key) : attributeValueLabel(by, key, locale);
  const summaries = [...groups].map(([key, bins]) => {
    const summary = summarizeHistogram(risky ? [] : bins);
    // A group at risk is withheld like a small one (and so is its complement).
    const farms = groupAtRisk(key, summary.farms) ? Math.min(summary.farms, 1) : summary.farms;
    return { key, label: label(key), ...summary, farms };
  });
  const shown = suppressComplementary(summaries, k, ["key", "label"]);
  return {
    campaign: { id: campaign.id, year: campaign.year },
    by,
    minGroupSize: k,
    groups: shown
      .map((g) => ({
        key: g.key,
        label: g.label,
        farms: g.farms,
        meanInitiatives: figure(g.mean, 2),
        shareWithAtLeastOne: figure(g.shareWithAtLeastOne, 4),
        suppressed: g.suppressed,
      }))
      .sort((a, b) => a.label.localeCompare(b.label, locale)),
  };
}

/** The analyst's population at a glance: active farms in all, and per region (small groups withheld). */
export async function overviewView(deps: AppDeps, scope: AggregateScope) {
  const k = deps.config.minGroupSize;
  const regions = await deps.repos.sector.activeFarmsByRegion(scope);
  const total = regions.reduce((sum, r) => sum + r.farms, 0);
  return {
    scope,
    minGroupSize: k,
    farms: suppressSummary({ farms: total }, k).farms,
    regions: suppressComplementary(regions, k, ["region"]),
  };
}
