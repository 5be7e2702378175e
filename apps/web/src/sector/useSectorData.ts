import type { Campaign, CampaignList, RoleGrant, SectorOptions } from "@monitor/contract";
import { useMemo } from "react";
import { useSession } from "../shell/session.tsx";
import { useApi } from "../shell/useApi.ts";
import { defaultCampaign, FILTER_KEYS, type Filters, optionsOf, queryOf } from "./filters.ts";

/** The campaigns, latest first. */
export const byYear = (list: CampaignList | null) =>
  [...(list?.campaigns ?? [])].sort((a, b) => b.year - a.year || b.id - a.id);

/** The campaign the URL names, or the default one. */
export const chosenCampaign = (campaigns: Campaign[], campaignId: number | null) =>
  campaigns.find((c) => c.id === campaignId) ?? defaultCampaign(campaigns);

/** The campaigns, and the one the URL names (or the default one). */
export function useCampaigns(campaignId: number | null) {
  const result = useApi<CampaignList>("/api/campaigns");
  const campaigns = useMemo(() => byYear(result.data), [result.data]);
  const selected = useMemo(() => chosenCampaign(campaigns, campaignId), [campaigns, campaignId]);
  return { ...result, campaigns, selected };
}

/**
 * The filter options, with labels in the user's language. The fragment (never sent by fetch) makes
 * the list load again when the user changes language, once the API knows the new language.
 */
export function useSectorOptions() {
  const { me } = useSession();
  return useApi<SectorOptions>(optionsPath(me?.user.locale ?? ""));
}

export const optionsPath = (locale: string) => `/api/sector/options#${locale}`;

/** The active filters as [key, label] pairs, for the report and the dashboard summary. */
export function describeFilters(filters: Filters, options: SectorOptions | null) {
  return FILTER_KEYS.filter((key) => filters[key]).map((key) => {
    const id = filters[key] as string;
    const label = optionsOf(options, key).find((o) => o.id === id)?.label ?? id;
    return { key, label };
  });
}

/** The sector-analyst grant of the user: all farms, or those of one organisation. */
export function useAnalystScope(): RoleGrant["scope"] | null {
  const { me } = useSession();
  return me?.roles.find((r) => r.role === "sector_analyst")?.scope ?? null;
}

/** The API path of a sector view with the campaign and the filters. */
export function viewPath(
  view: string,
  filters: Filters,
  extra: Record<string, string | number | null | undefined> = {},
) {
  return `/api/sector/${view}?${queryOf(filters, extra)}`;
}

/** The breakdown's path; its group labels come translated, so the fragment (never sent) names the language. */
export const breakdownPath = (filters: Filters, campaignId: number, by: string, locale: string) =>
  `${viewPath("breakdown", filters, { campaign: campaignId, by })}#${locale}`;
