import type { EditionDocument, Shortlist, ShortlistEntry } from "@monitor/contract";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ApiError, api, postJson } from "../api/client.ts";
import { ErrorMessage, Loading } from "../shell/Status.tsx";
import { useApi } from "../shell/useApi.ts";
import { formatNumber, useCandidateName } from "./common.tsx";

function DecisionForm({
  editionId,
  entry,
  name,
  onDone,
}: {
  editionId: number;
  entry: ShortlistEntry;
  name: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState(entry.decision ?? "shortlisted");
  const [reason, setReason] = useState(entry.reason ?? "");
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="decision-form"
      aria-label={t("awards.decisionFor", { name })}
      onSubmit={(e) => {
        e.preventDefault();
        api(`/api/awards/${editionId}/shortlist/${entry.candidateId}`, {
          method: "PUT",
          body: JSON.stringify({ decision, reason }),
        })
          .then(onDone)
          .catch((err: unknown) => setError(err instanceof ApiError ? err.title : String(err)));
      }}
    >
      <select
        aria-label={t("awards.decision")}
        value={decision}
        onChange={(e) => setDecision(e.target.value as typeof decision)}
      >
        <option value="shortlisted">{t("awards.decisions.shortlisted")}</option>
        <option value="not_shortlisted">{t("awards.decisions.not_shortlisted")}</option>
      </select>
      <input
        aria-label={t("awards.reason")}
        placeholder={t("awards.reason")}
        value={reason}
        minLength={3}
        maxLength={1000}
        required
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit">{t("awards.decide")}</button>
      {error && (
        <span className="alert" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}

/** The printable list for the farm visits: the shortlisted candidates (all, when none is decided yet). */
function PrintView({ list, nameOf }: { list: Shortlist; nameOf: (n: string) => string }) {
  const { t, i18n } = useTranslation();
  const shortlisted = list.candidates.filter((c) => c.decision === "shortlisted");
  const rows = shortlisted.length ? shortlisted : list.candidates;
  return (
    <section className="print-view" aria-labelledby="print-title">
      <h2 id="print-title">{t("awards.printTitle")}</h2>
      <p className="no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t("awards.printNow")}
        </button>
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("awards.candidate")}</th>
            <th scope="col">{t("awards.identity")}</th>
            <th scope="col">{t("awards.category")}</th>
            <th scope="col" className="num">
              {t("awards.score")}
            </th>
            <th scope="col" className="num">
              {t("awards.mean")}
            </th>
            <th scope="col">{t("awards.reason")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.candidateId}>
              <td>{nameOf(c.displayName)}</td>
              <td>
                {c.identity
                  ? `${c.identity.name}, ${c.identity.herdNumber}, ${c.identity.province}`
                  : t(`regions.${c.region}`)}
              </td>
              <td>{c.categories.map((k) => t(`awards.categories.${k}`)).join(", ")}</td>
              <td className="num">{formatNumber(c.score, i18n.language)}</td>
              <td className="num">{formatNumber(c.jury.mean, i18n.language)}</td>
              <td>{c.reason ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export default function ShortlistPage({
  document,
  onChange,
}: {
  document: EditionDocument;
  onChange: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const editionId = document.edition.id;
  const { data, error, loading, reload } = useApi<Shortlist>(`/api/awards/${editionId}/shortlist`);
  const [closeError, setCloseError] = useState<string | null>(null);
  const nameOf = useCandidateName(
    data ? data.closedAt === null && document.edition.blind : document.edition.blind,
  );
  if (loading && !data) return <Loading />;
  if (error || !data) return <ErrorMessage message={error?.title} onRetry={reload} />;
  if (params.get("print")) return <PrintView list={data} nameOf={nameOf} />;
  const close = () => {
    if (!window.confirm(t("awards.closeConfirm"))) return;
    postJson(`/api/awards/${editionId}/shortlist/close`, {})
      .then(onChange)
      .catch((err: unknown) => setCloseError(err instanceof ApiError ? err.title : String(err)));
  };
  const exportHref = (format: string) => `/api/awards/${editionId}/shortlist/export?format=${format}`;
  return (
    <section aria-labelledby="shortlist">
      <h2 id="shortlist">{t("awards.shortlist")}</h2>
      {data.closedAt && (
        <p className="notice">
          {t("awards.closedOn", { date: new Date(data.closedAt).toLocaleDateString(i18n.language) })}
        </p>
      )}
      <p className="export-links">
        <span className="muted small">{t("awards.export")}</span>{" "}
        <a className="button" href={exportHref("csv")} download data-testid="export-csv">
          CSV
        </a>{" "}
        <a className="button" href={exportHref("xlsx")} download data-testid="export-xlsx">
          Excel
        </a>{" "}
        <Link className="button" to="?print=1">
          {t("awards.print")}
        </Link>
      </p>
      <div className="table-scroll">
        <table className="shortlist">
          <thead>
            <tr>
              <th scope="col">{t("awards.candidate")}</th>
              <th scope="col" className="num">
                {t("awards.score")}
              </th>
              <th scope="col" className="num">
                {t("awards.jurors")}
              </th>
              <th scope="col" className="num">
                {t("awards.mean")}
              </th>
              <th scope="col" className="num">
                {t("awards.spread")}
              </th>
              <th scope="col">{t("awards.decision")}</th>
            </tr>
          </thead>
          <tbody>
            {data.candidates.map((c) => (
              <tr key={c.candidateId} data-testid="shortlist-row">
                <td>
                  <Link to={`/jury/${editionId}/candidates/${c.candidateId}`}>{nameOf(c.displayName)}</Link>
                </td>
                <td className="num">{formatNumber(c.score, i18n.language)}</td>
                <td className="num">{c.jury.count}</td>
                <td className="num">{formatNumber(c.jury.mean, i18n.language)}</td>
                <td className="num">{formatNumber(c.jury.spread, i18n.language)}</td>
                <td>
                  <span className={`badge badge-decision-${c.decision ?? "none"}`} data-testid="decision">
                    {t(`awards.decisions.${c.decision ?? "none"}`)}
                  </span>
                  {c.reason && <span className="muted small"> {c.reason}</span>}
                  {data.canDecide && (
                    <details className="decide">
                      <summary>{t("awards.decide")}</summary>
                      <DecisionForm
                        editionId={editionId}
                        entry={c}
                        name={nameOf(c.displayName)}
                        onDone={reload}
                      />
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.canDecide && (
        <p>
          <button type="button" onClick={close}>
            {t("awards.closeShortlist")}
          </button>
        </p>
      )}
      {closeError && (
        <p className="alert" role="alert">
          {closeError}
        </p>
      )}
    </section>
  );
}
