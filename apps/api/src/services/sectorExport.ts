import type { SectorView } from "@monitor/contract";
import { FARM_ATTRIBUTES } from "@monitor/domain";
import type { AppDeps } from "../env.ts";
import { ABOUT, ATTRIBUTES, VIEWS } from "../export/labels.ts";
import { type About, catalogueLabels, type ViewTable } from "../export/sectorExport.ts";
import { attributeValueLabel } from "../i18n/labels.ts";
import type { Locale } from "../i18n/locale.ts";
import type { Population } from "../repositories/population.ts";
import type { BreakdownBy } from "../repositories/statistics.ts";
import { campaignOrCurrent } from "./campaigns.ts";
import {
  adoptionView,
  breakdownView,
  distributionView,
  participationView,
  trendView,
} from "./sectorViews.ts";

export interface ExportRequest {
  view: SectorView;
  /** The campaign of a one-campaign view; the latest when left out. */
  campaign?: number | undefined;
  /** What a breakdown groups by; the region when left out. */
  by?: BreakdownBy | undefined;
}

export interface SectorExport {
  table: ViewTable;
  about: About;
  /** The file name without extension parts: view, year(s), grouping, filters. */
  name: (string | number | undefined)[];
}

/** One sector view as a table with fixed columns, with what the file must say about itself. */
export async function exportTable(
  deps: AppDeps,
  population: Population,
  request: ExportRequest,
  locale: Locale,
): Promise<SectorExport> {
  const { table, years, openYears } = await viewTable(deps, population, request, locale);
  const filters = await filterLines(
    deps,
    population,
    request.view === "breakdown" ? request.by : undefined,
    locale,
  );
  const yearsText = years.length > 1 ? `${years[0]}–${years.at(-1)}` : String(years[0] ?? "");
  const lines: [string, string][] = [
    [ABOUT.title[locale], VIEWS[request.view]?.[locale] ?? request.view],
    [ABOUT.campaign[locale], yearsText],
    [ABOUT.filters[locale], filters.text || ABOUT.noFilters[locale]],
    [ABOUT.protection[locale], ABOUT.protectionRule[locale].replace("{k}", String(deps.config.minGroupSize))],
    ...openYears.map((year): [string, string] => [
      ABOUT.provisional[locale],
      ABOUT.provisionalNote[locale].replace("{year}", String(year)),
    ]),
  ];
  if (request.view === "breakdown" && request.by)
    lines.splice(3, 0, [VIEWS.breakdown?.[locale] ?? "", ATTRIBUTES[request.by]?.[locale] ?? request.by]);
  return {
    table,
    about: { lines, yes: ABOUT.yes[locale], no: ABOUT.no[locale] },
    name: [
      "sector",
      request.view,
      years.length > 1 ? `${years[0]}-${years.at(-1)}` : years[0],
      request.view === "breakdown" ? `by-${request.by}` : undefined,
      ...filters.slugs,
    ],
  };
}

/** The population's filters as "Region: Wallonia; Province: Liège" and as file-name parts. */
async function filterLines(
  deps: AppDeps,
  population: Population,
  by: BreakdownBy | undefined,
  locale: Locale,
) {
  const organisations = new Map((await deps.repos.farms.organisations()).map((o) => [o.id, o.name]));
  const parts = FARM_ATTRIBUTES.flatMap((attribute) => {
    const value = population[attribute.name];
    // a breakdown's own attribute narrows nothing unless the analyst chose a value for it
    if (value === undefined || (attribute.name === by && value === undefined)) return [];
    const label = attribute.organisationKind
      ? (organisations.get(value) ?? value)
      : attributeValueLabel(attribute.name, value, locale);
    return [{ text: `${ATTRIBUTES[attribute.name]?.[locale] ?? attribute.name}: ${label}`, slug: value }];
  });
  return { text: parts.map((p) => p.text).join("; "), slugs: parts.map((p) => p.slug) };
}

function isOpen(deps: AppDeps, closesAt: string): boolean {
  return deps.clock().toISOString() < closesAt;
}

