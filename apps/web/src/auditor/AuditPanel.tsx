import type { AuditList, AuditResult } from "@monitor/contract";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, postJson } from "../api/client.ts";
import { ErrorMessage, Loading } from "../shell/Status.tsx";
import { useApi } from "../shell/useApi.ts";
import "./strings.ts";
import { useFormat } from "../shell/format.ts";

const RESULTS: AuditResult[] = ["compliant", "findings", "non_compliant"];
const today = () => new Date().toISOString().slice(0, 10);

/** A farm's audits, and the form the auditor records one with (date, kind, result, note, next audit). */
export function AuditPanel({ farmId }: { farmId: string }) {
  const { t } = useTranslation();
  const audits = useApi<AuditList>(`/api/farms/${farmId}/audits`);
  const [auditedOn, setAuditedOn] = useState(today);
  const [kind, setKind] = useState<"periodic" | "unannounced">("periodic");
  const [result, setResult] = useState<AuditResult>("compliant");
  const [note, setNote] = useState("");
  const [nextAuditOn, setNextAuditOn] = useState("");
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const { day } = useFormat();

  async function record(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      await postJson(`/api/farms/${farmId}/audits`, {
        auditedOn,
        kind,
        result,
        note,
        ...(nextAuditOn ? { nextAuditOn } : {}),
      });
      setMessage({ text: t("auditing.recorded"), error: false });
      setNote("");
      audits.reload();
    } catch (error) {
      setMessage({ text: error instanceof ApiError ? error.title : t("common.error"), error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card">
      <h2>{t("auditing.audits")}</h2>
      {audits.loading && <Loading />}
      {audits.error && <ErrorMessage message={audits.error.title} onRetry={audits.reload} />}
      {audits.data && (
        <>
          <p>
            {t("auditing.nextAudit")}: {day(audits.data.nextAuditOn)}
          </p>
          {audits.data.audits.length ? (
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("auditing.auditedOn")}</th>
                    <th scope="col">{t("auditing.kind")}</th>
                    <th scope="col">{t("auditing.result")}</th>
                    <th scope="col">{t("auditing.note")}</th>
                    <th scope="col">{t("auditing.recordedBy")}</th>
                  </tr>
                </thead>
                <tbody>
                  {audits.data.audits.map((a) => (
                    <tr key={a.id}>
                      <td>{day(a.auditedOn)}</td>
                      <td>{t(`auditing.kinds.${a.kind}`)}</td>
                      <td>{a.result ? t(`auditing.results.${a.result}`) : "—"}</td>
                      <td>{a.note ?? ""}</td>
                      <td>{a.recordedBy ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="muted">{t("auditing.noAudits")}</p>
          )}
        </>
      )}
      <h3>{t("auditing.record")}</h3>
      <form className="search" onSubmit={record}>
        <label>
          {t("auditing.auditedOn")}
          <input
            type="date"
            required
            max={today()}
            value={auditedOn}
            onChange={(e) => setAuditedOn(e.target.value)}
          />
        </label>
        <label>
          {t("auditing.kind")}
          <select value={kind} onChange={(e) => setKind(e.target.value as "periodic" | "unannounced")}>
            <option value="periodic">{t("auditing.kinds.periodic")}</option>
            <option value="unannounced">{t("auditing.kinds.unannounced")}</option>
          </select>
        </label>
        <label>
          {t("auditing.result")}
          <select value={result} onChange={(e) => setResult(e.target.value as AuditResult)}>
            {RESULTS.map((r) => (
              <option key={r} value={r}>
                {t(`auditing.results.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("auditing.note")}
          <textarea maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <label>
          {t("auditing.setNextAudit")}
          <input type="date" value={nextAuditOn} onChange={(e) => setNextAuditOn(e.target.value)} />
        </label>
        {message && (
          <p className={message.error ? "alert" : "notice"} role={message.error ? "alert" : "status"}>
            {message.text}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t("auditing.save")}
        </button>
      </form>
    </section>
  );
}
