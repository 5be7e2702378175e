import type { MonitorDocument } from "@monitor/contract";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { Action, type EventBase, type Model } from "survey-core";
import { ApiError, postJson } from "../api/client.ts";
import { DraftSaver, type SaveState } from "./draftSaver.ts";

/** Shows the server's answer errors at their questions and moves the focus to the first one. */
export function showServerErrors(model: Model, errors: { path: string; message: string }[]) {
  let first: string | null = null;
  for (const error of errors) {
    const question = model.getQuestionByName(error.path);
    if (!question) continue;
    question.addError(error.message);
    first ??= error.path;
  }
  if (first) model.getQuestionByName(first)?.focus(true);
}

/** Adds a handler to a SurveyJS event; the returned function removes exactly that handler. */
function listen<Sender, Options>(
  event: EventBase<Sender, Options>,
  handler: (sender: Sender, options: Options) => unknown,
): () => void {
  event.add(handler);
  return () => event.remove(handler);
}

export interface SurveyHandlers {
  saveState: SaveState;
  savedAt: Date | null;
  notice: string | null;
  /** The questions still carrying last time's answer, not yet confirmed or changed. */
  carried: ReadonlySet<string>;
  /** The farmer confirms these carried-over answers; saved right away. */
  confirm(names: string[]): void;
}

/**
 * Wires a monitor's SurveyJS model to the app: carried-over marking and its confirm actions,
 * autosave (DraftSaver), page tracking and the submit. The handlers are registered once per model
 * and removed on cleanup; what changes while the form is open (the language, `navigate`) is read
 * through refs, so that switching the language neither registers the handlers again nor starts a
 * new saver (which would save with a stale version). A second "complete" while a submission is in
 * flight does nothing.
 */
export function useSurveyHandlers(
  model: Model,
  doc: MonitorDocument,
  farmId: number,
  readOnly: boolean,
): SurveyHandlers {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [saveState, setSaveState] = useState<SaveState>(
    doc.response.status === "not_started" ? "idle" : "saved",
  );
  const [savedAt, setSavedAt] = useState<Date | null>(
    doc.response.updatedAt ? new Date(doc.response.updatedAt) : null,
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [carried, setCarriedState] = useState<ReadonlySet<string>>(() => new Set(doc.response.carriedOver));
  const [, setPageNo] = useState(doc.response.page);

  // Read by the SurveyJS handlers and the saver, which outlive renders.
  const carriedRef = useRef(carried);
  const tRef = useRef(t);
  const navigateRef = useRef(navigate);
  const saverRef = useRef<DraftSaver | null>(null);
  // The confirm actions SurveyJS asked for, per question; they stay on the model's questions.
  // biome-ignore lint/correctness/useExhaustiveDependencies: one map per model
  const titleActions = useMemo(() => new Map<string, Action>(), [model]);
  useLayoutEffect(() => {
    tRef.current = t;
    navigateRef.current = navigate;
  });

  const setCarried = useCallback((next: ReadonlySet<string>) => {
    carriedRef.current = next;
    setCarriedState(next);
  }, []);

  /** Marks carried-over answers as confirmed (no save; the caller decides when). */
  const markConfirmed = useCallback(
    (names: string[]) => {
      const next = new Set(carriedRef.current);
      for (const name of names) next.delete(name);
      setCarried(next);
      for (const name of names) {
        const action = titleActions.get(name);
        if (action) action.visible = false;
        model.getQuestionByName(name)?.updateElementCss(true);
      }
    },
    [model, titleActions, setCarried],
  );

  const confirm = useCallback(
    (names: string[]) => {
      markConfirmed(names);
      saverRef.current?.schedule(0);
    },
    [markConfirmed],
  );

  // The model speaks the interface's language; the confirm actions already shown follow it.
  useEffect(() => {
    model.locale = i18n.language === "en" ? "" : i18n.language;
    for (const action of titleActions.values()) {
      action.title = t("monitor.confirmOne");
      action.tooltip = t("monitor.fromLastTime");
    }
  }, [model, titleActions, i18n.language, t]);

  useEffect(() => {
    if (readOnly) return;
    const saver = new DraftSaver(
      `/api/farms/${farmId}/monitor/${doc.campaign.id}`,
      doc.response.version,
      () => ({ data: model.data, page: model.currentPageNo, carriedOver: [...carriedRef.current] }),
      {
        onState: (next, at) => {
          setSaveState(next);
          if (at) setSavedAt(at);
        },
        onConflict: (current) => {
          model.data = current.data;
          setCarried(new Set(current.carriedOver));
          setNotice(tRef.current("monitor.conflict"));
        },
        onInvalid: (errors) => showServerErrors(model, errors),
      },
    );
    saverRef.current = saver;
    let submitting = false;

    const removers = [
      listen(model.onUpdateQuestionCssClasses, (_, options) => {
        if (carriedRef.current.has(options.question.name)) options.cssClasses.mainRoot += " carried-over";
      }),
      listen(model.onGetQuestionTitleActions, (_, options) => {
        const name = options.question.name;
        if (!carriedRef.current.has(name)) return;
        const action = new Action({
          id: `confirm-${name}`,
          title: tRef.current("monitor.confirmOne"),
          tooltip: tRef.current("monitor.fromLastTime"),
          action: () => confirm([name]),
        });
        titleActions.set(name, action);
        options.titleActions?.push(action);
      }),
      listen(model.onValueChanged, (_, options) => {
        if (carriedRef.current.has(options.name)) markConfirmed([options.name]);
        saver.schedule();
      }),
      listen(model.onCurrentPageChanged, () => {
        setPageNo(model.currentPageNo);
        saver.schedule(0);
      }),
      listen(model.onCompleting, (_, options) => {
        options.allow = false;
        if (submitting) return;
        submitting = true;
        void (async () => {
          setNotice(null);
          try {
            if (!(await saver.flush())) {
              setNotice(tRef.current("monitor.notSavedYet"));
              submitting = false;
              return;
            }
            await postJson(`/api/farms/${farmId}/monitor/${doc.campaign.id}/submit`, {});
            // Stays "submitting": the page is left for the receipt.
            navigateRef.current(`/farmer/${farmId}/receipt/${doc.campaign.id}`);
          } catch (error) {
            submitting = false;
            if (error instanceof ApiError) {
              setNotice(error.title);
              showServerErrors(model, error.errors);
            } else setNotice(tRef.current("common.error"));
          }
        })();
      }),
    ];

    return () => {
      for (const remove of removers) remove();
      saver.dispose();
      if (saverRef.current === saver) saverRef.current = null;
    };
  }, [model, doc, farmId, readOnly, titleActions, markConfirmed, confirm, setCarried]);

  return { saveState, savedAt, notice, carried, confirm };
}
