import type { AuditLogPage as LogPage } from "@monitor/contract";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage, Loading } from "../shell/Status.tsx";
import { useApi } from "../shell/useApi.ts";

const FIELDS = ["action", "actor", "farm", "from", "to"] as const;
type Filter = Record<(typeof FIELDS)[number], string>;
const EMPTY: Filter = { action: "", actor: "", farm: "", from: "", to: "" };

/** The audit log filtered by action, actor, farm and period, newest first; the same filter as CSV. */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Filter>(EMPTY);
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v.trim() !== ""));
  const { data, error, loading, reload } = useApi<LogPage>(`/api/admin/audit-log?limit=100&${query}`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilter(draft);
  };
  return (
    <div>
      <form className="search" onSubmit={submit}>
        {FIELDS.map((field) => (
          <label key={field}>
            {t(`administration.${field}`)}
            <input
              type={field === "from" || field === "to" ? "date" : "text"}
              value={draft[field]}
              onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
            />
          </label>
        ))}
        <button type="submit">{t("administration.filter")}</button>
        <a className="button" href={`/api/admin/audit-log/export?${query}`} download>
          {t("administration.exportCsv")}
        </a>
      </form>
      {loading && <Loading />}
      {error && <ErrorMessage message={error.title} onRetry={reload} />}
      {data && (
        <>
          <p className="muted">{t("administration.entries", { count: data.total })}</p>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("admin.at")}</th>
                  <th scope="col">{t("admin.who")}</th>
                  <th scope="col">{t("admin.action")}</th>
                  <th scope="col">{t("admin.record")}</th>
                </tr>
              </thead>
              <tbody>
                {data.entries.map((e) => (
                  <tr key={e.id}>
                    <td>{new Date(e.at).toLocaleString(i18n.language)}</td>
                    <td>{e.actor ?? "—"}</td>
                    <td>{e.action}</td>
                    <td>{e.target ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
