import {
  type DisclosureContext,
  type Histogram,
  MEASURE,
  protectedMean,
  protectedPercentile,
  protectedShare,
  protectedSummary,
  protectFarms,
  suggestions,
  themeTotals,
} from "@monitor/domain";
import { getCatalogue, themeOf } from "@monitor/surveys";
import type { AppDeps } from "../env.ts";
import { Problem } from "../problem.ts";
import type { Campaign } from "../repositories/campaigns.ts";
import type { Farm } from "../repositories/farms.ts";
import type { Population } from "../repositories/population.ts";
import { submittedContexts } from "./disclosure.ts";

const SUGGESTION_LIMIT = 5;
const everyone: Population = { scope: { kind: "all" } };
const catalogueSize = () => getCatalogue().initiatives.length;

/** A comparison group's figures and the farm's place in it, through disclosure control. */
function comparison(key: string, farmTotal: number, histogram: Histogram, ctx: DisclosureContext) {
  const group = protectedSummary(histogram, ctx, catalogueSize());
  return {
    key,
    suppressed: group.suppressed,
    farms: group.farms,
    mean: group.mean,
    median: group.median,
    q1: group.q1,
    q3: group.q3,
    percentile: group.suppressed ? null : protectedPercentile(farmTotal, group.positionBins),
  };
}

/**
 * A farm's results for one campaign: its own counts, where it stands in the sector, its region and
 * its size class (withheld below k farms), its own trend, and what similar farms do that it does not.
 */
export async function farmResults(deps: AppDeps, farm: Farm, campaign: Campaign) {
  const { repos, config } = deps;
  const k = config.minGroupSize;
  const response = await repos.responses.find(farm.id, campaign.id);
  if (response?.status !== "submitted") throw new Problem(409, "not_submitted");
  const taken = await repos.responses.initiativesOf(response.id);
  const themes = getCatalogue().themes.map((t) => t.id);
  const own = themeTotals(taken.map((t) => ({ initiativeId: t.initiativeId, theme: t.theme })));
  const farmThemes = Object.fromEntries(themes.map((theme) => [theme, own[theme] ?? 0]));
  const total = taken.length;

  // The class of the farm's herd in the campaign's year, as the counters class it.
  const { sizeClass } = await repos.farms.attributesIn(farm.id, campaign.id);
  const regionPopulation: Population = { ...everyone, region: farm.region };
  const sizePopulation: Population = { ...everyone, sizeClass };
  const contextIn = async (population: Population) =>
    (await submittedContexts(deps, campaign.id, population))(campaign.id);
  const [sectorBins, regionBins, sizeBins, themeBins, history, sectorCtx, regionCtx, sizeCtx] =
    await Promise.all([
      repos.statistics.totalsHistogram(campaign.id, everyone),
      repos.statistics.totalsHistogram(campaign.id, regionPopulation),
      repos.statistics.totalsHistogram(campaign.id, sizePopulation),
      repos.statistics.themeHistograms(campaign.id, everyone, themes),
      repos.statistics.farmHistory(farm.id),
      contextIn(everyone),
      contextIn(regionPopulation),
      contextIn(sizePopulation),
    ]);
  const sector = comparison("all", total, sectorBins, sectorCtx);

  // Similar farms: same region and size class if that group is shown, else the region, else all.
  const similarCandidates: Population[] = [
    { ...everyone, region: farm.region, sizeClass },
    regionPopulation,
    everyone,
  ];
  let similar: { population: Population; ctx: DisclosureContext; counts: Record<string, number> } | null =
    null;
  for (const population of similarCandidates) {
    const ctx = await contextIn(population);
    if (!protectFarms(ctx).suppressed) {
      similar = {
        population,
        ctx,
        counts: (await repos.statistics.adoption(campaign.id, population)).counts,
      };
      break;
    }
  }
  const suggested = similar
    ? suggestions(
        taken.map((t) => t.initiativeId),
        Object.keys(similar.counts).map((initiativeId) => ({
          initiativeId,
          farms: similar.counts[initiativeId] ?? 0,
          rate: protectedShare(
            similar.counts[initiativeId] ?? 0,
            similar.ctx.farms,
            similar.ctx,
            MEASURE.initiative(initiativeId),
          ).value,
        })),
        SUGGESTION_LIMIT,
      ).map((s) => ({
        initiativeId: s.initiativeId,
        theme: themeOf(s.initiativeId),
        adoption: s.rate,
      }))
    : [];

  const [trendPoints, trendContext] = await Promise.all([
    repos.statistics.trendHistograms(everyone),
    submittedContexts(deps, null, everyone),
  ]);
  const sectorMeanByCampaign = new Map(
    await Promise.all(
      trendPoints.map(
        async (p) =>
          [
            p.campaignId,
            protectedSummary(p.all, await trendContext(p.campaignId), catalogueSize()).mean,
          ] as const,
      ),
    ),
  );
  const themeSize = (theme: string) => getCatalogue().initiatives.filter((i) => i.theme === theme).length;

  return {
    campaign: { id: campaign.id, year: campaign.year, surveyVersion: campaign.surveyVersionId },
    minGroupSize: k,
    farm: { total, themes: farmThemes, initiatives: taken.map((t) => t.initiativeId) },
    sector: {
      farms: sector.farms,
      mean: sector.mean,
      median: sector.median,
      q1: sector.q1,
      q3: sector.q3,
      suppressed: sector.suppressed,
    },
    percentile: sector.percentile,
    region: comparison(farm.region, total, regionBins, regionCtx),
    sizeClass: comparison(sizeClass, total, sizeBins, sizeCtx),
    themes: themes.map((theme) => {
      const histogram = themeBins[theme] ?? [];
      const sum = histogram.reduce((total, b) => total + b.total * b.farms, 0);
      return {
        theme,
        farm: farmThemes[theme] ?? 0,
        sectorMean: protectedMean(sum, sectorCtx.farms, sectorCtx, MEASURE.themeSum(theme)).value,
        sectorMedian: protectedSummary(histogram, sectorCtx, themeSize(theme), `theme:${theme}`).median,
      };
    }),
    trend: history.map((h) => ({
      campaignId: h.campaignId,
      year: h.year,
      total: h.total,
      sectorMean: sectorMeanByCampaign.get(h.campaignId) ?? null,
    })),
    suggestions: suggested,
    suggestionsFrom: similar
      ? {
          region: similar.population.region ?? null,
          sizeClass: similar.population.sizeClass ?? null,
          farms: protectFarms(similar.ctx).value,
        }
      : null,
  };
}
