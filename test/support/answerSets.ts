import { isDeepStrictEqual } from "node:util";
import { countInitiatives, type Rule, ruleQuestions, type SurveyVersion } from "@monitor/surveys";
import fc from "fast-check";
import { Model, type Question } from "survey-core";

/**
 * Answer sets generated from a questionnaire's own definition (its SurveyJS JSON and mapping), so
 * the tests reach whatever the definition allows, not only the answers someone thought of.
 */
export type Answers = Record<string, unknown>;

type Kind = "boolean" | "number" | "single" | "multiple" | "text";

export interface QuestionSpec {
  name: string;
  kind: Kind;
  /** Must be answered whenever it is shown. */
  required: boolean;
  choices: (string | number)[];
  noneValue?: string | number;
  min?: number;
  max?: number;
  /** Values that sit on the questionnaire's and the mapping's edges, tried first when repairing. */
  edges: unknown[];
}

interface SelectBase {
  choices: { value: string | number }[];
  showNoneItem?: boolean;
  noneItem?: { value: string | number };
}

const finite = (v: unknown): number | undefined => {
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
  return typeof n === "number" && Number.isFinite(n) ? n : undefined;
};

function thresholds(rules: Rule[], name: string): number[] {
  const out: number[] = [];
  const walk = (rule: Rule) => {
    if ("all" in rule) rule.all.forEach(walk);
    else if ("any" in rule) rule.any.forEach(walk);
    else if (rule.question === name && !("equals" in rule) && !("anyOf" in rule))
      for (const bound of [rule.min, rule.max, rule.above, rule.below])
        if (bound !== undefined) out.push(bound - 1, bound, bound + 1);
  };
  rules.forEach(walk);
  return out;
}

function kindOf(q: Question): Kind | undefined {
  const type = q.getType();
  if (type === "boolean") return "boolean";
  if (type === "text")
    return (q as unknown as { inputType?: string }).inputType === "number" ? "number" : "text";
  if (type === "comment") return "text";
  if (type === "rating") return "number";
  if (type === "checkbox" || type === "tagbox") return "multiple";
  if (type === "radiogroup" || type === "dropdown") return "single";
  return undefined;
}

/** Every answerable question of a version, in questionnaire order; fails on a type it cannot answer. */
export function questionSpecs(version: SurveyVersion): QuestionSpec[] {
  const rules = Object.values(version.mapping.initiatives);
  return new Model(version.json)
    .getAllQuestions(false)
    .filter((q) => q.getType() !== "expression" && q.getType() !== "html")
    .map((q) => {
      const kind = kindOf(q);
      if (!kind) throw new Error(`${version.id}: no answer generator for question type ${q.getType()}`);
      const select = q as unknown as SelectBase;
      const choices = kind === "single" || kind === "multiple" ? select.choices.map((c) => c.value) : [];
      const noneValue = select.showNoneItem ? select.noneItem?.value : undefined;
      const text = q as unknown as { min?: unknown; max?: unknown; rateMin?: number; rateMax?: number };
      const min = finite(kind === "number" ? (text.min ?? text.rateMin) : undefined);
      const max = finite(kind === "number" ? (text.max ?? text.rateMax) : undefined);
      const spec: QuestionSpec = {
        name: q.name,
        kind,
        required: q.isRequired,
        choices,
        noneValue,
        min,
        max,
        edges: [],
      };
      spec.edges = edgesOf(spec, thresholds(rules, q.name));
      return spec;
    });
}

function edgesOf(spec: QuestionSpec, numbers: number[]): unknown[] {
  switch (spec.kind) {
    case "boolean":
      return [true, false];
    case "number": {
      const lo = spec.min ?? 0;
      const hi = spec.max ?? 1_000_000;
      const inRange = [lo, hi, ...numbers, Math.floor((lo + hi) / 2)].filter((n) => n >= lo && n <= hi);
      return [...new Set(inRange)];
    }
    case "single":
      return [...spec.choices, ...(spec.noneValue === undefined ? [] : [spec.noneValue])];
    case "multiple":
      return [
        spec.choices,
        ...spec.choices.map((c) => [c]),
        ...(spec.noneValue === undefined ? [] : [[spec.noneValue]]),
      ];
    case "text":
      return ["DOC-2026-001"];
  }
}

function valueArbitrary(spec: QuestionSpec): fc.Arbitrary<unknown> {
  const edges = fc.constantFrom(...spec.edges);
  switch (spec.kind) {
    case "boolean":
      return fc.boolean();
    case "number": {
      const min = spec.min ?? -1_000_000;
      const max = spec.max ?? 1_000_000;
      return fc.oneof(
        edges,
        fc.integer({ min: Math.ceil(min), max: Math.floor(max) }),
        fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((n) => Math.round(n * 100) / 100),
      );
    }
    case "single":
      return edges;
    case "multiple": {
      const some = fc.subarray(spec.choices, { minLength: 1 });
      return spec.noneValue === undefined ? some : fc.oneof(some, fc.constant([spec.noneValue]));
    }
    case "text":
      return fc.oneof(edges, fc.string({ minLength: 1, maxLength: 60, unit: "grapheme" }));
  }
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && !v.length);

/**
 * Makes a set of answers valid by the definition, as survey-core reads it: answers to hidden
 * questions are dropped (conditions respected), and a visible question that is required but empty,
 * or fails a validator, takes the first of its wanted value and its edge values that passes.
 * Returns null when no such set was found.
 */