async function viewTable(
  deps: AppDeps,
  population: Population,
  request: ExportRequest,
  locale: Locale,
): Promise<{ table: ViewTable; years: number[]; openYears: number[] }> {
  if (request.view === "trend") {
    const view = await trendView(deps, population);
    const closes = new Map((await deps.repos.campaigns.list()).map((c) => [c.id, c.closesAt]));
    const open = (campaign: number) => isOpen(deps, closes.get(campaign) ?? "");
    return {
      years: view.points.map((p) => p.year),
      openYears: view.points.filter((p) => open(p.campaign)).map((p) => p.year),
      table: {
        columns: [
          { key: "year", kind: "text" },
          { key: "questionnaire_version", kind: "text" },
          { key: "provisional", kind: "flag" },
          { key: "farms", kind: "integer" },
          { key: "mean_initiatives", kind: "decimal" },
          { key: "median_initiatives", kind: "decimal" },
          { key: "share_with_at_least_one", kind: "share" },
          { key: "comparable_mean", kind: "decimal" },
          { key: "comparable_share_with_at_least_one", kind: "share" },
          { key: "suppressed", kind: "flag" },
        ],
        rows: view.points.map((x) => [
          x.year,
          x.surveyVersion,
          open(x.campaign),
          x.farms,
          x.meanInitiatives,
          x.medianInitiatives,
          x.shareWithAtLeastOne,
          x.comparableMean,
          x.comparableShareWithAtLeastOne,
          x.suppressed,
        ]),
      },
    };
  }
  const campaign = await campaignOrCurrent(deps, request.campaign);
  const one = { years: [campaign.year], openYears: isOpen(deps, campaign.closesAt) ? [campaign.year] : [] };
  if (request.view === "participation") {
    const v = await participationView(deps, campaign, population);
    return {
      ...one,
      table: {
        columns: [
          { key: "year", kind: "text" },
          { key: "registered", kind: "integer" },
          { key: "started", kind: "integer" },
          { key: "submitted", kind: "integer" },
          { key: "share_submitted", kind: "share" },
          { key: "audited", kind: "integer" },
          { key: "filled_in_at_audit", kind: "integer" },
          { key: "share_filled_in_at_audit", kind: "share" },
          { key: "suppressed", kind: "flag" },
        ],
        rows: [
          [
            v.campaign.year,
            v.registered,
            v.started,
            v.submitted,
            v.shareSubmitted,
            v.audits.audited,
            v.audits.filledIn,
            v.audits.shareFilledIn,
            v.suppressed,
          ],
        ],
      },
    };
  }
  if (request.view === "adoption") {
    const v = await adoptionView(deps, campaign, population);
    const labels = catalogueLabels(locale);
    const rows = [...v.initiatives].sort(
      (a, b) => (labels.order.get(a.initiativeId) ?? 0) - (labels.order.get(b.initiativeId) ?? 0),
    );
    return {
      ...one,
      table: {
        columns: [
          { key: "year", kind: "text" },
          { key: "initiative_id", kind: "text" },
          { key: "initiative", kind: "text" },
          { key: "theme", kind: "text" },
          { key: "farms", kind: "integer" },
          { key: "rate", kind: "share" },
          { key: "previous_rate", kind: "share" },
        ],
        rows: rows.map((i) => [
          v.campaign.year,
          i.initiativeId,
          labels.initiative(i.initiativeId),
          labels.theme(i.theme),
          i.farms,
          i.rate,
          i.previousRate,
        ]),
      },
    };
  }
  if (request.view === "distribution") {
    const v = await distributionView(deps, campaign, population);
    return {
      ...one,
      table: {
        columns: [
          { key: "year", kind: "text" },
          { key: "initiatives_from", kind: "integer" },
          { key: "initiatives_to", kind: "integer" },
          { key: "farms", kind: "integer" },
        ],
        rows: v.bins.map((b) => [v.campaign.year, b.from, b.to, b.farms]),
      },
    };
  }
  const v = await breakdownView(deps, campaign, population, request.by ?? "region", locale);
  return {
    ...one,
    table: {
      columns: [
        { key: "year", kind: "text" },
        { key: "by", kind: "text" },
        { key: "group_id", kind: "text" },
        { key: "group", kind: "text" },
        { key: "farms", kind: "integer" },
        { key: "mean_initiatives", kind: "decimal" },
        { key: "share_with_at_least_one", kind: "share" },
        { key: "suppressed", kind: "flag" },
      ],
      rows: v.groups.map((g) => [
        v.campaign.year,
        v.by,
        g.key,
        g.label,
        g.farms,
        g.meanInitiatives,
        g.shareWithAtLeastOne,
        g.suppressed,
      ]),
    },
  };
}
