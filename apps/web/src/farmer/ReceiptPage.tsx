import type { Receipt } from "@monitor/contract";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorMessage, Loading } from "../shell/Status.tsx";
import { useApi } from "../shell/useApi.ts";
import { createSurveyModel } from "./surveyModel.ts";

function formatAnswer(value: unknown, display: unknown, t: (key: string) => string): string {
  if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
  if (display === undefined || display === null || display === "") return "—";
  return typeof display === "object" ? JSON.stringify(display) : String(display);
}

function Answers({ receipt }: { receipt: Receipt }) {
  const { t, i18n } = useTranslation();
  const pages = useMemo(() => {
    const model = createSurveyModel(receipt.survey, i18n.language);
    model.data = receipt.data;
    return model.visiblePages.map((page) => ({
      title: page.processedTitle || page.name,
      questions: page.questions
        .filter((q) => q.isVisible && q.getType() !== "html")
        .map((q) => ({
          name: q.name,
          title: q.processedTitle || q.name,
          answer: formatAnswer(q.value, q.displayValue, t),
        })),
    }));
  }, [receipt, i18n.language, t]);
  return (
    <section aria-labelledby="answers">
      <h2 id="answers">{t("receipt.answers")}</h2>
      {pages.map((page) => (
        <div key={page.title} className="receipt-page">
          <h3>{page.title}</h3>
          <dl className="answers">
            {page.questions.map((q) => (
              <div key={q.name}>
                <dt>{q.title}</dt>
                <dd>{q.answer}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </section>
  );
}

export function ReceiptPage({ backTo = "/farmer" }: { backTo?: string }) {
  const { t, i18n } = useTranslation();
  const { farmId = "", campaignId = "" } = useParams();
  const { data, error, loading, reload } = useApi<Receipt>(
    `/api/farms/${farmId}/monitor/${campaignId}/receipt`,
  );
  if (loading) return <Loading />;
  if (error || !data) return <ErrorMessage message={error?.title} onRetry={reload} />;
  const themes = Object.entries(data.initiatives.perTheme);
  return (
    <article className="page receipt">
      <p className="no-print">
        <Link to={backTo === "/farmer" ? backTo : `${backTo}/farms/${farmId}`}>{t("receipt.back")}</Link>
      </p>
      <h1>{t("receipt.title")}</h1>
      <p className="success" role="status">
        {t("receipt.confirmation")}{" "}
        {backTo === "/farmer" && (
          <Link className="no-print" to={`/farmer/${farmId}/results/${campaignId}`}>
            {t("results.seeResults")}
          </Link>
        )}
      </p>
      <dl className="facts">
        <dt>{t("farm.name")}</dt>
        <dd>{data.farm.name}</dd>
        <dt>{t("farm.herdNumber")}</dt>
        <dd>{data.farm.herdNumber}</dd>
        <dt>{t("receipt.campaign")}</dt>
        <dd>{t("monitor.campaignTitle", { year: data.campaign.year })}</dd>
        <dt>{t("receipt.questionnaire")}</dt>
        <dd>
          {data.surveyVersion.id}{" "}
          <span className="muted small">({data.surveyVersion.contentHash.slice(0, 12)})</span>
        </dd>
        <dt>{t("receipt.submittedAt")}</dt>
        <dd data-testid="submitted-at">{new Date(data.submittedAt).toLocaleString(i18n.language)}</dd>
        <dt>{t("receipt.submittedBy")}</dt>
        <dd>{data.submittedBy ?? "—"}</dd>
      </dl>
      <section aria-labelledby="per-theme">
        <h2 id="per-theme">{t("receipt.initiatives", { count: data.initiatives.total })}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("receipt.theme")}</th>
              <th scope="col" className="num">
                {t("receipt.count")}
              </th>
            </tr>
          </thead>
          <tbody>
            {themes.map(([theme, count]) => (
              <tr key={theme}>
                <td>{t(`themes.${theme}`)}</td>
                <td className="num">{count}</td>
              </tr>
            ))}
            <tr className="total">
              <th scope="row">{t("common.total")}</th>
              <td className="num" data-testid="initiative-total">
                {data.initiatives.total}
              </td>
            </tr>
          </tbody>
        </table>
      </section>
      <Answers receipt={data} />
      <p className="no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t("receipt.print")}
        </button>
      </p>
    </article>
  );
}
