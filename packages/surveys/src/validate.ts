import { message } from "./messages.ts";
import { createModel, isEmptyAnswer, type QuestionInfo, questionsOf } from "./model.ts";
import { surelyValid } from "./quickCheck.ts";
import type { AnswerError, Locale, SurveyVersion } from "./types.ts";

/** Type, choice and range errors of one answer; null/undefined/"" mean "no answer" and pass. */
function answerErrors(q: QuestionInfo, value: unknown, locale: Locale): string[] {
  if (value === null || value === undefined || value === "") return [];
  switch (q.kind) {
    case "boolean":
      return typeof value === "boolean" ? [] : [message("notBoolean", locale)];
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) return [message("notNumber", locale)];
      if (q.min !== undefined && value < q.min) return [message("belowMin", locale, q.min)];
      if (q.max !== undefined && value > q.max) return [message("aboveMax", locale, q.max)];
      return [];
    }
    case "text":
    case "comment":
      return typeof value === "string" ? [] : [message("notText", locale)];
    case "file":
      return Array.isArray(value) && value.every((f) => typeof f === "object" && f !== null)
        ? []
        : [message("notFiles", locale)];
    case "expression":
      return []; // computed by survey-core; whatever the client sent is recomputed
    default:
      break;
  }
  if (q.choices) {
    if (q.multiple) {
      if (!Array.isArray(value)) return [message("notList", locale)];
      return value
        .filter((v) => !q.choices?.includes(v as string | number))
        .map((v) => message("badChoice", locale, String(v)));
    }
    if (typeof value !== "string" && typeof value !== "number")
      return [message("badChoice", locale, String(value))];
    return q.choices.includes(value) ? [] : [message("badChoice", locale, String(value))];
  }
  return [];
}

/**
 * Server-side check of a response.
 *
 * mode "save" (draft): unknown question names, answers of the wrong type (a string where a number
 * belongs, a non-boolean for yes/no, a non-list for a multi-select), choice values that do not exist,
 * and numbers outside the question's min/max are errors. Missing answers are fine.
 * These type/choice/range checks apply to every answer, visible or not; a well-formed (stale)
 * answer to a hidden question is never an error (it is ignored when counting).
 *
 * mode "submit": everything of "save", plus survey-core's own validation of the VISIBLE questions
 * (required answers, validators) with its messages in `locale`. A question that already has one of
 * our errors gets no survey-core error on top.
 */
export function validateAnswers(
  version: SurveyVersion,
  data: Record<string, unknown>,
  locale: Locale,
  mode: "save" | "submit",
): AnswerError[] {
  const questions = questionsOf(version.json);
  const errors: AnswerError[] = [];
  for (const [name, value] of Object.entries(data)) {
    const q = questions.get(name);
    if (!q?.hasValue) {
      errors.push({ question: name, message: message("unknownQuestion", locale) });
      continue;
    }
    for (const m of answerErrors(q, value, locale)) errors.push({ question: name, message: m });
  }
  if (mode === "save") return errors;

  const withErrors = new Set(errors.map((e) => e.question));
  const clean: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(data)) {
    if (questions.has(name) && !withErrors.has(name) && !isEmptyAnswer(value)) clean[name] = value;
  }
  // Most submissions are complete: the quick check spares building a model; any doubt asks the model.
  if (!errors.length && surelyValid(version.json, clean)) return errors;
  const model = createModel(version.json);
  model.locale = locale;
  model.data = structuredClone(clean);
  model.clearIncorrectValues(true);
  model.validate(true, false);
  for (const q of model.getAllQuestions(true)) {
    if (withErrors.has(q.name)) continue;
    for (const e of q.errors) errors.push({ question: q.name, message: e.getText() });
  }
  return errors;
}
