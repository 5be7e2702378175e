import type { SectorTrend } from "@monitor/contract";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../shell/format.ts";
import { ErrorMessage, Loading } from "../shell/Status.tsx";
import { useApi } from "../shell/useApi.ts";
import { ThemeAdoption, TopAndRising, useAdoption } from "./AdoptionSection.tsx";
import { SuppressedNotice } from "./common.tsx";
import { PopulationLine } from "./Dashboard.tsx";
import { useSectorQuery } from "./filters.ts";
import { useParticipation } from "./ParticipationSection.tsx";
import { TrendChart } from "./TrendSection.tsx";
import { useCampaigns, useSectorOptions, viewPath } from "./useSectorData.ts";

/** The yearly sector report: the figures of one campaign, laid out to be printed or saved as PDF. */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const query = useSectorQuery();
  const { filters } = query;
  const campaigns = useCampaigns(query.campaignId);
  const options = useSectorOptions();
  const campaign = campaigns.selected;
  const trend = useApi<SectorTrend>(viewPath("trend", filters));
  const participation = useParticipation(campaign?.id, filters);
  const adoption = useAdoption(campaign?.id, filters);

  // The smallest group a figure may cover, as the API applies it (MIN_GROUP_SIZE): every view sends it.
  const k = trend.data?.minGroupSize ?? participation.data?.minGroupSize ?? adoption.data?.minGroupSize;
  const point = trend.data?.points.find((p) => p.campaign === campaign?.id) ?? null;
  const failure = campaigns.error ?? trend.error ?? participation.error ?? adoption.error;
  const ready = campaign && trend.data && participation.data && adoption.data && k !== undefined;
  const previousYear = adoption.data?.previousCampaign?.year ?? null;

  return (
    <article className="page sector-report">
      <p className="no-print report-tools">
        <Link to={`/sector${query.search ? `?${query.search}` : ""}`}>
          {t("sectorDashboard.backToDashboard")}
        </Link>
        <button type="button" className="primary" onClick={() => window.print()}>
          {t("receipt.print")}
        </button>
      </p>
      <header>
        <h1>{t("sectorDashboard.reportTitle", { year: campaign?.year ?? "" })}</h1>
        <PopulationLine options={options.data} filters={filters} />
        {k !== undefined && (
          <p className="muted small">
            {t("sectorDashboard.reportGenerated", {
              date: new Intl.DateTimeFormat(i18n.language, { dateStyle: "long" }).format(new Date()),
              k,
            })}
          </p>
        )}
      </header>
      {failure && <ErrorMessage message={failure.title} />}
      {!failure && !ready && <Loading />}
      {ready && (
        <>
          <section className="card report-block" aria-labelledby="headline-title">
            <h2 id="headline-title">{t("sectorDashboard.headline")}</h2>
            {point?.suppressed || participation.data?.suppressed ? (
              <SuppressedNotice k={k} />
            ) : (
              <div className="figures">
                <div className="figure">
                  <p className="label">{t("sectorDashboard.farmsSubmitted")}</p>
                  <p className="big" data-testid="report-farms">
                    {format.integer(point?.farms ?? participation.data?.submitted)}
                  </p>
                </div>
                <div className="figure">
                  <p className="label">{t("sectorDashboard.participationRate")}</p>
                  <p className="big">{format.precisePercent(participation.data?.shareSubmitted)}</p>
                  <p className="muted small">
                    {participation.data?.audits.suppressed
                      ? t("sectorDashboard.suppressedShort", { k })
                      : t("sectorDashboard.auditsSentence", {
                          share: format.precisePercent(participation.data?.audits.shareFilledIn),
                          audited: format.integer(participation.data?.audits.audited),
                        })}
                  </p>
                </div>
                <div className="figure">
                  <p className="label">{t("sectorDashboard.meanInitiatives")}</p>
                  <p className="big" data-testid="report-mean">
                    {format.number(point?.meanInitiatives)}
                  </p>
                  <p className="muted small">
                    {t("sectorDashboard.medianSentence", { median: format.number(point?.medianInitiatives) })}
                  </p>
                </div>
                <div className="figure">
                  <p className="label">{t("sectorDashboard.shareAtLeastOne")}</p>
                  <p className="big">{format.percent(point?.shareWithAtLeastOne)}</p>
                </div>
              </div>
            )}
          </section>
          <section className="card report-block" aria-labelledby="report-trend-title">
            <h2 id="report-trend-title">{t("sectorDashboard.trend")}</h2>
            {trend.data && campaign && (
              // a yearly report draws no campaign later than its own year
              <TrendChart
                trend={{ ...trend.data, points: trend.data.points.filter((p) => p.year <= campaign.year) }}
              />
            )}
          </section>
          <section className="card report-block" aria-labelledby="report-adoption-title">
            <h2 id="report-adoption-title">{t("sectorDashboard.adoptionTitle")}</h2>
            {adoption.data?.suppressed ? (
              <SuppressedNotice k={k} />
            ) : (
              adoption.data && (
                <>
                  <p className="muted">
                    {previousYear === null
                      ? t("sectorDashboard.adoptionIntroNoPrevious", {
                          farms: format.integer(adoption.data.farms),
                        })
                      : t("sectorDashboard.adoptionIntro", {
                          farms: format.integer(adoption.data.farms),
                          year: previousYear,
                        })}
                  </p>
                  <TopAndRising adoption={adoption.data} />
                  <h3>{t("sectorDashboard.perTheme")}</h3>
                  <ThemeAdoption adoption={adoption.data} open />
                </>
              )
            )}
          </section>
        </>
      )}
    </article>
  );
}
