import type { AnswerConflictDocument } from "@monitor/contract";
import { type RefObject, useEffect, useLayoutEffect, useState } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import type { Model } from "survey-core";
import { listen } from "./useSurveyHandlers.ts";

/** The slot below a question's field where our own controls go (SurveyJS draws the question). */
function slotOf(root: HTMLElement, name: string): HTMLElement | null {
  const question = root.querySelector<HTMLElement>(`[data-name="${CSS.escape(name)}"]`);
  if (!question) return null;
  let slot = question.querySelector<HTMLElement>(":scope > .question-extras");
  if (!slot) {
    slot = document.createElement("div");
    slot.className = "question-extras";
    question.appendChild(slot);
  }
  return slot;
}

function display(model: Model, name: string, value: unknown, none: string): string {
  if (value === undefined || value === null || value === "") return none;
  const question = model.getQuestionByName(name);
  const text = question ? question.getDisplayValue(true, value) : value;
  return Array.isArray(text) ? text.join(", ") : String(text);
}

/**
 * At each question: a visible "confirm" for an answer carried over from last time, and, for a
 * question changed on two devices, both answers side by side to choose from.
 */
export function QuestionExtras({
  model,
  host,
  carried,
  conflicts,
  onConfirm,
  onResolve,
}: {
  model: Model;
  host: RefObject<HTMLDivElement | null>;
  carried: ReadonlySet<string>;
  conflicts: readonly AnswerConflictDocument[];
  onConfirm(names: string[]): void;
  onResolve(question: string, keepMine: boolean): void;
}) {
  const { t } = useTranslation();
  const [drawn, setDrawn] = useState(0);
  const [slots, setSlots] = useState<ReadonlyMap<string, HTMLElement>>(new Map());

  // SurveyJS draws pages on its own schedule: look for the slots again after each drawing.
  useEffect(() => listen(model.onAfterRenderQuestion, () => setDrawn((n) => n + 1)), [model]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `drawn` means the questions were drawn again
  useLayoutEffect(() => {
    const root = host.current;
    if (!root) return;
    const next = new Map<string, HTMLElement>();
    for (const name of [...carried, ...conflicts.map((c) => c.question)]) {
      const slot = slotOf(root, name);
      if (slot) next.set(name, slot);
    }
    const same = next.size === slots.size && [...next].every(([name, slot]) => slots.get(name) === slot);
    if (!same) setSlots(next);
  }, [carried, conflicts, drawn, host, slots]);

  const none = t("monitor.noAnswer");
  return (
    <>
      {[...slots].map(([name, slot]) => {
        const conflict = conflicts.find((c) => c.question === name);
        const title = model.getQuestionByName(name)?.title ?? name;
        if (conflict)
          return createPortal(
            <fieldset className="conflict-choice">
              <legend>
                {t("monitor.conflictExplained")}
                <span className="visually-hidden"> {title}</span>
              </legend>
              <div className="conflict-sides">
                <div className="conflict-side">
                  <p className="side-label">{t("monitor.thisDevice")}</p>
                  <p className="side-value" data-testid="conflict-mine">
                    {display(model, name, conflict.mine, none)}
                  </p>
                  <button type="button" onClick={() => onResolve(name, true)}>
                    {t("monitor.keepThisDevice")}
                  </button>
                </div>
                <div className="conflict-side">
                  <p className="side-label">{t("monitor.otherDevice")}</p>
                  <p className="side-value" data-testid="conflict-theirs">
                    {display(model, name, conflict.theirs, none)}
                  </p>
                  <button type="button" onClick={() => onResolve(name, false)}>
                    {t("monitor.keepOtherDevice")}
                  </button>
                </div>
              </div>
            </fieldset>,
            slot,
            name,
          );
        if (!carried.has(name)) return null;
        return createPortal(
          <div className="carried-control">
            <span>{t("monitor.fromLastTime")}</span>
            <button type="button" onClick={() => onConfirm([name])}>
              {t("monitor.confirmOne")}
              <span className="visually-hidden">: {title}</span>
            </button>
          </div>,
          slot,
          name,
        );
      })}
    </>
  );
}
