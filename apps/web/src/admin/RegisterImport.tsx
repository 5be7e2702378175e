import type { RegisterImport as ImportResult } from "@monitor/contract";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../api/client.ts";

const send = (csv: string, dryRun: boolean) =>
  api<ImportResult>(`/api/admin/register/import${dryRun ? "?dryRun=true" : ""}`, {
    method: "POST",
    headers: { "content-type": "text/csv; charset=utf-8" },
    body: csv,
  });

/** The farm register from a CSV file: a preview of what would change, then all of it or nothing. */
export function RegisterImport() {
  const { t } = useTranslation();
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(dryRun: boolean) {
    if (csv === null) return;
    setBusy(true);
    setMessage(null);
    try {
      const result = await send(csv, dryRun);
      setPreview(result);
      if (result.applied) setMessage({ text: t("administration.applied"), error: false });
    } catch (e) {
      setMessage({ text: e instanceof ApiError ? e.title : t("common.error"), error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card">
      <h2>{t("administration.register")}</h2>
      <p className="muted">{t("administration.registerIntro")}</p>
      <div className="search">
        <label>
          {t("administration.file")}
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              setPreview(null);
              setMessage(null);
              setCsv(file ? await file.text() : null);
            }}
          />
        </label>
        <button type="button" disabled={csv === null || busy} onClick={() => void run(true)}>
          {t("administration.preview")}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!preview || preview.applied || preview.errors.length > 0 || busy}
          onClick={() => void run(false)}
        >
          {t("administration.apply")}
        </button>
      </div>
      {message && (
        <p className={message.error ? "alert" : "notice"} role={message.error ? "alert" : "status"}>
          {message.text}
        </p>
      )}
      {preview && <Preview result={preview} />}
    </section>
  );
}

function Preview({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const value = (v: string | number | boolean | null) => (v === null ? "—" : String(v));
  return (
    <div>
      {result.errors.length > 0 && (
        <>
          <h3>{t("administration.errors")}</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("administration.line")}</th>
                <th scope="col">{t("administration.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {result.errors.map((e) => (
                <tr key={`${e.line}${e.reason}`}>
                  <td className="num">{e.line}</td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h3>{t("administration.adds", { count: result.adds.length })}</h3>
      <ul>
        {result.adds.map((a) => (
          <li key={a.line}>
            {t("administration.line")} {a.line}: {a.herdNumber} {a.name}
          </li>
        ))}
      </ul>
      <h3>{t("administration.changes", { count: result.changes.length })}</h3>
      {result.changes.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("administration.line")}</th>
                <th scope="col">{t("administration.herdNumber")}</th>
                <th scope="col">{t("administration.field")}</th>
                <th scope="col">{t("administration.before")}</th>
                <th scope="col">{t("administration.after")}</th>
              </tr>
            </thead>
            <tbody>
              {result.changes.map((c) => (
                <tr key={`${c.line}${c.field}`}>
                  <td className="num">{c.line}</td>
                  <td>{c.herdNumber}</td>
                  <td>{t(`administration.fields.${c.field}`)}</td>
                  <td>{value(c.from)}</td>
                  <td>{value(c.to)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t("administration.stops", { count: result.stops.length })}</h3>
      <ul>
        {result.stops.map((s) => (
          <li key={s.line}>
            {t("administration.line")} {s.line}: {s.herdNumber} {s.name}
          </li>
        ))}
      </ul>
      <p className="muted">{t("administration.unchanged", { count: result.unchanged })}</p>
    </div>
  );
}
