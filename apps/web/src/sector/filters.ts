import type { BreakdownBy, Campaign, SectorOption, SectorOptions, SectorView } from "@monitor/contract";
import {
  type AttributeFilter,
  FARM_ATTRIBUTE_NAMES,
  type FarmAttributeName,
  farmAttribute,
} from "@monitor/domain";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

/**
 * The farm attributes every sector view accepts, from the farm-attribute table; the URL uses the
 * API's parameter names (the attribute names).
 */
export const FILTER_KEYS: readonly FarmAttributeName[] = FARM_ATTRIBUTE_NAMES;
export type FilterKey = FarmAttributeName;
export type Filters = AttributeFilter;

/** What a breakdown can group by: every farm attribute. */
export const BREAKDOWN_BY: BreakdownBy[] = [...FARM_ATTRIBUTE_NAMES];

/** The translation key of each filter's name. */
export const FILTER_LABEL = Object.fromEntries(
  FILTER_KEYS.map((key) => [key, farmAttribute(key).labelKey]),
) as Record<FilterKey, string>;

/** The values offered for one filter, from the filter options the API gives (one list per attribute). */
export function optionsOf(options: SectorOptions | null, key: FilterKey): SectorOption[] {
  return options?.[farmAttribute(key).optionList] ?? [];
}

export type ExportView = SectorView;

/**
 * The campaign shown when none is chosen: the latest one that has closed (the current year's campaign
 * is still open and has few submissions), else the latest that has opened, else the latest.
 */
export function defaultCampaign(campaigns: Campaign[], now = new Date()): Campaign | undefined {
  const at = now.toISOString();
  const byYear = [...campaigns].sort((a, b) => b.year - a.year || b.id - a.id);
  return byYear.find((c) => !c.open && c.closesAt <= at) ?? byYear.find((c) => c.opensAt <= at) ?? byYear[0];
}

/** The filters, the campaign asked for and the breakdown's grouping, as the address states them. */
export function readQuery(params: URLSearchParams) {
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const campaignParam = params.get("campaign");
  const campaignId = campaignParam && /^\d+$/.test(campaignParam) ? Number(campaignParam) : null;
  const byParam = params.get("by");
  const by: BreakdownBy = BREAKDOWN_BY.includes(byParam as BreakdownBy) ? (byParam as BreakdownBy) : "region";
  return { filters, campaignId, by };
}

/** The dashboard state, kept in the URL query string so that a view can be shared and reloaded. */
export function useSectorQuery() {
  const [params, setParams] = useSearchParams();
  const { filters, campaignId, by } = useMemo(() => readQuery(params), [params]);

  const update = useCallback(
    (changes: Record<string, string | null>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        // a history entry per change, so that Back undoes a filter
      );
    },
    [setParams],
  );

  const reset = useCallback(() => {
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const key of FILTER_KEYS) next.delete(key);
      return next;
    });
  }, [setParams]);

  return { filters, campaignId, by, update, reset, search: params.toString() };
}

/** Query string for the API: the filters plus any extra parameters (campaign, by). */
export function queryOf(filters: Filters, extra: Record<string, string | number | null | undefined> = {}) {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(extra))
    if (value !== null && value !== undefined) out.set(key, String(value));
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) out.set(key, value);
  }
  return out.toString();
}

/** Link to a file export of one view, carrying the filters and the user's language. */
export function useExportHref() {
  const { i18n } = useTranslation();
  return useCallback(
    (
      view: ExportView,
      format: "csv" | "xlsx",
      filters: Filters,
      extra: Record<string, string | number | null | undefined> = {},
    ) => `/api/sector/export?${queryOf(filters, { view, format, lang: i18n.language, ...extra })}`,
    [i18n.language],
  );
}
