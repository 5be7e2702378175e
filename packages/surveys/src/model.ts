import { ConditionRunner, Model, type Question } from "survey-core";
import "survey-core/i18n/dutch";
import "survey-core/i18n/french";
import "survey-core/i18n/german";
import type { SurveyJson } from "./types.ts";

/**
 * What we need to know about one question, read from survey-core's model.
 * `kind` is the question type, except that a text question with `inputType: "number"` is "number":
 * two versions must never give one name different kinds.
 */
export interface QuestionInfo {
  name: string;
  kind: string;
  /** Allowed values for choice questions (including the "none"/"other" items when shown). */
  choices?: (string | number)[];
  /** True for multi-select (checkbox, tagbox). */
  multiple?: boolean;
  min?: number;
  max?: number;
  /** Has a value (not html/image). */
  hasValue: boolean;
  question: Question;
}

interface ChoiceLike {
  value: unknown;
}
interface SelectLike {
  choices?: ChoiceLike[];
  showNoneItem?: boolean;
  noneItem?: ChoiceLike;
  showOtherItem?: boolean;
  otherItem?: ChoiceLike;
}
interface TextLike {
  inputType?: string;
  min?: unknown;
  max?: unknown;
}
interface RatingLike {
  rateMin?: number;
  rateMax?: number;
}

const CHOICE_TYPES = new Set(["checkbox", "tagbox", "radiogroup", "dropdown", "imagepicker", "ranking"]);
const MULTI_TYPES = new Set(["checkbox", "tagbox", "ranking"]);
const NO_VALUE_TYPES = new Set(["html", "image", "panel"]);

const toNumber = (v: unknown): number | undefined => {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return undefined;
};

export function describeQuestion(q: Question): QuestionInfo {
  const type = q.getType();
  const info: QuestionInfo = { name: q.name, kind: type, hasValue: !NO_VALUE_TYPES.has(type), question: q };
  if (type === "text") {
    const t = q as unknown as TextLike;
    if (t.inputType === "number" || t.inputType === "range") {
      info.kind = "number";
      info.min = toNumber(t.min);
      info.max = toNumber(t.max);
    }
  } else if (type === "rating") {
    const r = q as unknown as RatingLike & SelectLike;
    info.kind = "number";
    info.min = r.rateMin;
    info.max = r.rateMax;
  } else if (CHOICE_TYPES.has(type)) {
    const s = q as unknown as SelectLike;
    const values = (s.choices ?? []).map((c) => c.value as string | number);
    if (s.showNoneItem && s.noneItem) values.push(s.noneItem.value as string | number);
    if (s.showOtherItem && s.otherItem) values.push(s.otherItem.value as string | number);
    info.choices = values;
    info.multiple = MULTI_TYPES.has(type);
  }
  return info;
}

export function createModel(json: SurveyJson): Model {
  return new Model(json);
}

/** All questions of a model (visible or not), by name. */
export function describeQuestions(model: Model): Map<string, QuestionInfo> {
  const map = new Map<string, QuestionInfo>();
  for (const q of model.getAllQuestions(false)) {
    if (!map.has(q.name)) map.set(q.name, describeQuestion(q));
  }
  return map;
}

export function isEmptyAnswer(v: unknown): boolean {
  return v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);
}

/**
 * The answers of the questions that are visible for these data (visibleIf evaluated by survey-core,
 * including the visibility of pages and panels), keyed by question name. Expression questions give
 * their computed value.
 */
export function visibleAnswers(model: Model, data: Record<string, unknown>): Record<string, unknown> {
  model.data = structuredClone(data);
  const out: Record<string, unknown> = {};
  for (const q of model.getAllQuestions(true)) {
    const v = model.getValue(q.getValueName());
    if (!isEmptyAnswer(v)) out[q.name] = v;
  }
  return out;
}

const cache = new WeakMap<object, Model>();
/** One model per questionnaire JSON, reused for counting (callers must not keep state in it). */
export function cachedModel(json: SurveyJson): Model {
  let m = cache.get(json);
  if (!m) {
    m = createModel(json);
    cache.set(json, m);
  }
  return m;
}

