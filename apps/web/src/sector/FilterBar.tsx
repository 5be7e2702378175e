import type { Campaign, SectorOptions } from "@monitor/contract";
import { MAX_VIEW_ATTRIBUTES, viewAttributeCount } from "@monitor/domain";
import { useTranslation } from "react-i18next";
import { SelectField } from "./common.tsx";
import { FILTER_KEYS, FILTER_LABEL, type Filters, optionsOf } from "./filters.ts";

export { FILTER_LABEL } from "./filters.ts";

export function FilterBar({
  campaigns,
  campaign,
  options,
  filters,
  onChange,
  onReset,
}: {
  campaigns: Campaign[];
  campaign: Campaign | undefined;
  options: SectorOptions | null;
  filters: Filters;
  onChange: (changes: Record<string, string | null>) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const used = FILTER_KEYS.filter((key) => filters[key]);
  const active = used.length > 0;
  // A view narrows by at most two attributes: the others wait until one is cleared.
  const allowed = (key: (typeof FILTER_KEYS)[number]) =>
    used.includes(key) || viewAttributeCount([...used, key]) <= MAX_VIEW_ATTRIBUTES;
  const atLimit = FILTER_KEYS.some((key) => !allowed(key));
  return (
    <form
      className="filter-bar card no-print"
      aria-label={t("sectorDashboard.filters")}
      onSubmit={(e) => e.preventDefault()}
    >
      <SelectField
        label={t("sectorDashboard.campaign")}
        name="campaign"
        value={campaign?.id ?? ""}
        onChange={(e) => onChange({ campaign: e.target.value })}
        disabled={!campaigns.length}
      >
        {campaigns.map((c) => (
          <option key={c.id} value={c.id}>
            {c.open ? t("sectorDashboard.campaignOpen", { year: c.year }) : c.year}
          </option>
        ))}
      </SelectField>
      {FILTER_KEYS.map((key) => {
        const list = optionsOf(options, key);
        const value = filters[key] ?? "";
        return (
          <SelectField
            key={key}
            label={t(FILTER_LABEL[key])}
            name={key}
            value={value}
            onChange={(e) => onChange({ [key]: e.target.value || null })}
            disabled={!options || !allowed(key)}
          >
            <option value="">{t("sectorDashboard.all")}</option>
            {/* A value from a shared link that is not (or no longer) offered stays visible. */}
            {value && !list.some((o) => o.id === value) && <option value={value}>{value}</option>}
            {list.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </SelectField>
        );
      })}
      {atLimit && <p className="muted filter-limit">{t("sectorDashboard.filterLimit")}</p>}
      <div className="filter-actions">
        <button type="button" onClick={onReset} disabled={!active}>
          {t("sectorDashboard.reset")}
        </button>
      </div>
    </form>
  );
}
