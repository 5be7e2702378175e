import {
  adoptionRates,
  farmBenchmark,
  type HistogramBin,
  meanOfHistogram,
  quantileInHistogram,
  round,
  sizeClassOf,
  suggestions,
  summarizeHistogram,
  suppressSummary,
  themeTotals,
} from "@monitor/domain";
import { getCatalogue, themeOf } from "@monitor/surveys";
import type { AppDeps } from "../env.ts";
import { Problem } from "../problem.ts";
import type { Campaign } from "../repositories/campaigns.ts";
import type { Farm } from "../repositories/farms.ts";
import type { Population } from "../repositories/population.ts";

const SUGGESTION_LIMIT = 5;
const everyone: Population = { scope: { kind: "all" } };

const figure = (value: number | null) => (value === null ? null : round(value, 2));

function comparison(key: string, farmTotal: number, bins: HistogramBin[], k: number) {
  const benchmark = farmBenchmark(farmTotal, bins, k);
  const group = benchmark.group;
  return {
    key,
    suppressed: group.suppressed,
    farms: group.farms,
    mean: figure(group.mean),
    median: figure(group.median),
    q1: figure(group.q1),
    q3: figure(group.q3),
    percentile: figure(benchmark.percentileRank),
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

  const sizeClass = sizeClassOf(farm.herdSize);
  const regionPopulation: Population = { ...everyone, region: farm.region };
  const sizePopulation: Population = { ...everyone, sizeClass };
  const [sectorBins, regionBins, sizeBins, themeBins, history] = await Promise.all([
    repos.statistics.totalsHistogram(campaign.id, everyone),
    repos.statistics.totalsHistogram(campaign.id, regionPopulation),
    repos.statistics.totalsHistogram(campaign.id, sizePopulation),
    repos.statistics.themeHistograms(campaign.id, everyone, themes),
    repos.statistics.farmHistory(farm.id),
  ]);
  const sector = comparison("all", total, sectorBins, k);

  // Similar farms: same region and size class if that group is large enough, else the region, else all.
  const similarCandidates: Population[] = [
    { ...everyone, region: farm.region, sizeClass },
    regionPopulation,
    everyone,
  ];
  let similar: { population: Population; farms: number; counts: Record<string, number> } | null = null;
  for (const population of similarCandidates) {
    const adoption = await repos.statistics.adoption(campaign.id, population);
    if (adoption.farms >= k) {
      similar = { population, ...adoption };
      break;
    }
  }
  const suggested = similar
    ? suggestions(
        taken.map((t) => t.initiativeId),
        adoptionRates(similar.counts, similar.farms),
        SUGGESTION_LIMIT,
      ).map((s) => ({
        initiativeId: s.initiativeId,
        theme: themeOf(s.initiativeId),
        adoption: figure(s.rate),
      }))
    : [];

  const trendPoints = await repos.statistics.trendHistograms(everyone);
  const sectorMeanByCampaign = new Map(
    trendPoints.map((p) => [p.campaignId, suppressSummary(summarizeHistogram(p.all), k).mean]),
  );

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
    region: comparison(farm.region, total, regionBins, k),
    sizeClass: comparison(sizeClass, total, sizeBins, k),
    themes: themes.map((theme) => {
      const bins = themeBins[theme] ?? [];
      const shown = suppressSummary(summarizeHistogram(bins), k);
      return {
        theme,
        farm: farmThemes[theme] ?? 0,
        sectorMean: shown.suppressed ? null : figure(meanOfHistogram(bins)),
        sectorMedian: shown.suppressed ? null : figure(quantileInHistogram(bins, 0.5)),
      };
    }),
    trend: history.map((h) => ({
      campaignId: h.campaignId,
      year: h.year,
      total: h.total,
      sectorMean: figure(sectorMeanByCampaign.get(h.campaignId) ?? null),
    })),
    suggestions: suggested,
    suggestionsFrom: similar
      ? {
          region: similar.population.region ?? null,
          sizeClass: similar.population.sizeClass ?? null,
          farms: similar.farms,
        }
      : null,
  };
}
