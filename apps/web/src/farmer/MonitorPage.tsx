import type { MonitorDocument } from "@monitor/contract";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { Survey } from "survey-react-ui";
import { ApiError, postJson } from "../api/client.ts";
import { ErrorMessage, Loading } from "../shell/Status.tsx";
import { useApi } from "../shell/useApi.ts";
import {
  type AnswerProblem,
  AnswerSummary,
  checkAllAnswers,
  serverProblems,
  stillOpen,
} from "./AnswerSummary.tsx";
import type { SaveState } from "./draftSaver.ts";
import {
  type DraftStore,
  indexedDbDraftStore,
  isAhead,
  type LocalDraft,
  settledWith,
} from "./localDrafts.ts";
import { MonitorProgress, pageTitle } from "./MonitorProgress.tsx";
import { QuestionExtras } from "./QuestionExtras.tsx";
import { createSurveyModel } from "./surveyModel.ts";
import { listen, useSurveyHandlers } from "./useSurveyHandlers.ts";

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

/** Moves the keyboard focus to the heading of the page SurveyJS is about to draw. */
function focusPageHeading(host: HTMLElement | null, title: string, tries = 30) {
  const heading = host?.querySelector<HTMLElement>(".sd-page__title");
  if (heading && heading.textContent?.trim() === title.trim()) {
    heading.tabIndex = -1;
    heading.focus();
    return;
  }
  if (tries > 0) requestAnimationFrame(() => focusPageHeading(host, title, tries - 1));
}

function MonitorForm({
  doc,
  farmId,
  store,
  restored,
}: {
  doc: MonitorDocument;
  farmId: number;
  store: DraftStore;
  restored: LocalDraft | undefined;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const readOnly = doc.response.status === "submitted" || !doc.campaign.open;
  const host = useRef<HTMLDivElement>(null);
  const [problems, setProblems] = useState<AnswerProblem[] | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [submitNotice, setSubmitNotice] = useState<string | null>(null);

  // One model per document: the language changes in useSurveyHandlers, not through a new model.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  const model = useMemo(() => {
    const m = createSurveyModel(doc.survey, i18n.language);
    const local = isAhead(restored, doc.response.version) ? restored : undefined;
    m.data = local?.data ?? doc.response.data;
    const page = local?.page ?? doc.response.page;
    if (page > 0 && page < m.visiblePages.length) m.currentPageNo = page;
    m.mode = readOnly ? "display" : "edit";
    // Our own progress bar names the pages; the answers are checked all at once on "submit",
    // which lists what is missing instead of sending the farmer back one page.
    m.showProgressBar = false;
    m.checkErrorsMode = "onComplete";
    m.validationAllowComplete = true;
    return m;
  }, [doc]);

  const { saveState, savedAt, notice, carried, confirm, conflicts, resolve, visited, flush } =
    useSurveyHandlers(model, doc, farmId, readOnly, store, restored);

  const submittingRef = useRef(false);
  const submit = async () => {
    if (submittingRef.current) return;
    const found = checkAllAnswers(model);
    if (found.length) {
      setProblems(found);
      return;
    }
    submittingRef.current = true;
    setSubmitting(true);
    setSubmitNotice(null);
    try {
      if (!(await flush())) throw new Error(t("monitor.notSavedYet"));
      await postJson(`/api/farms/${farmId}/monitor/${doc.campaign.id}/submit`, {});
      await store.remove();
      // Stays "submitting": the page is left for the receipt.
      navigate(`/farmer/${farmId}/receipt/${doc.campaign.id}`);
    } catch (error) {
      submittingRef.current = false;
      setSubmitting(false);
      if (error instanceof ApiError && error.errors.length) setProblems(serverProblems(model, error.errors));
      else setSubmitNotice(error instanceof Error ? error.message : t("common.error"));
    }
  };
  const submitRef = useRef(submit);
  submitRef.current = submit;

  useEffect(() => {
    const removers = [
      listen(model.onCompleting, (_, options) => {
        options.allow = false;
        void submitRef.current();
      }),
      listen(model.onCurrentPageChanged, () => {
        const page = model.currentPage;
        if (page) focusPageHeading(host.current, pageTitle(page));
      }),
      // A fixed answer leaves the list.
      listen(model.onValueChanged, () => setProblems((open) => (open ? stillOpen(model, open) : open))),
    ];
    return () => {
      for (const remove of removers) remove();
    };
  }, [model]);

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
        {!readOnly && <SaveIndicator state={saveState} savedAt={savedAt} />}
      </div>
      {readOnly && doc.response.status === "submitted" && (
        <p className="notice">
          {t("monitor.submittedReadOnly")}{" "}
          <Link to={`/farmer/${farmId}/receipt/${doc.campaign.id}`}>{t("monitor.receipt")}</Link>
        </p>
      )}
      {!readOnly && doc.reopened && (
        <p className="notice reopened-notice" data-testid="reopened-notice">
          {t("monitor.reopened", {
            date: new Date(doc.reopened.at).toLocaleDateString(i18n.language, {
              day: "numeric",
              month: "long",
              year: "numeric",
            }),
            reason: doc.reopened.reason,
          })}
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
      {(notice || submitNotice) && (
        <p className="alert" role="alert">
          {submitNotice ?? notice}
        </p>
      )}
      {!readOnly && problems && (
        <AnswerSummary
          model={model}
          problems={problems}
          submitting={submitting}
          onSubmit={() => void submit()}
        />
      )}
      {!readOnly && (
        <MonitorProgress model={model} visited={visited} onGo={(pageNo) => (model.currentPageNo = pageNo)} />
      )}
      <div className="survey-host" ref={host}>
        <Survey model={model} />
      </div>
      {!readOnly && (
        <QuestionExtras
          model={model}
          host={host}
          carried={carried}
          conflicts={conflicts}
          onConfirm={confirm}
          onResolve={resolve}
        />
      )}
    </div>
  );
}

/** The monitor of one campaign: the server's copy, and the device's if it holds unsent answers. */
export default function MonitorPage() {
  const { farmId = "", campaignId = "" } = useParams();
  const { data, error, loading, reload } = useApi<MonitorDocument>(
    `/api/farms/${farmId}/monitor/${campaignId}`,
  );
  const store = useMemo(() => indexedDbDraftStore(Number(farmId), Number(campaignId)), [farmId, campaignId]);
  const [local, setLocal] = useState<{ draft: LocalDraft | undefined } | null>(null);
  useEffect(() => {
    let live = true;
    void store.read().then((draft) => live && setLocal({ draft }));
    return () => {
      live = false;
    };
  }, [store]);
  // Computed once per load: a new object would start a new saver (see useSurveyHandlers).
  const restored = useMemo(
    () =>
      data && local && data.response.status !== "submitted"
        ? settledWith(local.draft, data.response)
        : undefined,
    [data, local],
  );
  if (loading || !local) return <Loading />;
  if (error || !data) return <ErrorMessage message={error?.title} onRetry={reload} />;
  return (
    <MonitorForm
      key={`${data.campaign.id}-${data.response.version}`}
      doc={data}
      farmId={Number(farmId)}
      store={store}
      restored={restored}
    />
  );
}
