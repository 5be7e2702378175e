import type { FarmMonitorList, FarmResponse } from "@monitor/contract";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError, postJson } from "../api/client.ts";
import { ErrorMessage, Loading } from "./Status.tsx";
import { useApi } from "./useApi.ts";

/**
 * One farm's monitors as an auditor or administrator checks them: status per campaign, the receipt
 * of what was declared, and for administrators the logged reopening of a submitted monitor.
 */
export function FarmMonitors({ area, canReopen }: { area: "auditor" | "admin"; canReopen: boolean }) {
  const { t, i18n } = useTranslation();
  const { farmId = "" } = useParams();
  const farm = useApi<FarmResponse>(`/api/farms/${farmId}`);
  const monitors = useApi<FarmMonitorList>(`/api/farms/${farmId}/monitors`);
  const [message, setMessage] = useState<string | null>(null);
  if (farm.loading || monitors.loading) return <Loading />;
  if (farm.error || !farm.data) return <ErrorMessage message={farm.error?.title} onRetry={farm.reload} />;
  if (monitors.error || !monitors.data) return <ErrorMessage message={monitors.error?.title} />;

  async function reopen(responseId: number) {
    const reason = window.prompt(t("admin.reopenReason"));
    if (!reason) return;
    try {
      await postJson(`/api/admin/responses/${responseId}/reopen`, { reason });
      setMessage(t("admin.reopened"));
      monitors.reload();
    } catch (error) {
      setMessage(error instanceof ApiError ? error.title : t("common.error"));
    }
  }

  const f = farm.data.farm;
  return (
    <div className="page">
      <p>
        <Link to={`/${area}${area === "admin" ? "/farms" : ""}`}>{t("common.previous")}</Link>
      </p>
      <h2>
        {f.name} · {f.herdNumber}
      </h2>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("farmer.campaign")}</th>
              <th scope="col">{t("farmer.status")}</th>
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
            {[...monitors.data.monitors].reverse().map((m) => (
              <tr key={m.campaign.id}>
                <td>{m.campaign.year}</td>
                <td>
                  <span className={`badge badge-${m.status}`}>{t(`farmer.statuses.${m.status}`)}</span>
                </td>
                <td>{m.submittedAt ? new Date(m.submittedAt).toLocaleDateString(i18n.language) : "—"}</td>
                <td className="num">{m.initiatives ?? "—"}</td>
                <td className="links">
                  {m.status === "submitted" && (
                    <Link to={`/${area}/farms/${f.id}/receipt/${m.campaign.id}`}>
                      {t("farmer.viewReceipt")}
                    </Link>
                  )}
                  {canReopen && m.campaign.open && m.status === "submitted" && m.responseId !== null && (
                    <button type="button" onClick={() => void reopen(m.responseId as number)}>
                      {t("admin.reopen")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
