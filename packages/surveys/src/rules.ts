import type { QuestionInfo } from "./model.ts";
import type { Rule } from "./types.ts";

type Answers = Record<string, unknown>;

const RANGE_KEYS = ["min", "max", "above", "below"] as const;

/** True when the rule holds on these answers (answers of visible questions only). */
export function evaluateRule(rule: Rule, answers: Answers): boolean {
  if ("all" in rule) return rule.all.every((r) => evaluateRule(r, answers));
  if ("any" in rule) return rule.any.some((r) => evaluateRule(r, answers));
  const value = answers[rule.question];
  if ("equals" in rule) return value === rule.equals;
  if ("anyOf" in rule) {
    if (Array.isArray(value)) return value.some((v) => rule.anyOf.includes(v));
    return (typeof value === "string" || typeof value === "number") && rule.anyOf.includes(value);
  }
  if (typeof value !== "number" || !Number.isFinite(value)) return false;
  if (rule.min !== undefined && !(value >= rule.min)) return false;
  if (rule.max !== undefined && !(value <= rule.max)) return false;
  if (rule.above !== undefined && !(value > rule.above)) return false;
  if (rule.below !== undefined && !(value < rule.below)) return false;
  return true;
}

/** The question names a rule reads. */
export function ruleQuestions(rule: Rule): string[] {
  if ("all" in rule) return rule.all.flatMap(ruleQuestions);
  if ("any" in rule) return rule.any.flatMap(ruleQuestions);
  return [rule.question];
}

export interface RuleProblem {
  /** JSON pointer below the rule. */
  pointer: string;
  message: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Checks the shape of a rule and that it fits the questions of the version: the question
 * exists, the rule suits its type, and the choice values exist.
 */
export function checkRule(raw: unknown, questions: Map<string, QuestionInfo>, pointer = ""): RuleProblem[] {
  const out: RuleProblem[] = [];
  const fail = (message: string, at = pointer) => out.push({ pointer: at, message });
  if (!isObject(raw)) {
    fail("a rule must be an object");
    return out;
  }
  for (const combinator of ["all", "any"] as const) {
    if (combinator in raw) {
      const list = raw[combinator];
      if (Object.keys(raw).length !== 1) fail(`"${combinator}" must be the only key of its rule`);
      if (!Array.isArray(list) || list.length === 0) {
        fail(`"${combinator}" needs a non-empty list of rules`);
        return out;
      }
      list.forEach((r, i) => {
        out.push(...checkRule(r, questions, `${pointer}/${combinator}/${i}`));
      });
      return out;
    }
  }
  const name = raw.question;
  if (typeof name !== "string") {
    fail('a rule needs "question" (or "all"/"any")');
    return out;
  }
  const kinds = ["equals", "anyOf", ...RANGE_KEYS].filter((k) => k in raw);
  const unknown = Object.keys(raw).filter((k) => k !== "question" && !kinds.includes(k));
  if (unknown.length > 0) fail(`unknown rule key(s): ${unknown.join(", ")}`);
  const q = questions.get(name);
  if (!q) {
    fail(`mapped question "${name}" does not exist in this version`);
    return out;
  }
  if (q.kind === "expression") {
    fail(`question "${name}" is computed (expression): a rule must read an answer`);
    return out;
  }
  if ("equals" in raw) {
    if (kinds.length !== 1) fail('"equals" cannot be combined with other conditions');
    const v = raw.equals;
    if (q.kind === "boolean") {
      if (typeof v !== "boolean") fail(`question "${name}" is yes/no: "equals" must be true or false`);
    } else if (q.choices && !q.multiple) {
      if (!q.choices.includes(v as string | number))
        fail(`choice "${String(v)}" does not exist in question "${name}"`);
    } else if (q.kind === "number") {
      if (typeof v !== "number") fail(`question "${name}" is a number: "equals" must be a number`);
    } else {
      fail(`"equals" does not suit question "${name}" of type ${q.kind}${q.multiple ? " (use anyOf)" : ""}`);
    }
    return out;
  }
  if ("anyOf" in raw) {
    if (kinds.length !== 1) fail('"anyOf" cannot be combined with other conditions');
    const values = raw.anyOf;
    if (!q.choices) {
      fail(`"anyOf" needs a question with choices; "${name}" is of type ${q.kind}`);
      return out;
    }
    if (!Array.isArray(values) || values.length === 0) {
      fail('"anyOf" needs a non-empty list of choice values');
      return out;
    }
    values.forEach((v, i) => {
      if (!q.choices?.includes(v))
        fail(`choice "${String(v)}" does not exist in question "${name}"`, `${pointer}/anyOf/${i}`);
    });
    return out;
  }
  if (kinds.length === 0) {
    fail('a rule needs "equals", "anyOf" or a bound ("min", "max", "above", "below")');
    return out;
  }
  if (q.kind !== "number") {
    fail(`a number bound needs a number question; "${name}" is of type ${q.kind}`);
  }
  for (const k of kinds) {
    if (typeof raw[k] !== "number" || !Number.isFinite(raw[k])) fail(`"${k}" must be a number`);
  }
  return out;
}
