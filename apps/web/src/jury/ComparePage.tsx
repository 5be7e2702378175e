import type { CandidateComparison, EditionDocument } from "@monitor/contract";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ErrorMessage, Loading } from "../shell/Status.tsx";
import { useApi } from "../shell/useApi.ts";
import { formatNumber, useCandidateName, useInitiativeLabels } from "./common.tsx";

/** 2–4 candidates side by side: theme by theme, then initiative by initiative, differences highlighted. */
export default function ComparePage({ document }: { document: EditionDocument }) {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const editionId = document.edition.id;
  const { data, error, loading, reload } = useApi<CandidateComparison>(
    `/api/awards/${editionId}/compare?ids=${encodeURIComponent(params.get("ids") ?? "")}`,
  );
  const nameOf = useCandidateName(document.edition.blind && document.edition.status !== "closed");
  const labels = useInitiativeLabels();
  if (loading) return <Loading />;
  if (error || !data) return <ErrorMessage message={error?.title} onRetry={reload} />;
  const differs = new Set(data.differences);
  const sets = data.candidates.map((c) => new Set(c.initiatives));
  const union = [...new Set(data.candidates.flatMap((c) => c.initiatives))];
  const byTheme = data.themes.map((theme) => ({
    theme,
    ids: union.filter(
      (id) => labels.theme(id) === theme || (!labels.theme(id) && id.startsWith(`${theme}.`)),
    ),
  }));
  return (
    <article className="compare">
      <p>
        <Link to={`/jury/${editionId}`}>{t("awards.back")}</Link>
      </p>
      <h2>{t("awards.compare")}</h2>
      <div className="table-scroll">
        <table className="compare-table">
          <thead>
            <tr>
              <th scope="col">{t("awards.theme")}</th>
              {data.candidates.map((c) => (
                <th key={c.candidateId} scope="col" className="num">
                  <Link to={`/jury/${editionId}/candidates/${c.candidateId}`}>{nameOf(c.displayName)}</Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="total">
              <th scope="row">{t("awards.score")}</th>
              {data.candidates.map((c) => (
                <td key={c.candidateId} className="num">
                  {formatNumber(c.score, i18n.language)}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t("awards.initiatives")}</th>
              {data.candidates.map((c) => (
                <td key={c.candidateId} className="num">
                  {c.total}
                </td>
              ))}
            </tr>
            {data.themes.map((theme) => {
              const counts = data.candidates.map((c) => c.themes[theme] ?? 0);
              const top = Math.max(...counts);
              return (
                <tr key={theme} className={new Set(counts).size > 1 ? "differs" : undefined}>
                  <th scope="row">{t(`themes.${theme}`)}</th>
                  {counts.map((n, i) => (
                    <td
                      key={data.candidates[i]?.candidateId}
                      className={`num${n === top && top > 0 ? " best" : ""}`}
                    >
                      {n}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3>{t("awards.differences")}</h3>
      <p className="muted small">{t("awards.differencesNote")}</p>
      <div className="table-scroll">
        <table className="compare-table initiatives">
          <thead>
            <tr>
              <th scope="col">{t("awards.initiatives")}</th>
              {data.candidates.map((c) => (
                <th key={c.candidateId} scope="col">
                  {nameOf(c.displayName)}
                </th>
              ))}
            </tr>
          </thead>
          {byTheme
            .filter((group) => group.ids.length > 0)
            .map((group) => (
              <tbody key={group.theme}>
                <tr className="theme-row">
                  <th scope="colgroup" colSpan={data.candidates.length + 1}>
                    {t(`themes.${group.theme}`)}
                  </th>
                </tr>
                {group.ids.map((id) => (
                  <tr
                    key={id}
                    className={differs.has(id) ? "differs" : undefined}
                    data-testid={differs.has(id) ? "difference" : undefined}
                  >
                    <th scope="row">{labels.label(id)}</th>
                    {sets.map((set, i) => (
                      <td
                        key={data.candidates[i]?.candidateId}
                        className={set.has(id) ? "taken" : "not-taken"}
                      >
                        {set.has(id) ? `✓ ${t("awards.taken")}` : `— ${t("awards.notTaken")}`}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            ))}
        </table>
      </div>
    </article>
  );
}
