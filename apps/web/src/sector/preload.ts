import type { CampaignList } from "@monitor/contract";
import { currentLocale } from "../i18n/index.ts";
import { preload } from "../shell/useApi.ts";
import { readQuery } from "./filters.ts";
import { breakdownPath, byYear, chosenCampaign, optionsPath, viewPath } from "./useSectorData.ts";

/**
 * The dashboard's requests, started when the area's code arrives (beside the session check) instead
 * of when the dashboard first renders; its sections take the answers from the shared requests.
 * The language is the one the session last set, as the dashboard's own paths name it.
 */
export function preloadDashboard(location: Location) {
  if (!/^\/sector\/?$/.test(location.pathname)) return;
  const { filters, campaignId, by } = readQuery(new URLSearchParams(location.search));
  const locale = currentLocale();
  void preload(viewPath("trend", filters)).catch(() => undefined);
  void preload(optionsPath(locale)).catch(() => undefined);
  void preload<CampaignList>("/api/campaigns")
    .then((list) => {
      const campaign = chosenCampaign(byYear(list), campaignId)?.id;
      if (campaign === undefined) return;
      for (const view of ["participation", "adoption", "distribution"])
        void preload(viewPath(view, filters, { campaign })).catch(() => undefined);
      void preload(breakdownPath(filters, campaign, by, locale)).catch(() => undefined);
      void preload("/api/surveys/catalogue").catch(() => undefined);
    })
    .catch(() => undefined);
}