/**
 * Fast visibility: the visibleIf conditions of each question and of its page and panels, compiled
 * once per questionnaire with survey-core's ConditionRunner and run on the raw answers. This is
 * what the survey model does when data are set (conditions see every answer, hidden or not), at a
 * fraction of the cost of setting data on a full model. Questionnaires that use features that
 * change values or visibility in other ways (triggers, value expressions, defaults, expression or
 * calculated values in conditions, dynamic panels and matrices, clearInvisibleValues "onHidden")
 * use the full model instead.
 */
export interface CompiledQuestion {
  name: string;
  hidden: boolean;
  computed: boolean;
  conditions: ConditionRunner[];
}
export interface Compiled {
  fallback: boolean;
  questions: CompiledQuestion[];
}

const VALUE_CHANGING_KEYS = new Set([
  "triggers",
  "calculatedValues",
  "defaultValue",
  "defaultValueExpression",
  "setValueIf",
  "setValueExpression",
  "resetValueIf",
  "valueName",
]);
const COMPLEX_TYPES = new Set([
  "paneldynamic",
  "matrixdynamic",
  "matrixdropdown",
  "matrix",
  "multipletext",
  "custom",
  "composite",
]);

function compile(json: SurveyJson): Compiled {
  const questions: CompiledQuestion[] = [];
  let fallback = json.clearInvisibleValues === "onHidden" || !Array.isArray(json.pages);
  const computed = new Set<string>();
  const visit = (elements: unknown, inherited: string[], inheritedHidden: boolean) => {
    if (!Array.isArray(elements)) return;
    for (const el of elements as Record<string, unknown>[]) {
      if (typeof el !== "object" || el === null) continue;
      for (const k of Object.keys(el)) if (VALUE_CHANGING_KEYS.has(k)) fallback = true;
      const type = String(el.type);
      if (COMPLEX_TYPES.has(type)) fallback = true;
      if (type === "expression" && typeof el.name === "string") computed.add(el.name);
      const conditions =
        typeof el.visibleIf === "string" && el.visibleIf !== "" ? [...inherited, el.visibleIf] : inherited;
      const hidden = inheritedHidden || el.visible === false;
      if (type === "panel") visit(el.elements, conditions, hidden);
      else if (typeof el.name === "string") {
        questions.push({
          name: el.name,
          hidden,
          computed: type === "expression",
          conditions: conditions.map((c) => new ConditionRunner(c)),
        });
      }
    }
  };
  for (const k of Object.keys(json)) if (VALUE_CHANGING_KEYS.has(k)) fallback = true;
  for (const page of (json.pages ?? []) as Record<string, unknown>[]) {
    const own = typeof page.visibleIf === "string" && page.visibleIf !== "" ? [page.visibleIf] : [];
    visit(page.elements, own, page.visible === false);
  }
  for (const q of questions) {
    for (const c of q.conditions) {
      if (c.getVariables().some((v) => computed.has(v.split(/[.[]/)[0] ?? v))) fallback = true;
    }
  }
  return { fallback, questions };
}

const compiledCache = new WeakMap<object, Compiled>();

/** The compiled visibility of a questionnaire's questions, once per JSON object. */
export function compiledQuestionnaire(json: SurveyJson): Compiled {
  let compiled = compiledCache.get(json);
  if (!compiled) {
    compiled = compile(json);
    compiledCache.set(json, compiled);
  }
  return compiled;
}

/** `visibleAnswers` for a questionnaire, by the fast path when it applies. */
export function visibleAnswersOf(json: SurveyJson, data: Record<string, unknown>): Record<string, unknown> {
  const compiled = compiledQuestionnaire(json);
  if (compiled.fallback) return visibleAnswers(cachedModel(json), data);
  const out: Record<string, unknown> = {};
  for (const q of compiled.questions) {
    // expression questions are computed by the model: the fast path leaves them out (rules cannot use them)
    if (q.hidden || q.computed || !Object.hasOwn(data, q.name)) continue;
    const v = data[q.name];
    if (isEmptyAnswer(v)) continue;
    if (q.conditions.every((c) => c.runValues(data) === true)) out[q.name] = v;
  }
  return out;
}

const questionsCache = new WeakMap<object, Map<string, QuestionInfo>>();
/** `describeQuestions` of a questionnaire, computed once per JSON object. */
export function questionsOf(json: SurveyJson): Map<string, QuestionInfo> {
  let q = questionsCache.get(json);
  if (!q) {
    q = describeQuestions(createModel(json));
    questionsCache.set(json, q);
  }
  return q;
}
