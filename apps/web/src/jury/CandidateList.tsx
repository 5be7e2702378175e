import type { CandidateList as Candidates, EditionDocument } from "@monitor/contract";
import { farmAttribute } from "@monitor/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ErrorMessage, Loading } from "../shell/Status.tsx";
import { useApi } from "../shell/useApi.ts";
import { formatNumber, useCandidateName } from "./common.tsx";

const FILTERS = ["category", "region", "sizeClass"] as const;
const MAX_COMPARED = 4;

/** The edition's weights and the formula they enter, so every score can be checked by hand. */
function Weights({ weights }: { weights: { theme: string; weight: number }[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card" aria-labelledby="weights">
      <h2 id="weights">{t("awards.weights")}</h2>
      <p className="muted">{t("awards.weightsNote")}</p>
      <ul className="weights">
        {weights.map((w) => (
          <li key={w.theme}>
            {t(`themes.${w.theme}`)} <strong>× {formatNumber(w.weight, i18n.language)}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CandidateList({ document }: { document: EditionDocument }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [selected, setSelected] = useState<number[]>([]);
  const { edition } = document;
  const query = new URLSearchParams(
    FILTERS.flatMap((f) => (params.get(f) ? [[f, params.get(f) as string]] : [])),
  );
  const { data, error, loading, reload } = useApi<Candidates>(
    `/api/awards/${edition.id}/candidates${query.size ? `?${query}` : ""}`,
  );
  const nameOf = useCandidateName(data?.blind ?? edition.blind);
  const options: Record<(typeof FILTERS)[number], { value: string; label: string }[]> = {
    category: edition.categories.map((c) => ({ value: c, label: t(`awards.categories.${c}`) })),
    region: (farmAttribute("region").values ?? []).map((r) => ({ value: r, label: t(`regions.${r}`) })),
    sizeClass: (farmAttribute("sizeClass").values ?? []).map((s) => ({
      value: s,
      label: t(`sizeClasses.${s}`),
    })),
  };
  const toggle = (id: number) =>
    setSelected((now) =>
      now.includes(id) ? now.filter((x) => x !== id) : [...now, id].slice(-MAX_COMPARED),
    );
  return (
    <>
      {edition.blind && edition.status !== "closed" && <p className="notice">{t("awards.blindNote")}</p>}
      <Weights weights={edition.weights} />
      <form className="filter-bar card" aria-label={t("awards.filters")} onSubmit={(e) => e.preventDefault()}>
        {FILTERS.map((f) => (
          <label key={f}>
            {t(`awards.${f}`)}
            <select
              name={f}
              value={params.get(f) ?? ""}
              onChange={(e) => {
                const next = new URLSearchParams(params);
                if (e.target.value) next.set(f, e.target.value);
                else next.delete(f);
                setParams(next, { replace: true });
              }}
            >
              <option value="">{t("awards.all")}</option>
              {options[f].map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        ))}
      </form>
      <div className="compare-bar">
        <button
          type="button"
          className="primary"
          disabled={selected.length < 2}
          onClick={() => navigate(`/jury/${edition.id}/compare?ids=${selected.join(",")}`)}
        >
          {t("awards.compareSelected", { count: selected.length })}
        </button>
        <span className="muted small">{t("awards.compareHint")}</span>
      </div>
      {loading && <Loading />}
      {error && <ErrorMessage message={error.title} onRetry={reload} />}
      {data && data.candidates.length === 0 && <p className="muted">{t("awards.noCandidates")}</p>}
      {data && data.candidates.length > 0 && (
        <div className="table-scroll">
          <table className="candidates" aria-label={t("awards.candidates")}>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t("awards.compare")}</span>
                </th>
                <th scope="col" className="num">
                  {t("awards.rank")}
                </th>
                <th scope="col">{t("awards.candidate")}</th>
                <th scope="col">{t("awards.category")}</th>
                <th scope="col">{t("awards.region")}</th>
                <th scope="col">{t("awards.sizeClass")}</th>
                <th scope="col" className="num">
                  {t("awards.initiatives")}
                </th>
                <th scope="col" className="num">
                  {t("awards.score")}
                </th>
                <th scope="col" className="num">
                  {t("awards.myScore")}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.candidates.map((c, index) => (
                <tr key={c.candidateId} data-testid="candidate-row">
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t("awards.select", { name: nameOf(c.displayName) })}
                      checked={selected.includes(c.candidateId)}
                      onChange={() => toggle(c.candidateId)}
                    />
                  </td>
                  <td className="num">{index + 1}</td>
                  <td>
                    <Link to={`/jury/${edition.id}/candidates/${c.candidateId}`}>
                      {nameOf(c.displayName)}
                    </Link>
                  </td>
                  <td>{c.categories.map((k) => t(`awards.categories.${k}`)).join(", ")}</td>
                  <td>{t(`regions.${c.region}`)}</td>
                  <td>{t(`sizeClasses.${c.sizeClass}`)}</td>
                  <td className="num">{c.total}</td>
                  <td className="num" data-testid="candidate-score">
                    <details className="score-breakdown">
                      <summary>{formatNumber(c.score, i18n.language)}</summary>
                      <ul>
                        {data.weights.map((w) => (
                          <li key={w.theme}>
                            {t(`themes.${w.theme}`)}: {c.themes[w.theme] ?? 0} ×{" "}
                            {formatNumber(w.weight, i18n.language)}
                          </li>
                        ))}
                      </ul>
                    </details>
                  </td>
                  <td className="num">{c.myScore ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