const models = new WeakMap<SurveyVersion, Model>();

export function settle(version: SurveyVersion, specs: QuestionSpec[], wanted: Answers): Answers | null {
  const model = models.get(version) ?? new Model(version.json);
  models.set(version, model);
  const data: Answers = structuredClone(wanted);
  for (let pass = 0; pass < 8; pass++) {
    let changed = false;
    model.data = structuredClone(data);
    for (const spec of specs) {
      const q = model.getQuestionByName(spec.name);
      if (!q.isVisibleInSurvey) {
        // dropped without setValue (slow in survey-core); the next pass loads the data again
        if (spec.name in data) {
          delete data[spec.name];
          changed = true;
        }
        continue;
      }
      if (isEmpty(data[spec.name]) && !q.isRequired) {
        if (q.validate(false)) continue;
        throw new Error(
          `${version.id}: optional question "${spec.name}" cannot be left empty: ${q.errors.map((e) => e.getText()).join("; ")}`,
        );
      }
      if (!isEmpty(data[spec.name]) && q.validate(false)) continue;
      const options = [wanted[spec.name], ...spec.edges].filter((v) => !isEmpty(v));
      const fit = options.find((value) => {
        model.setValue(spec.name, structuredClone(value));
        return q.validate(false);
      });
      if (fit === undefined) return null;
      data[spec.name] = structuredClone(fit);
      changed = true;
    }
    if (!changed) {
      for (const [name, value] of Object.entries(data)) if (value === undefined) delete data[name];
      return model.validate(false, false) ? data : null;
    }
  }
  return null;
}

/** Random valid answer sets of a version: any subset of optional questions answered, any valid value. */
export function validAnswerSets(version: SurveyVersion): fc.Arbitrary<Answers> {
  const specs = questionSpecs(version);
  const wanted = fc.record(
    Object.fromEntries(specs.map((s) => [s.name, fc.option(valueArbitrary(s), { nil: undefined })])),
  );
  return wanted
    .map((w) =>
      settle(version, specs, Object.fromEntries(Object.entries(w).filter(([, v]) => v !== undefined))),
    )
    .filter((data): data is Answers => data !== null);
}

/** The valid set with only what the definition requires answered (each from its first edge value). */
export function requiredOnly(version: SurveyVersion): Answers {
  const data = settle(version, questionSpecs(version), {});
  if (!data) throw new Error(`${version.id}: no valid answer set with the optional questions empty`);
  return data;
}

/**
 * The valid set with the most (or fewest) initiatives taken that a greedy search finds: each round
 * tries the edge values of the questions that decide the initiatives still to gain (or to lose).
 * These are the extremes "everything taken" and "nothing taken".
 */
export function extremeAnswers(version: SurveyVersion, goal: "most" | "fewest"): Answers {
  const specs = questionSpecs(version);
  const byName = new Map(specs.map((s) => [s.name, s]));
  const taken = (data: Answers) => new Set(countInitiatives(version, data).initiatives);
  const score = (data: Answers) => taken(data).size * (goal === "most" ? 1 : -1);
  let best = requiredOnly(version);
  // A trial that changes nothing settles to `best` again: skipped (a quarter of the settles).
  const unchanged = (name: string, value: unknown) => isDeepStrictEqual(best[name], value);
  for (let round = 0; round < 4; round++) {
    const now = taken(best);
    const targets = version.initiativeIds.filter((id) => now.has(id) === (goal === "fewest"));
    const questions = new Set(
      targets.flatMap((id) => ruleQuestions(version.mapping.initiatives[id] as Rule)),
    );
    let improved = false;
    // an initiative whose rule needs several answers at once (grazing: yes, 120 days, 6 hours)
    if (goal === "most")
      for (const id of targets) {
        const values = allOfValues(version.mapping.initiatives[id] as Rule, byName);
        if (!values || Object.entries(values).every(([name, value]) => unchanged(name, value))) continue;
        const trial = settle(version, specs, { ...best, ...values });
        if (trial && score(trial) > score(best)) {
          best = trial;
          improved = true;
        }
      }
    for (const name of questions) {
      for (const value of [undefined, ...(byName.get(name)?.edges ?? [])]) {
        if (unchanged(name, value)) continue;
        const trial = settle(version, specs, { ...best, [name]: value });
        if (trial && score(trial) > score(best)) {
          best = trial;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  return best;
}

/** For an `all` rule of leaves, one answer per leaf that makes it hold; undefined for other rules. */
function allOfValues(rule: Rule, specs: Map<string, QuestionSpec>): Answers | undefined {
  if (!("all" in rule)) return undefined;
  const values: Answers = {};
  for (const leaf of rule.all) {
    if ("all" in leaf || "any" in leaf) return undefined;
    const multiple = specs.get(leaf.question)?.kind === "multiple";
    if ("equals" in leaf) values[leaf.question] = multiple ? [leaf.equals] : leaf.equals;
    else if ("anyOf" in leaf) values[leaf.question] = multiple ? [leaf.anyOf[0]] : leaf.anyOf[0];
    else
      values[leaf.question] =
        leaf.min ?? (leaf.above !== undefined ? leaf.above + 1 : (leaf.max ?? (leaf.below ?? 1) - 1));
  }
  return values;
}
