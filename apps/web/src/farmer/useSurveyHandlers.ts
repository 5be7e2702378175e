import type { AnswerConflictDocument, MonitorDocument } from "@monitor/contract";
import { sameAnswer } from "@monitor/domain";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EventBase, Model } from "survey-core";
import { DraftSaver, type SaveState } from "./draftSaver.ts";
import { type DraftStore, isAhead, type LocalDraft } from "./localDrafts.ts";

/** Adds a handler to a SurveyJS event; the returned function removes exactly that handler. */
export function listen<Sender, Options>(
  event: EventBase<Sender, Options>,
  handler: (sender: Sender, options: Options) => unknown,
): () => void {
  event.add(handler);
  return () => event.remove(handler);
}

/** Shows the server's answer errors at their questions. */
export function showServerErrors(model: Model, errors: { path: string; message: string }[]) {
  for (const error of errors) model.getQuestionByName(error.path)?.addError(error.message);
}

export interface SurveyHandlers {
  saveState: SaveState;
  savedAt: Date | null;
  notice: string | null;
  /** The questions still carrying last time's answer, not yet confirmed or changed. */
  carried: ReadonlySet<string>;
  /** The farmer confirms these carried-over answers; saved right away. */
  confirm(names: string[]): void;
  /** Questions changed on this device and elsewhere, waiting for the farmer's choice. */
  conflicts: readonly AnswerConflictDocument[];
  /** The farmer keeps this device's answer (true) or the one saved elsewhere (false). */
  resolve(question: string, keepMine: boolean): void;
  /** Pages the farmer has opened. */
  visited: ReadonlySet<number>;
  /** Sends everything now; true once the server has it. */
  flush(): Promise<boolean>;
}

/**
 * Wires a monitor's SurveyJS model to the app: the device's copy and the server (DraftSaver),
 * carried-over answers, conflicts from another device, visited pages, and sending what is pending
 * when the page is left. The handlers are registered once per model; what changes while the form
 * is open (the language) is read through refs, so no second saver starts with a stale version.
 */
export function useSurveyHandlers(
  model: Model,
  doc: MonitorDocument,
  farmId: number,
  readOnly: boolean,
  store: DraftStore,
  restored: LocalDraft | undefined,
): SurveyHandlers {
  const { t, i18n } = useTranslation();
  const ahead = isAhead(restored, doc.response.version) ? restored : undefined;
  const [saveState, setSaveState] = useState<SaveState>(
    restored?.unsent ? "kept" : doc.response.status === "not_started" ? "idle" : "saved",
  );
  const [savedAt, setSavedAt] = useState<Date | null>(
    doc.response.updatedAt ? new Date(doc.response.updatedAt) : null,
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [carried, setCarriedState] = useState<ReadonlySet<string>>(
    () => new Set(ahead ? ahead.carriedOver : doc.response.carriedOver),
  );
  const [conflicts, setConflicts] = useState<readonly AnswerConflictDocument[]>([]);
  const [visited, setVisitedState] = useState<ReadonlySet<number>>(
    () => new Set([...(restored?.visited ?? []), model.currentPageNo]),
  );

  const carriedRef = useRef(carried);
  const visitedRef = useRef(visited);
  const tRef = useRef(t);
  const saverRef = useRef<DraftSaver | null>(null);
  useLayoutEffect(() => {
    tRef.current = t;
  });

  const setCarried = useCallback((next: ReadonlySet<string>) => {
    carriedRef.current = next;
    setCarriedState(next);
  }, []);

  const confirm = useCallback(
    (names: string[]) => {
      const next = new Set(carriedRef.current);
      for (const name of names) next.delete(name);
      setCarried(next);
      for (const name of names) model.getQuestionByName(name)?.updateElementCss(true);
      saverRef.current?.schedule(0);
    },
    [model, setCarried],
  );

  const resolve = useCallback(
    (question: string, keepMine: boolean) => {
      setConflicts((current) => {
        const conflict = current.find((c) => c.question === question);
        if (conflict && keepMine) model.setValue(question, conflict.mine);
        return current.filter((c) => c.question !== question);
      });
      saverRef.current?.schedule(0);
    },
    [model],
  );

  // The model speaks the interface's language.
  useEffect(() => {
    model.locale = i18n.language === "en" ? "" : i18n.language;
  }, [model, i18n.language]);

  useEffect(() => {
    if (readOnly) return;
    const saver = new DraftSaver(
      `/api/farms/${farmId}/monitor/${doc.campaign.id}`,
      ahead ? ahead.version : doc.response.version,
      () => ({ data: model.data, page: model.currentPageNo, carriedOver: [...carriedRef.current] }),
      store,
      () => [...visitedRef.current],
      {
        onState: (next, at) => {
          setSaveState(next);
          if (at) setSavedAt(at);
        },
        onMerged: (merged, sent) => {
          const now = model.data as Record<string, unknown>;
          const data = { ...merged.data };
          for (const name of new Set([...Object.keys(now), ...Object.keys(sent)])) {
            if (sameAnswer(now[name], sent[name])) continue;
            if (now[name] === undefined) delete data[name];
            else data[name] = now[name];
          }
          // Setting the data fires no change: this is not a new answer to save.
          model.data = data;
          setCarried(new Set(merged.carriedOver.filter((name) => carriedRef.current.has(name))));
        },
        onConflict: (found, merged) => {
          model.data = merged.data;
          setCarried(new Set(merged.carriedOver));
          setConflicts(found);
          setNotice(tRef.current("monitor.conflict", { count: found.length }));
          const first = found[0] && model.getQuestionByName(found[0].question);
          if (first) first.focus();
        },
        onClosed: () => setNotice(tRef.current("monitor.closedElsewhere")),
        onInvalid: (errors) => showServerErrors(model, errors),
      },
    );
    saverRef.current = saver;
    // Answers kept on this device and not acknowledged yet (typed offline, or just before the page
    // was left) go to the server first; it merges them with anything saved elsewhere since.
    if (restored?.unsent) saver.schedule(0);

    const leave = () => saver.sendOnExit();
    const onHide = () => {
      if (document.visibilityState === "hidden") leave();
    };
    const warn = (event: BeforeUnloadEvent) => {
      if (saver.wouldLose) event.preventDefault();
    };
    window.addEventListener("pagehide", leave);
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("beforeunload", warn);

    const removers = [
      listen(model.onUpdateQuestionCssClasses, (_, options) => {
        if (carriedRef.current.has(options.question.name)) options.cssClasses.mainRoot += " carried-over";
      }),
      listen(model.onValueChanged, (_, options) => {
        if (carriedRef.current.has(options.name)) {
          const next = new Set(carriedRef.current);
          next.delete(options.name);
          setCarried(next);
          model.getQuestionByName(options.name)?.updateElementCss(true);
        }
        saver.schedule();
      }),
      listen(model.onCurrentPageChanged, () => {
        const next = new Set(visitedRef.current).add(model.currentPageNo);
        visitedRef.current = next;
        setVisitedState(next);
        saver.schedule(0);
      }),
    ];

    return () => {
      for (const remove of removers) remove();
      window.removeEventListener("pagehide", leave);
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("beforeunload", warn);
      // Leaving the monitor for another page of the app: send what is pending on the way out.
      leave();
      saver.dispose();
      if (saverRef.current === saver) saverRef.current = null;
    };
  }, [model, doc, farmId, readOnly, store, restored, ahead, setCarried]);

  const flush = useCallback(async () => (await saverRef.current?.flush()) ?? true, []);
  return { saveState, savedAt, notice, carried, confirm, conflicts, resolve, visited, flush };
}
