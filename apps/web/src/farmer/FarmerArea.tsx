import type { Farm, FarmMonitorList, FarmMonitorSummary, FarmResponse } from "@monitor/contract";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, Route, Routes } from "react-router";
import { AwardCalls } from "../awards/AwardCalls.tsx";
import { useFormat } from "../shell/format.ts";
import { ErrorMessage, Loading } from "../shell/Status.tsx";
import { useSession } from "../shell/session.tsx";
import { useApi } from "../shell/useApi.ts";

// The questionnaire library and the charts load only on the pages that draw them, not on the home.
const MonitorPage = lazy(() => import("./MonitorPage.tsx"));
const ReceiptPage = lazy(() => import("./ReceiptPage.tsx").then((m) => ({ default: m.ReceiptPage })));
const ResultsPage = lazy(() => import("./ResultsPage.tsx").then((m) => ({ default: m.ResultsPage })));

function CurrentCampaign({ farm, monitors }: { farm: Farm; monitors: FarmMonitorSummary[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const current = [...monitors].reverse().find((m) => m.campaign.open) ?? monitors[monitors.length - 1];
  if (!current) return <p className="muted">{t("farmer.noCampaign")}</p>;
  const action =
    current.status === "submitted"
      ? { to: `/farmer/${farm.id}/receipt/${current.campaign.id}`, label: t("farmer.viewReceipt") }
      : {
          to: `/farmer/${farm.id}/monitor/${current.campaign.id}`,
          label: current.status === "draft" ? t("farmer.continue") : t("farmer.start"),
        };
  return (
    <section className="card campaign-card" aria-labelledby="current-campaign">
      <h2 id="current-campaign">{t("monitor.campaignTitle", { year: current.campaign.year })}</h2>
      <dl className="facts">
        <dt>{t("farmer.status")}</dt>
        <dd>
          <span className={`badge badge-${current.status}`} data-testid="monitor-status">
            {t(`farmer.statuses.${current.status}`)}
          </span>
        </dd>
        <dt>{t("farmer.deadline")}</dt>
        <dd>{format.longDay(current.campaign.closesAt)}</dd>
        <dt>{t("farmer.nextAudit")}</dt>
        <dd>{format.longDay(farm.nextAuditOn)}</dd>
        {current.initiatives !== null && (
          <>
            <dt>{t("farmer.initiatives")}</dt>
            <dd>{current.initiatives}</dd>
          </>
        )}
      </dl>
      {(current.campaign.open || current.status === "submitted") && (
        <Link className="button primary" to={action.to}>
          {action.label}
        </Link>
      )}
    </section>
  );
}

function History({ farm, monitors }: { farm: Farm; monitors: FarmMonitorSummary[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const past = monitors.filter((m) => m.status === "submitted").reverse();
  if (!past.length) return null;
  return (
    <section className="card" aria-labelledby="history">
      <h2 id="history">{t("farmer.history")}</h2>
      <div className="table-scroll">
        <table className="history-table">
          <thead>
            <tr>
              <th scope="col">{t("farmer.campaign")}</th>
              <th scope="col">{t("farmer.submittedOn")}</th>
              <th scope="col" className="num">
                {t("farmer.initiatives")}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t("farmer.viewReceipt")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {past.map((m) => (
              <tr key={m.campaign.id}>
                <td>{m.campaign.year}</td>
                <td>{format.longDay(m.submittedAt)}</td>
                <td className="num">{m.initiatives}</td>
                <td className="links">
                  <Link to={`/farmer/${farm.id}/results/${m.campaign.id}`}>{t("results.viewResults")}</Link>
                  <Link to={`/farmer/${farm.id}/receipt/${m.campaign.id}`}>{t("farmer.viewReceipt")}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function FarmOverview({ farmId }: { farmId: number }) {
  const { t } = useTranslation();
  const farm = useApi<FarmResponse>(`/api/farms/${farmId}`);
  const monitors = useApi<FarmMonitorList>(`/api/farms/${farmId}/monitors`);
  if (farm.loading || monitors.loading) return <Loading />;
  if (farm.error || !farm.data) return <ErrorMessage message={farm.error?.title} onRetry={farm.reload} />;
  if (monitors.error || !monitors.data)
    return <ErrorMessage message={monitors.error?.title} onRetry={monitors.reload} />;
  const f = farm.data.farm;
  return (
    <>
      <div className="grid">
        <CurrentCampaign farm={f} monitors={monitors.data.monitors} />
        <section className="card" aria-labelledby={`farm-${f.id}`}>
          <h2 id={`farm-${f.id}`}>{f.name}</h2>
          <dl className="facts">
            <dt>{t("farm.herdNumber")}</dt>
            <dd>{f.herdNumber}</dd>
            <dt>{t("farm.region")}</dt>
            <dd>
              {t(`regions.${f.region}`)}, {f.province}
            </dd>
            <dt>{t("farm.herdSize")}</dt>
            <dd>{f.herdSize}</dd>
          </dl>
          <p className="downloads">
            {t("farmer.download")}{" "}
            <a href={`/api/farms/${f.id}/export?format=json`} download>
              JSON
            </a>{" "}
            ·{" "}
            <a href={`/api/farms/${f.id}/export?format=csv`} download>
              CSV
            </a>
          </p>
        </section>
      </div>
      <History farm={f} monitors={monitors.data.monitors} />
      <AwardCalls farmId={f.id} />
    </>
  );
}

function FarmerHome() {
  const { t } = useTranslation();
  const { me } = useSession();
  if (!me) return null;
  return (
    <div className="page">
      <h1>{t("farmer.title", { name: me.user.name })}</h1>
      <p className="lead">{t("farmer.intro")}</p>
      {me.farms.length === 0 && <p className="alert">{t("farmer.noFarm")}</p>}
      {me.farms.map((farm) => (
        <FarmOverview key={farm.id} farmId={farm.id} />
      ))}
    </div>
  );
}

export default function FarmerArea() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route index element={<FarmerHome />} />
        <Route path=":farmId/monitor/:campaignId" element={<MonitorPage />} />
        <Route path=":farmId/receipt/:campaignId" element={<ReceiptPage />} />
        <Route path=":farmId/results/:campaignId" element={<ResultsPage />} />
      </Routes>
    </Suspense>
  );
}
