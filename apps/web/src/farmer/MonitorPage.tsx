import type { MonitorDocument } from "@monitor/contract";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Survey } from "survey-react-ui";
import { ErrorMessage, Loading } from "../shell/Status.tsx";
import { useApi } from "../shell/useApi.ts";
import type { SaveState } from "./draftSaver.ts";
import { createSurveyModel } from "./surveyModel.ts";
import { useSurveyHandlers } from "./useSurveyHandlers.ts";

function SaveIndicator({ state, savedAt }: { state: SaveState; savedAt: Date | null }) {
  const { t, i18n } = useTranslation();
  const text =
    state === "saved" && savedAt
      ? t("monitor.saved", {
          time: savedAt.toLocaleTimeString(i18n.language, { hour: "2-digit", minute: "2-digit" }),
        })
      : t(`monitor.state.${state}`);
  return (
    <p className={`save-state save-${state}`} role="status" aria-live="polite" data-testid="save-state">
      {text}
    </p>
  );
}

function MonitorForm({ doc, farmId }: { doc: MonitorDocument; farmId: number }) {
  const { t, i18n } = useTranslation();
  const readOnly = doc.response.status === "submitted" || !doc.campaign.open;

  // One model per document: the language changes in useSurveyHandlers, not through a new model.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  const model = useMemo(() => {
    const m = createSurveyModel(doc.survey, i18n.language);
    m.data = doc.response.data;
    if (doc.response.page > 0 && doc.response.page < m.visiblePages.length)
      m.currentPageNo = doc.response.page;
    m.mode = readOnly ? "display" : "edit";
    m.checkErrorsMode = "onComplete";
    return m;
  }, [doc]);

  const {
    saveState: state,
    savedAt,
    notice,
    carried,
    confirm,
  } = useSurveyHandlers(model, doc, farmId, readOnly);

  const carriedOnPage: string[] = (model.currentPage?.questions ?? [])
    .map((q: { name: string }) => q.name)
    .filter((name: string) => carried.has(name));

  return (
    <div className="monitor">
      <div className="monitor-bar">
        <div>
          <h1>{t("monitor.campaignTitle", { year: doc.campaign.year })}</h1>
          <p className="muted">
            {doc.farm.name} · {doc.farm.herdNumber} ·{" "}
            {t("monitor.version", { version: doc.surveyVersion.id })}
          </p>
        </div>
        {!readOnly && <SaveIndicator state={state} savedAt={savedAt} />}
      </div>
      {readOnly && doc.response.status === "submitted" && (
        <p className="notice">
          {t("monitor.submittedReadOnly")}{" "}
          <Link to={`/farmer/${farmId}/receipt/${doc.campaign.id}`}>{t("monitor.receipt")}</Link>
        </p>
      )}
      {!readOnly && carried.size > 0 && (
        <div className="notice carried-notice">
          <p>
            {t("monitor.carriedIntro", {
              count: carried.size,
              year: doc.carriedOverFrom?.campaignYear ?? "",
            })}
          </p>
          {carriedOnPage.length > 0 && (
            <button type="button" onClick={() => confirm(carriedOnPage)}>
              {t("monitor.confirmPage", { count: carriedOnPage.length })}
            </button>
          )}
        </div>
      )}
      {notice && (
        <p className="alert" role="alert">
          {notice}
        </p>
      )}
      <div className="survey-host">
        <Survey model={model} />
      </div>
    </div>
  );
}

export function MonitorPage() {
  const { farmId = "", campaignId = "" } = useParams();
  const { data, error, loading, reload } = useApi<MonitorDocument>(
    `/api/farms/${farmId}/monitor/${campaignId}`,
  );
  if (loading) return <Loading />;
  if (error || !data) return <ErrorMessage message={error?.title} onRetry={reload} />;
  return (
    <MonitorForm key={`${data.campaign.id}-${data.response.version}`} doc={data} farmId={Number(farmId)} />
  );
}
