import type { SessionInfo, SessionList } from "@monitor/contract";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ApiError, postJson } from "../api/client.ts";
import { ErrorMessage, Loading } from "./Status.tsx";
import { useSession } from "./session.tsx";
import { useApi } from "./useApi.ts";

const deviceName = (s: SessionInfo, unknown: string) =>
  [s.browser, s.os].filter(Boolean).join(" · ") || unknown;

/** The user's own sessions (device, since, last seen) and "log out everywhere". */
export function SessionsPage() {
  const { t, i18n } = useTranslation();
  const { logout } = useSession();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useApi<SessionList>("/api/me/sessions");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);

  const logOutEverywhere = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await postJson("/api/me/sessions/logout-all", {});
      await logout();
      navigate("/login");
    } catch (e) {
      setFailure(e instanceof ApiError ? e.title : String(e));
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <h1>{t("account.sessions")}</h1>
      <p className="lead">{t("account.intro")}</p>
      {loading && <Loading />}
      {(error || (!loading && !data)) && <ErrorMessage message={error?.title} onRetry={reload} />}
      {data && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("account.device")}</th>
                <th scope="col">{t("account.since")}</th>
                <th scope="col">{t("account.lastSeen")}</th>
              </tr>
            </thead>
            <tbody>
              {data.sessions.map((s) => (
                <tr key={s.id}>
                  <td>
                    {deviceName(s, t("account.unknownDevice"))}
                    {s.current && <strong> ({t("account.thisDevice")})</strong>}
                  </td>
                  <td>{when(s.createdAt)}</td>
                  <td>{when(s.lastSeenAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {failure && <ErrorMessage message={failure} />}
      <button type="button" className="primary" disabled={busy} onClick={() => void logOutEverywhere()}>
        {t("account.logoutEverywhere")}
      </button>
    </div>
  );
}
