import type { SectorParticipation } from "@monitor/contract";
import { useTranslation } from "react-i18next";
import { useFormat } from "../shell/format.ts";
import { ErrorMessage } from "../shell/Status.tsx";
import { useApi } from "../shell/useApi.ts";
import { ExportLinks, SectionHeader, SuppressedNotice } from "./common.tsx";
import type { Filters } from "./filters.ts";
import { viewPath } from "./useSectorData.ts";

export function useParticipation(campaignId: number | undefined, filters: Filters) {
  return useApi<SectorParticipation>(
    campaignId === undefined ? null : viewPath("participation", filters, { campaign: campaignId }),
  );
}

export function ParticipationSection({ campaignId, filters }: { campaignId: number; filters: Filters }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, loading, reload } = useParticipation(campaignId, filters);
  return (
    <section className="card" aria-labelledby="participation-title" aria-busy={loading}>
      <SectionHeader id="participation-title" title={t("sectorDashboard.participation")} loading={loading} />
      {error && <ErrorMessage message={error.title} onRetry={reload} />}
      {data &&
        (data.suppressed ? (
          <SuppressedNotice k={data.minGroupSize} />
        ) : (
          <div className="figures">
            <div className="figure">
              <p className="label">{t("sectorDashboard.registered")}</p>
              <p className="big" data-testid="registered">
                {format.integer(data.registered)}
              </p>
            </div>
            <div className="figure">
              <p className="label">{t("sectorDashboard.started")}</p>
              <p className="big">{format.integer(data.started)}</p>
            </div>
            <div className="figure">
              <p className="label">{t("sectorDashboard.submitted")}</p>
              <p className="big" data-testid="submitted">
                {format.integer(data.submitted)}
              </p>
              <p className="muted small">
                {t("sectorDashboard.shareSubmitted", { share: format.precisePercent(data.shareSubmitted) })}
              </p>
            </div>
            <div className="figure">
              <p className="label">{t("sectorDashboard.auditedFilledIn")}</p>
              {data.audits.suppressed ? (
                <p className="muted">{t("sectorDashboard.suppressedShort", { k: data.minGroupSize })}</p>
              ) : (
                <>
                  <p className="big" data-testid="audits-filled-in">
                    {format.precisePercent(data.audits.shareFilledIn)}
                  </p>
                  <p className="muted small">
                    {t("sectorDashboard.auditsDetail", {
                      filledIn: format.integer(data.audits.filledIn),
                      audited: format.integer(data.audits.audited),
                    })}
                  </p>
                </>
              )}
            </div>
          </div>
        ))}
      <ExportLinks view="participation" filters={filters} extra={{ campaign: campaignId }} />
    </section>
  );
}
