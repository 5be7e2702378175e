import { ConditionRunner } from "survey-core";
import { compiledQuestionnaire, isEmptyAnswer } from "./model.ts";
import type { SurveyJson } from "./types.ts";

/**
 * A quick check that survey-core's own validation of a submission finds nothing, without building
 * a survey model (about 100–200 ms of CPU per submission). It answers "surely valid" only for
 * questionnaires made of features whose checks it knows (required answers and expression
 * validators on plain questions, visibility by visibleIf) and when every visible required question
 * is answered and every expression validator holds; in every other case the caller asks the full
 * model, which alone writes the messages. Tested against the model on many answer sets.
 */
interface Plan {
  name: string;
  visible: (data: Record<string, unknown>) => boolean;
  required: boolean;
  validators: ConditionRunner[];
}

const SURVEY_KEYS = new Set([
  "title",
  "description",
  "pages",
  "completedHtml",
  "showProgressBar",
  "progressBarLocation",
  "progressBarType",
]);
const PAGE_KEYS = new Set(["name", "title", "description", "elements", "visibleIf", "visible"]);
const ELEMENT_KEYS = new Set([
  "type",
  "name",
  "title",
  "description",
  "elements",
  "visibleIf",
  "visible",
  "isRequired",
  "validators",
  "inputType",
  "min",
  "max",
  "choices",
  "showNoneItem",
  "noneText",
  "renderAs",
  "displayStyle",
  "maximumFractionDigits",
  "expression",
]);
const TYPES = new Set([
  "boolean",
  "text",
  "comment",
  "checkbox",
  "radiogroup",
  "dropdown",
  "expression",
  "panel",
  "html",
]);

type Element = Record<string, unknown>;

/** The plan of a questionnaire, or null when it uses anything the quick check does not know. */
function planOf(json: SurveyJson): Plan[] | null {
  const compiled = compiledQuestionnaire(json);
  if (compiled.fallback || Object.keys(json).some((k) => !SURVEY_KEYS.has(k))) return null;
  const elements = new Map<string, Element>();
  const computed = new Set<string>();
  let known = true;
  const visit = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const el of list as Element[]) {
      const type = String(el.type);
      if (!TYPES.has(type) || Object.keys(el).some((k) => !ELEMENT_KEYS.has(k))) known = false;
      if (type === "text" && el.inputType !== undefined && el.inputType !== "number") known = false;
      if (el.isRequired !== undefined && typeof el.isRequired !== "boolean") known = false;
      if (type === "panel") {
        if (el.isRequired || el.validators) known = false;
        visit(el.elements);
      } else if (typeof el.name === "string") {
        if (elements.has(el.name)) known = false;
        if (type === "expression") computed.add(el.name);
        elements.set(el.name, el);
      }
    }
  };
  for (const page of (json.pages ?? []) as Element[]) {
    if (Object.keys(page).some((k) => !PAGE_KEYS.has(k))) known = false;
    visit(page.elements);
  }
  if (!known) return null;
  const plans: Plan[] = [];
  for (const q of compiled.questions) {
    const el = elements.get(q.name);
    if (!el) return null;
    const validators: ConditionRunner[] = [];
    for (const v of (el.validators ?? []) as Element[]) {
      if (v.type !== "expression" || typeof v.expression !== "string") return null;
      const runner = new ConditionRunner(v.expression);
      // Only plain answers: computed values and variables would need the model.
      const names = runner.getVariables().map((name) => name.split(/[.[]/)[0] ?? name);
      if (names.some((name) => !elements.has(name) || computed.has(name))) return null;
      validators.push(runner);
    }
    if (computed.has(q.name) && (el.isRequired || validators.length)) return null;
    plans.push({
      name: q.name,
      visible: (data) => !q.hidden && q.conditions.every((c) => c.runValues(data) === true),
      required: el.isRequired === true,
      validators,
    });
  }
  return plans;
}

const plans = new WeakMap<object, Plan[] | null>();

/**
 * True when survey-core's validation of these answers (already free of type, choice and range
 * errors, empty answers left out) surely finds no error; false when only the model can tell.
 */
export function surelyValid(json: SurveyJson, answers: Record<string, unknown>): boolean {
  let plan = plans.get(json);
  if (plan === undefined) {
    plan = planOf(json);
    plans.set(json, plan);
  }
  if (!plan) return false;
  for (const q of plan) {
    if (!q.visible(answers)) continue;
    if (q.required && isEmptyAnswer(answers[q.name])) return false;
    for (const v of q.validators) if (v.runValues(answers) !== true) return false;
  }
  return true;
}
