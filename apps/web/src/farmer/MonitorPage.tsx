import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { Action, type Model } from "survey-core";
import { Survey } from "survey-react-ui";
import { ApiError, postJson } from "../api/client.ts";
import type { MonitorDocument } from "../api/types.ts";
import { ErrorMessage, Loading } from "../shell/Status.tsx";
import { useApi } from "../shell/useApi.ts";
import { DraftSaver, type SaveState } from "./draftSaver.ts";
import { createSurveyModel } from "./surveyModel.ts";

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

function showServerErrors(model: Model, errors: { path: string; message: string }[]) {
  let first: string | null = null;
  for (const error of errors) {
    const question = model.getQuestionByName(error.path);
    if (!question) continue;
    question.addError(error.message);
    first ??= error.path;
  }
  if (first) model.getQuestionByName(first)?.focus(true);
}

function MonitorForm({ doc, farmId }: { doc: MonitorDocument; farmId: number }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [state, setState] = useState<SaveState>(doc.response.status === "not_started" ? "idle" : "saved");
  const [savedAt, setSavedAt] = useState<Date | null>(
    doc.response.updatedAt ? new Date(doc.response.updatedAt) : null,
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [carried, setCarried] = useState(() => new Set(doc.response.carriedOver));
  const [, setPageNo] = useState(doc.response.page);
  const carriedRef = useRef(carried);
  carriedRef.current = carried;
  const readOnly = doc.response.status === "submitted" || !doc.campaign.open;

  // One model per document: the language changes through the effect below, not a new model.
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

  useEffect(() => {
    model.locale = i18n.language === "en" ? "" : i18n.language;
  }, [model, i18n.language]);

  const confirmCarried = useCallback(
    (names: string[]) => {
      setCarried((previous) => {
        const next = new Set(previous);
        for (const name of names) next.delete(name);
        return next;
      });
      for (const name of names) model.getQuestionByName(name)?.updateElementCss(true);
    },
    [model],
  );

  const saver = useMemo(
    () =>
      new DraftSaver(
        `/api/farms/${farmId}/monitor/${doc.campaign.id}`,
        doc.response.version,
        () => ({ data: model.data, page: model.currentPageNo, carriedOver: [...carriedRef.current] }),
        {
          onState: (next, at) => {
            setState(next);
            if (at) setSavedAt(at);
          },
          onConflict: (current) => {
            model.data = current.data;
            setCarried(new Set(current.carriedOver));
            setNotice(t("monitor.conflict"));
          },
          onInvalid: (errors) => showServerErrors(model, errors),
        },
      ),
    [model, farmId, doc, t],
  );
  useEffect(() => () => saver.dispose(), [saver]);

  useEffect(() => {
    if (readOnly) return;
    const titleActions = new Map<string, Action>();
    model.onUpdateQuestionCssClasses.add((_, options) => {
      if (carriedRef.current.has(options.question.name)) options.cssClasses.mainRoot += " carried-over";
    });
    model.onGetQuestionTitleActions.add((_, options) => {
      const name = options.question.name;
      if (!carriedRef.current.has(name)) return;
      const action = new Action({
        id: `confirm-${name}`,
        title: t("monitor.confirmOne"),
        tooltip: t("monitor.fromLastTime"),
        action: () => {
          action.visible = false;
          confirmCarried([name]);
          saver.schedule(0);
        },
      });
      titleActions.set(name, action);
      options.titleActions?.push(action);
    });
    model.onValueChanged.add((_, options) => {
      if (carriedRef.current.has(options.name)) {
        const action = titleActions.get(options.name);
        if (action) action.visible = false;
        confirmCarried([options.name]);
      }
      saver.schedule();
    });
    model.onCurrentPageChanged.add(() => {
      setPageNo(model.currentPageNo);
      saver.schedule(0);
    });
    model.onCompleting.add((_, options) => {
      options.allow = false;
      void (async () => {
        setNotice(null);
        if (!(await saver.flush())) {
          setNotice(t("monitor.notSavedYet"));
          return;
        }
        try {
          await postJson(`/api/farms/${farmId}/monitor/${doc.campaign.id}/submit`, {});
          navigate(`/farmer/${farmId}/receipt/${doc.campaign.id}`);
        } catch (error) {
          if (error instanceof ApiError) {
            setNotice(error.title);
            showServerErrors(model, error.errors);
          } else setNotice(t("common.error"));
        }
      })();
    });
  }, [model, saver, readOnly, t, confirmCarried, farmId, doc.campaign.id, navigate]);

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
            <button
              type="button"
              onClick={() => {
                confirmCarried(carriedOnPage);
                saver.schedule(0);
              }}
            >
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
