import type { CandidateDocument, EditionDocument } from "@monitor/contract";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError, api, postJson } from "../api/client.ts";
import { ErrorMessage, Loading } from "../shell/Status.tsx";
import { useApi } from "../shell/useApi.ts";
import { formatNumber, useCandidateName } from "./common.tsx";

// survey-core and survey-react-ui load only when a candidate's answers are shown.
const SurveyDisplay = lazy(() => import("./SurveyDisplay.tsx"));

function Breakdown({ document }: { document: CandidateDocument }) {
  const { t, i18n } = useTranslation();
  const n = (v: number | null) => formatNumber(v, i18n.language);
  return (
    <section className="card" aria-labelledby="breakdown">
      <h2 id="breakdown">{t("awards.breakdown")}</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("awards.theme")}</th>
              <th scope="col" className="num">
                {t("awards.initiatives")}
              </th>
              <th scope="col" className="num">
                {t("awards.weight")}
              </th>
              <th scope="col" className="num">
                {t("awards.points")}
              </th>
            </tr>
          </thead>
          <tbody>
            {document.breakdown.map((row) => (
              <tr key={row.theme}>
                <td>{t(`themes.${row.theme}`)}</td>
                <td className="num">{row.initiatives}</td>
                <td className="num">× {n(row.weight)}</td>
                <td className="num">{n(row.points)}</td>
              </tr>
            ))}
            <tr className="total">
              <th scope="row">{t("awards.score")}</th>
              <td className="num">{document.candidate.total}</td>
              <td />
              <td className="num" data-testid="breakdown-score">
                {n(document.candidate.score)}
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Benchmark({ document }: { document: CandidateDocument }) {
  const { t, i18n } = useTranslation();
  const n = (v: number | null) => (v === null ? t("awards.withheld") : formatNumber(v, i18n.language));
  const { benchmark } = document;
  return (
    <section className="card" aria-labelledby="benchmark">
      <h2 id="benchmark">{t("awards.benchmark")}</h2>
      <p className="muted small">{t("awards.percentile", { value: n(benchmark.percentile) })}</p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("awards.theme")}</th>
              <th scope="col" className="num">
                {t("awards.farm")}
              </th>
              <th scope="col" className="num">
                {t("awards.sectorMean")}
              </th>
              <th scope="col" className="num">
                {t("awards.sectorMedian")}
              </th>
            </tr>
          </thead>
          <tbody>
            {benchmark.themes.map((row) => (
              <tr key={row.theme}>
                <td>{t(`themes.${row.theme}`)}</td>
                <td className="num">{row.farm}</td>
                <td className="num">{n(row.sectorMean)}</td>
                <td className="num">{n(row.sectorMedian)}</td>
              </tr>
            ))}
            <tr className="total">
              <th scope="row">{t("awards.total")}</th>
              <td className="num">{document.candidate.total}</td>
              <td className="num">{n(benchmark.sector.mean)}</td>
              <td className="num">{n(benchmark.sector.median)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <h3>{t("awards.trend")}</h3>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("awards.year")}</th>
              <th scope="col" className="num">
                {t("awards.farm")}
              </th>
              <th scope="col" className="num">
                {t("awards.sectorMean")}
              </th>
            </tr>
          </thead>
          <tbody>
            {benchmark.trend.map((p) => (
              <tr key={p.year}>
                <td>{p.year}</td>
                <td className="num">{p.total}</td>
                <td className="num">{n(p.sectorMean)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The juror's own score and note, and the conflict-of-interest declaration. */
function JurorPanel({ editionId, document }: { editionId: number; document: CandidateDocument }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const base = `/api/awards/${editionId}/candidates/${document.candidate.candidateId}`;
  const [score, setScore] = useState(document.myScore?.score?.toString() ?? "");
  const [note, setNote] = useState(document.myScore?.note ?? "");
  const [reason, setReason] = useState("");
  const [state, setState] = useState<"idle" | "saving" | "saved">("idle");
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setState("saving");
    setError(null);
    try {
      await api(`${base}/score`, {
        method: "PUT",
        body: JSON.stringify({ score: score === "" ? null : Number(score), note }),
      });
      setState("saved");
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
      setState("idle");
    }
  };
  const declare = async () => {
    if (!window.confirm(t("awards.conflictConfirm"))) return;
    try {
      await postJson(`${base}/conflict`, { reason });
      navigate(`/jury/${editionId}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    }
  };
  return (
    <section className="card no-print" aria-labelledby="your-score">
      <h2 id="your-score">{t("awards.yourScore")}</h2>
      <form
        className="score-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label>
          {t("awards.scoreLabel")}
          <select name="score" value={score} onChange={(e) => setScore(e.target.value)}>
            <option value="">—</option>
            {Array.from({ length: 10 }, (_, i) => i + 1).map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("awards.note")}
          <textarea
            name="note"
            rows={3}
            maxLength={4000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        <button type="submit" className="primary" disabled={state === "saving"}>
          {t("awards.save")}
        </button>
        {state === "saved" && (
          <span className="success" role="status">
            {t("awards.saved")}
          </span>
        )}
      </form>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <details className="conflict">
        <summary>{t("awards.conflict")}</summary>
        <label>
          {t("awards.conflictReason")}
          <input name="reason" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <button type="button" onClick={() => void declare()}>
          {t("awards.declareConflict")}
        </button>
      </details>
    </section>
  );
}

export default function CandidatePage({ document: edition }: { document: EditionDocument }) {
  const { t, i18n } = useTranslation();
  const { candidateId = "" } = useParams();
  const editionId = edition.edition.id;
  const { data, error, loading, reload } = useApi<CandidateDocument>(
    `/api/awards/${editionId}/candidates/${candidateId}`,
  );
  const blind = data ? data.identity === null : edition.edition.blind;
  const nameOf = useCandidateName(blind);
  if (loading) return <Loading />;
  if (error || !data) return <ErrorMessage message={error?.title} onRetry={reload} />;
  const { candidate, identity } = data;
  return (
    <article className="candidate">
      <p className="no-print">
        <Link to={`/jury/${editionId}`}>{t("awards.back")}</Link>
      </p>
      <h2 className="candidate-title">{nameOf(candidate.displayName)}</h2>
      <dl className="facts">
        {identity && (
          <>
            <dt>{t("awards.herdNumber")}</dt>
            <dd>{identity.herdNumber}</dd>
            <dt>{t("awards.province")}</dt>
            <dd>{identity.province}</dd>
          </>
        )}
        <dt>{t("awards.category")}</dt>
        <dd>{candidate.categories.map((c) => t(`awards.categories.${c}`)).join(", ")}</dd>
        <dt>{t("awards.region")}</dt>
        <dd>{t(`regions.${candidate.region}`)}</dd>
        <dt>{t("awards.sizeClass")}</dt>
        <dd>{t(`sizeClasses.${candidate.sizeClass}`)}</dd>
        <dt>{t("awards.score")}</dt>
        <dd>{formatNumber(candidate.score, i18n.language)}</dd>
      </dl>
      <div className="grid">
        <Breakdown document={data} />
        {edition.you.juror && <JurorPanel editionId={editionId} document={data} />}
      </div>
      <Benchmark document={data} />
      <section aria-labelledby="answers">
        <h2 id="answers">{t("awards.answers")}</h2>
        <p className="muted small">{t("awards.viewLogged")}</p>
        <Suspense fallback={<p className="status">{t("awards.loadingAnswers")}</p>}>
          <SurveyDisplay survey={data.answers.survey} data={data.answers.data} locale={i18n.language} />
        </Suspense>
      </section>
    </article>
  );
}
