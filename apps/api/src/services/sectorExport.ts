import type { SectorView } from "@monitor/contract";
import type { AppDeps } from "../env.ts";
import { catalogueLabels, type Table } from "../export/sectorExport.ts";
import type { Locale } from "../i18n/locale.ts";
import type { Population } from "../repositories/population.ts";
import type { BreakdownBy } from "../repositories/statistics.ts";
import { campaignOrLatest } from "./campaigns.ts";
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

/** One sector view as a table with fixed columns, for a file export; labels in the export's language. */
export async function exportTable(
  deps: AppDeps,
  population: Population,
  request: ExportRequest,
  locale: Locale,
): Promise<Table> {
  if (request.view === "trend") {
    const view = await trendView(deps, population);
    return {
      columns: [
        "year",
        "questionnaire_version",
        "farms",
        "mean_initiatives",
        "median_initiatives",
        "share_with_at_least_one",
        "comparable_mean",
        "comparable_share_with_at_least_one",
        "suppressed",
      ],
      rows: view.points.map((x) => [
        x.year,
        x.surveyVersion,
        x.farms,
        x.meanInitiatives,
        x.medianInitiatives,
        x.shareWithAtLeastOne,
        x.comparableMean,
        x.comparableShareWithAtLeastOne,
        x.suppressed,
      ]),
    };
  }
  const campaign = await campaignOrLatest(deps, request.campaign);
  if (request.view === "participation") {
    const v = await participationView(deps, campaign, population);
    return {
      columns: [
        "year",
        "registered",
        "started",
        "submitted",
        "share_submitted",
        "audited",
        "filled_in_at_audit",
        "share_filled_in_at_audit",
        "suppressed",
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
    };
  }
  if (request.view === "adoption") {
    const v = await adoptionView(deps, campaign, population);
    const labels = catalogueLabels(locale);
    const rows = [...v.initiatives].sort(
      (a, b) => (labels.order.get(a.initiativeId) ?? 0) - (labels.order.get(b.initiativeId) ?? 0),
    );
    return {
      columns: ["year", "initiative_id", "initiative", "theme", "farms", "rate", "previous_rate"],
      rows: rows.map((i) => [
        v.campaign.year,
        i.initiativeId,
        labels.initiative(i.initiativeId),
        labels.theme(i.theme),
        i.farms,
        i.rate,
        i.previousRate,
      ]),
    };
  }
  if (request.view === "distribution") {
    const v = await distributionView(deps, campaign, population);
    return {
      columns: ["year", "initiatives_from", "initiatives_to", "farms"],
      rows: v.bins.map((b) => [v.campaign.year, b.from, b.to, b.farms]),
    };
  }
  const v = await breakdownView(deps, campaign, population, request.by ?? "region", locale);
  return {
    columns: [
      "year",
      "by",
      "group_id",
      "group",
      "farms",
      "mean_initiatives",
      "share_with_at_least_one",
      "suppressed",
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
  };
}
