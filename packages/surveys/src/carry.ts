import { countInitiatives } from "./count.ts";
import { isEmptyAnswer, type QuestionInfo, questionsOf, visibleAnswersOf } from "./model.ts";
import { evaluateRule } from "./rules.ts";
import type { CarryOverResult, Rule, SurveyVersion } from "./types.ts";

type Answers = Record<string, unknown>;

/** Adapts an answer to the target question; undefined when nothing valid is left. */
function adapt(value: unknown, q: QuestionInfo): unknown {
  if (q.choices) {
    if (q.multiple) {
      if (!Array.isArray(value)) return undefined;
      const kept = value.filter((v) => q.choices?.includes(v));
      return kept.length > 0 ? kept : undefined;
    }
    return q.choices.includes(value as string | number) ? value : undefined;
  }
  if (q.kind === "number") {
    if (typeof value !== "number" || !Number.isFinite(value)) return undefined;
    if ((q.min !== undefined && value < q.min) || (q.max !== undefined && value > q.max)) return undefined;
  }
  if (q.kind === "boolean" && typeof value !== "boolean") return undefined;
  if ((q.kind === "text" || q.kind === "comment") && typeof value !== "string") return undefined;
  return value;
}

/**
 * The answers that make a rule true when there is exactly one way to do so: `equals` (a yes/no
 * answered yes, a single choice), `anyOf` with a single value, `all` of such rules, or `any`
 * with a single member. Number bounds and multi-value alternatives are ambiguous: undefined.
 */
function uniqueAnswer(rule: Rule, questions: Map<string, QuestionInfo>): Map<string, unknown> | undefined {
  if ("all" in rule) {
    const merged = new Map<string, unknown>();
    for (const r of rule.all) {
      const part = uniqueAnswer(r, questions);
      if (!part) return undefined;
      for (const [k, v] of part) {
        if (merged.has(k)) return undefined;
        merged.set(k, v);
      }
    }
    return merged;
  }
  if ("any" in rule) {
    const [only] = rule.any;
    return rule.any.length === 1 && only ? uniqueAnswer(only, questions) : undefined;
  }
  const q = questions.get(rule.question);
  if (!q) return undefined;
  if ("equals" in rule) return new Map([[rule.question, rule.equals]]);
  if ("anyOf" in rule && rule.anyOf.length === 1 && q.choices) {
    const [value] = rule.anyOf;
    return new Map([[rule.question, q.multiple ? [value] : value]]);
  }
  return undefined;
}

/** Drops answers of questions that are hidden in the target version (repeated: one removal can hide another). */
function dropHidden(to: SurveyVersion, data: Answers): Answers {
  let current = data;
  for (let i = 0; i < 5; i++) {
    const visible = visibleAnswersOf(to.json, current);
    const next: Answers = {};
    for (const k of Object.keys(current)) if (k in visible) next[k] = current[k];
    if (Object.keys(next).length === Object.keys(current).length) return next;
    current = next;
  }
  return current;
}

/**
 * Pre-fills version `to` from a previous submission in version `from`:
 *
 * 1. Every visible answer of `from` whose question exists in `to` with the same name and type is
 *    copied, minus choices that no longer exist and numbers outside the new range. Expression
 *    questions (computed) and the questions listed in `to`'s mapping `askEachTime` (figures of one
 *    period such as herd size, kWh or % of cows, and the declaration) are never carried over: the
 *    farmer gives them anew, so no stale figure slips into the new submission.
 * 2. For each initiative counted in `from` that `to` covers but does not yet count, the answer that
 *    makes `to`'s rule true is set when that is unambiguous (a yes/no question: yes; a rule on one
 *    choice) and the target question is still unanswered. Numbers are never invented.
 * 3. Answers that end up on hidden questions in `to` are dropped.
 *
 * `questions` lists the pre-filled question names in questionnaire order.
 */
export function carryOver(from: SurveyVersion, fromData: Answers, to: SurveyVersion): CarryOverResult {
  const fromQuestions = questionsOf(from.json);
  const source = visibleAnswersOf(from.json, fromData);
  const toQuestions = questionsOf(to.json);
  const askEachTime = new Set(to.mapping.askEachTime ?? []);
  const carriable = (q: QuestionInfo) => q.hasValue && q.kind !== "expression" && !askEachTime.has(q.name);

  let data: Answers = {};
  for (const [name, value] of Object.entries(source)) {
    const target = toQuestions.get(name);
    const origin = fromQuestions.get(name);
    if (!target || !origin || origin.kind !== target.kind || !carriable(target)) continue;
    const adapted = adapt(value, target);
    if (adapted !== undefined) data[name] = adapted;
  }
  data = dropHidden(to, data);

  const taken = countInitiatives(from, fromData).initiatives;
  let visible = visibleAnswersOf(to.json, data);
  for (const id of taken) {
    const rule = to.mapping.initiatives[id];
    if (!rule || evaluateRule(rule, visible)) continue;
    const answer = uniqueAnswer(rule, toQuestions);
    if (!answer) continue;
    const free = (name: string) => {
      const q = toQuestions.get(name);
      return q !== undefined && carriable(q) && isEmptyAnswer(data[name]);
    };
    if (![...answer.keys()].every(free)) continue;
    const candidate: Answers = { ...data, ...Object.fromEntries(answer) };
    const candidateVisible = visibleAnswersOf(to.json, candidate);
    if (evaluateRule(rule, candidateVisible)) {
      data = candidate;
      visible = candidateVisible;
    }
  }

  const order = [...toQuestions.keys()];
  const questions = order.filter((n) => n in data);
  const ordered: Answers = {};
  for (const n of questions) ordered[n] = data[n];
  return { data: ordered, questions };
}
