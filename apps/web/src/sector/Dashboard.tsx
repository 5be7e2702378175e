import type { SectorOptions, SectorTrend } from "@monitor/contract";
import { lazy, Suspense, startTransition, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../shell/format.ts";
import { ErrorMessage, Loading } from "../shell/Status.tsx";
import { useApi } from "../shell/useApi.ts";
import { ExportLinks, SectionHeader } from "./common.tsx";
import { FILTER_LABEL, FilterBar } from "./FilterBar.tsx";
import { type Filters, useSectorQuery } from "./filters.ts";
import { ParticipationSection } from "./ParticipationSection.tsx";
import {
  describeFilters,
  useAnalystScope,
  useCampaigns,
  useSectorOptions,
  viewPath,
} from "./useSectorData.ts";

// The charts (recharts) load after the headline figures: the first figure does not wait for them.
const TrendChart = lazy(() => import("./TrendSection.tsx").then((m) => ({ default: m.TrendChart })));
const AdoptionSection = lazy(() =>
  import("./AdoptionSection.tsx").then((m) => ({ default: m.AdoptionSection })),
);
const DistributionSection = lazy(() =>
  import("./DistributionSection.tsx").then((m) => ({ default: m.DistributionSection })),
);
const BreakdownSection = lazy(() =>
  import("./BreakdownSection.tsx").then((m) => ({ default: m.BreakdownSection })),
);

/** "All farms" or "Suppliers of Milcobel": whom this user's figures are about. */
export function PopulationLine({ options, filters }: { options: SectorOptions | null; filters: Filters }) {
  const { t } = useTranslation();
  const scope = useAnalystScope();
  const organisation =
    scope?.type === "dairy_buyer"
      ? (options?.dairyBuyers.find((o) => o.id === scope.id)?.label ?? scope.id)
      : scope?.type === "certification_body"
        ? (options?.certificationBodies.find((o) => o.id === scope.id)?.label ?? scope.id)
        : null;
  const base =
    scope?.type === "dairy_buyer"
      ? t("sector.scope_dairy_buyer", { id: organisation })
      : scope?.type === "certification_body"
        ? t("sector.scope_certification_body", { id: organisation })
        : t("sector.scope_all");
  const active = describeFilters(filters, options);
  return (
    <p className="population" data-testid="population">
      <strong>{t("sector.population")}:</strong> {base}
      {active.map((f) => (
        <span key={f.key} className="chip">
          {t(FILTER_LABEL[f.key])}: {f.label}
        </span>
      ))}
    </p>
  );
}

/**
 * The headline figures of the latest closed campaign, from the trend alone: the first request the
 * dashboard makes, so they show before the campaign list and the charts.
 */
function Headline({ trend }: { trend: SectorTrend | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const point = trend?.points.filter((p) => !p.provisional && !p.suppressed).at(-1);
  if (!point) return null;
  return (
    <section className="card figures" aria-label={t("sectorHonest.headline", { year: point.year })}>
      <p className="label">{t("sectorHonest.headline", { year: point.year })}</p>
      <div className="figure">
        <p className="big" data-testid="headline-figure">
          {format.number(point.meanInitiatives)}
        </p>
        <p className="muted small">{t("sectorHonest.meanInitiatives")}</p>
      </div>
      <div className="figure">
        <p className="big">{format.percent(point.shareWithAtLeastOne)}</p>
        <p className="muted small">{t("sectorHonest.atLeastOne")}</p>
      </div>
    </section>
  );
}

function TrendSection({
  filters,
  trend,
}: {
  filters: Filters;
  trend: ReturnType<typeof useApi<SectorTrend>>;
}) {
  const { t } = useTranslation();
  const { data, error, loading, reload } = trend;
  return (
    <section className="card" aria-labelledby="trend-title" aria-busy={loading}>
      <SectionHeader id="trend-title" title={t("sectorDashboard.trend")} loading={loading} />
      {error && <ErrorMessage message={error.title} onRetry={reload} />}
      {data && (
        <Suspense fallback={<Loading />}>
          <TrendChart trend={data} />
        </Suspense>
      )}
      <ExportLinks view="trend" filters={filters} />
    </section>
  );
}

export function Dashboard() {
  const { t } = useTranslation();
  const query = useSectorQuery();
  const { filters } = query;
  const campaigns = useCampaigns(query.campaignId);
  const options = useSectorOptions();
  const trend = useApi<SectorTrend>(viewPath("trend", filters));
  const campaign = campaigns.selected;
  const k = trend.data?.minGroupSize;
  // The sections below the headline render after its first paint, in a render that yields to it.
  const [below, setBelow] = useState(false);
  useEffect(() => startTransition(() => setBelow(true)), []);

  return (
    <div className="page sector">
      <div className="page-head">
        <h1>{t("sector.title")}</h1>
        <Link className="button" to={`/sector/report${query.search ? `?${query.search}` : ""}`}>
          {t("sectorDashboard.openReport")}
        </Link>
      </div>
      {k !== undefined && (
        <>
          <p className="lead">{t("sector.intro", { k })}</p>
          <details className="protection">
            <summary>{t("sectorDashboard.protectionTitle")}</summary>
            <p>{t("sectorDashboard.protectionBody", { k })}</p>
          </details>
        </>
      )}
      {options.error && <ErrorMessage message={options.error.title} onRetry={options.reload} />}
      <FilterBar
        campaigns={campaigns.campaigns}
        campaign={campaign}
        options={options.data}
        filters={filters}
        onChange={query.update}
        onReset={query.reset}
      />
      <PopulationLine options={options.data} filters={filters} />
      <Headline trend={trend.data} />
      {(campaigns.loading || !below) && <Loading />}
      {campaigns.error && <ErrorMessage message={campaigns.error.title} onRetry={campaigns.reload} />}
      {campaigns.data && !campaign && <p className="muted">{t("farmer.noCampaign")}</p>}
      {below && campaign && <ParticipationSection campaignId={campaign.id} filters={filters} />}
      {below && <TrendSection filters={filters} trend={trend} />}
      {below && campaign && (
        <Suspense fallback={<Loading />}>
          <AdoptionSection campaignId={campaign.id} filters={filters} k={k} />
          <DistributionSection campaignId={campaign.id} filters={filters} k={k} />
          <BreakdownSection
            campaignId={campaign.id}
            filters={filters}
            by={query.by}
            onBy={(by) => query.update({ by })}
            k={k}
          />
        </Suspense>
      )}
    </div>
  );
}
