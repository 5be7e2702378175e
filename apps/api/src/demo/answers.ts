import { evaluateRule, type Rule, type SurveyVersion } from "@monitor/surveys";
import type { Random } from "./random.ts";

/**
 * Demo answers built backwards from a chosen set of initiatives: for a questionnaire version and the
 * initiatives a farm takes, answers for which `countInitiatives(version, answers)` gives exactly that
 * set. It walks the questionnaire JSON and the mapping rules (no survey-core model per response, so
 * tens of thousands of responses take a few seconds):
 *
 * 1. every question gets a plausible *preferred* answer from the farm's profile (herd size, land,
 *    housing) or a generic sampler for its type;
 * 2. each mapped rule is made to hold (taken) or fail (not taken), keeping the preferred answer when
 *    it already does, and locking the answers it decides (a follow-up question that must count also
 *    locks the answer that makes it visible);
 * 3. every other question keeps its preferred answer, and answers to questions hidden by their
 *    `visibleIf` are dropped, as survey-core would on completion.
 *
 * `visibleIf` conditions of the forms `{q} = value`, `{q} anyof [...]` and `{q} > n` are understood;
 * a version with other forms is refused when its plan is built (the tests build every version).
 */

export interface FarmProfile {
  herdSize: number;
  region?: string;
  /** Stable per-farm draws in [0, 1) so a farm's land, housing and habits stay put over the years. */
  traits?: FarmTraits;
}

export interface FarmTraits {
  hectaresPerCow: number;
  grasslandShare: number;
  housing: "free_stall" | "straw_yard" | "tie_stall";
  milking: "milking_parlour" | "milking_robot" | "pipeline";
  organic: boolean;
}

export function farmTraits(random: Random, herdSize: number, region = "flanders"): FarmTraits {
  const walloon = region === "wallonia" || region === "east_belgium";
  const housingDraw = random.next();
  // robots on the larger farms (about a tenth of small herds, half of the largest)
  const robotShare = Math.min(0.55, 0.1 + herdSize / 400);
  const milkingDraw = random.next();
  // tie stalls on small herds (Flanders 2020: 17% of the barns, 6.5% of the cows)
  const housing =
    housingDraw < (herdSize < 50 ? 0.25 : herdSize < 80 ? 0.08 : 0.02)
      ? "tie_stall"
      : housingDraw < 0.9
        ? "free_stall"
        : "straw_yard";
  return {
    hectaresPerCow: 0.45 + random.next() * (walloon ? 0.6 : 0.35),
    grasslandShare: walloon ? 0.6 + random.next() * 0.35 : 0.35 + random.next() * 0.35,
    housing,
    // a tie stall is milked with a pipeline, loose housing in a parlour or by a robot (surveys/2026 checks it)
    milking:
      housing === "tie_stall" ? "pipeline" : milkingDraw < robotShare ? "milking_robot" : "milking_parlour",
    organic: random.next() < (walloon ? 0.08 : 0.03),
  };
}

/** The lying areas each housing has (the 2026 questionnaire refuses the others). */
export const LYING_SURFACES: Record<FarmTraits["housing"], readonly string[]> = {
  free_stall: ["mattresses", "deep_litter", "sand", "rubber_mats", "concrete"],
  tie_stall: ["rubber_mats", "concrete"],
  straw_yard: ["straw_yard"],
};

/** Initiatives a farm with this housing cannot take (their rule needs another housing). */
export const HOUSING_EXCLUDES: Record<FarmTraits["housing"], readonly string[]> = {
  free_stall: [],
  straw_yard: [],
  tie_stall: ["animal_welfare.free_stall_comfort", "animal_welfare.lying_comfort"],
};

type Kind = "boolean" | "number" | "single" | "multi" | "text" | "computed" | "other";
type Condition =
  | { question: string; op: "eq"; value: unknown }
  | { question: string; op: "anyof"; values: unknown[] }
  | { question: string; op: "gt"; value: number };

interface PlanQuestion {
  name: string;
  kind: Kind;
  required: boolean;
  /** Choice values without the "none" item. */
  choices: unknown[];
  none: boolean;
  min: number | undefined;
  max: number | undefined;
  integer: boolean;
  /** The question's own condition and those of its page and panels. */
  visibleIf: Condition[];
}

export interface AnswerPlan {
  version: SurveyVersion;
  questions: PlanQuestion[];
  byName: Map<string, PlanQuestion>;
  /** Initiatives that can only hold when another one does (a follow-up shown by that one's answer). */
  requires: Map<string, string>;
}

type Answers = Record<string, unknown>;

function parseCondition(text: string): Condition {
  const value = (raw: string): unknown => {
    const t = raw.trim();
    if (t === "true") return true;
    if (t === "false") return false;
    if (/^'.*'$/.test(t) || /^".*"$/.test(t)) return t.slice(1, -1);
    if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
    throw new Error(`demo answers: cannot read value ${raw}`);
  };
  let m = /^\{(\w+)\}\s*=\s*(.+)$/.exec(text.trim());
  if (m?.[1] && m[2]) return { question: m[1], op: "eq", value: value(m[2]) };
  m = /^\{(\w+)\}\s+anyof\s+\[(.*)\]$/i.exec(text.trim());
  if (m?.[1] && m[2] !== undefined)
    return { question: m[1], op: "anyof", values: m[2].split(",").map(value) };
  m = /^\{(\w+)\}\s*>\s*(-?\d+(\.\d+)?)$/.exec(text.trim());
  if (m?.[1] && m[2]) return { question: m[1], op: "gt", value: Number(m[2]) };
  throw new Error(`demo answers: visibleIf "${text}" is not of a form the demo generator understands`);
}

function holds(c: Condition, value: unknown): boolean {
  if (c.op === "eq") return value === c.value;
  if (c.op === "anyof")
    return Array.isArray(value) ? value.some((v) => c.values.includes(v)) : c.values.includes(value);
  return typeof value === "number" && value > c.value;
}

const toNumber = (v: unknown) =>
  typeof v === "number" ? v : typeof v === "string" && v !== "" ? Number(v) : undefined;

const plans = new WeakMap<SurveyVersion, AnswerPlan>();

/** The questions of a version as the generator needs them, built once per version. */
export function answerPlan(version: SurveyVersion): AnswerPlan {
  const cached = plans.get(version);
  if (cached) return cached;
  const questions: PlanQuestion[] = [];
  const visit = (elements: unknown, inherited: Condition[]) => {
    if (!Array.isArray(elements)) return;
    for (const el of elements as Record<string, unknown>[]) {
      const own =
        typeof el.visibleIf === "string" && el.visibleIf !== "" ? [parseCondition(el.visibleIf)] : [];
      const conditions = [...inherited, ...own];
      const type = String(el.type);
      if (type === "panel") {
        visit(el.elements, conditions);
        continue;
      }
      if (typeof el.name !== "string" || type === "html" || type === "image") continue;
      const choices = Array.isArray(el.choices)
        ? (el.choices as unknown[]).map((c) =>
            typeof c === "object" && c !== null ? (c as { value: unknown }).value : c,
          )
        : [];
      let kind: Kind = "other";
      if (type === "boolean") kind = "boolean";
      else if (type === "text" && (el.inputType === "number" || el.inputType === "range")) kind = "number";
      else if (type === "rating") kind = "number";
      else if (type === "checkbox" || type === "tagbox") kind = "multi";
      else if (type === "radiogroup" || type === "dropdown") kind = "single";
      else if (type === "text" || type === "comment") kind = "text";
      else if (type === "expression") kind = "computed";
      const min = toNumber(type === "rating" ? (el.rateMin ?? 1) : el.min);
      const max = toNumber(type === "rating" ? (el.rateMax ?? 5) : el.max);
      questions.push({
        name: el.name,
        kind,
        required: el.isRequired === true,
        choices,
        none: el.showNoneItem === true,
        min,
        max,
        integer: el.step === undefined || Number.isInteger(toNumber(el.step)),
        visibleIf: conditions,
      });
    }
  };
  for (const page of (version.json.pages ?? []) as Record<string, unknown>[]) {
    const own =
      typeof page.visibleIf === "string" && page.visibleIf !== "" ? [parseCondition(page.visibleIf)] : [];
    visit(page.elements, own);
  }
  const byName = new Map(questions.map((q) => [q.name, q]));
  // An initiative read from a follow-up question that shows only when another initiative's yes/no
  // question is "yes" can only be taken together with that initiative.
  const requires = new Map<string, string>();
  const bySimpleQuestion = new Map<string, string>();
  for (const [id, rule] of Object.entries(version.mapping.initiatives)) {
    if ("question" in rule && "equals" in rule && rule.equals === true)
      bySimpleQuestion.set(rule.question, id);
  }
  for (const [id, rule] of Object.entries(version.mapping.initiatives)) {
    if (!("question" in rule)) continue;
    for (const c of byName.get(rule.question)?.visibleIf ?? []) {
      const other = bySimpleQuestion.get(c.question);
      if (other && other !== id && c.op === "eq" && c.value === true) requires.set(id, other);
    }
  }
  const plan = { version, questions, byName, requires };
  plans.set(version, plan);
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Preferred answers: plausible values for a farm, before the rules have their say.

type Sampler = (random: Random, farm: FarmProfile & { traits: FarmTraits }) => unknown;

const doc = (random: Random) => `DOC-${random.int(1000, 9999)}`;
const land = (farm: FarmProfile & { traits: FarmTraits }) =>
  Math.max(5, Math.round(farm.herdSize * farm.traits.hectaresPerCow));
const grassland = (farm: FarmProfile & { traits: FarmTraits }) =>
  Math.max(1, Math.round(land(farm) * farm.traits.grasslandShare));

const SAMPLERS: Record<string, Sampler> = {
  dairy_cows: (_, f) => f.herdSize,
  young_stock: (r, f) => Math.round(f.herdSize * (0.6 + r.next() * 0.4)),
  milk_delivered_litres: (r, f) => f.herdSize * r.int(6_500, 10_500),
  land_ha: (_, f) => land(f),
  grassland_ha: (_, f) => grassland(f),
  grazing_days: (r, f) =>
    f.region === "wallonia" || f.region === "east_belgium" ? r.int(170, 250) : r.int(100, 210),
  grazing_hours_per_day: (r, f) => (f.herdSize < 80 ? r.int(5, 14) : r.int(3, 10)),
  housing_type: (_, f) => f.traits.housing,
  lying_surface: (r, f) => {
    const allowed = LYING_SURFACES[f.traits.housing];
    const first = r.pick(allowed);
    const second = r.pick(allowed);
    return allowed.filter((c) => c === first || (c === second && r.next() < 0.3));
  },
  milking_system: (_, f) => f.traits.milking,
  organic: (_, f) => f.traits.organic,
  high_cell_count_pct: (r) => r.int(5, 28),
  antibiotic_benchmark_zone: (r) =>
    r.weighted([
      ["green", 70],
      ["yellow", 18],
      ["red", 5],
      ["no_report", 7],
    ] as const),
  barn_volume_m3_per_animal: (r) => r.int(28, 60),
  cow_brush_count: (r, f) => (r.next() < 0.5 ? 0 : Math.max(1, Math.round(f.herdSize / r.int(40, 80)))),
  average_herd_age_years: (r) => Math.round((4 + r.next() * 3.5) * 10) / 10,
  replacement_rate_pct: (r) => r.int(20, 40),
  own_renewable_electricity_kwh: (r, f) =>
    r.next() < 0.5 ? 0 : r.next() < 0.3 ? r.int(500, 3_900) : Math.round(f.herdSize * r.int(150, 900)),
  renewable_electricity_sources: (r) =>
    r.next() < 0.85 ? ["solar"] : r.next() < 0.5 ? ["solar", "wind"] : ["digester"],
  permanent_grassland_ha: (r, f) => Math.max(1, Math.round(grassland(f) * (0.4 + r.next() * 0.5))),
  carbon_footprint_kg_co2e_per_kg_milk: (r) => Math.round((0.9 + r.next() * 0.5) * 100) / 100,
  grass_share_ration_pct: (r, f) =>
    f.region === "wallonia" || f.region === "east_belgium" ? r.int(40, 85) : r.int(25, 65),
  roughage_self_sufficiency_pct: (r) => r.int(60, 100),
  water_use_m3: (r, f) => Math.round(f.herdSize * r.int(25, 45)),
  training_days: (r) => r.int(1, 6),
  declaration_correct: () => true,
};

function preferred(q: PlanQuestion, random: Random, farm: FarmProfile & { traits: FarmTraits }): unknown {
  const sampler = SAMPLERS[q.name];
  if (sampler) return sampler(random, farm);
  switch (q.kind) {
    case "boolean":
      return random.next() < 0.4;
    case "number": {
      const min = q.min ?? 0;
      return Math.round(min + random.next() * Math.min((q.max ?? min + 100) - min, 100));
    }
    case "single":
      return random.pick(q.choices);
    case "multi": {
      const picked = q.choices.filter(() => random.next() < 0.3);
      return picked.length > 0 ? picked : [random.pick(q.choices)];
    }
    case "text":
      return doc(random);
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Making each rule hold or fail.

type Leaf = Extract<Rule, { question: string }>;
type Bounds = { min?: number; max?: number; above?: number; below?: number };

/** Whether one answer alone satisfies a rule on its question (the package's rule evaluation). */
const leafHolds = (rule: Leaf, value: unknown): boolean => evaluateRule(rule, { [rule.question]: value });

const ruleHolds = evaluateRule;

class Conflict extends Error {}

class Builder {
  readonly answers: Answers = {};
  readonly locked = new Set<string>();

  constructor(
    readonly plan: AnswerPlan,
    readonly prefs: Answers,
    readonly random: Random,
    readonly farm: FarmProfile & { traits: FarmTraits },
  ) {}

  private question(name: string): PlanQuestion {
    const q = this.plan.byName.get(name);
    if (!q) throw new Error(`demo answers: the mapping reads unknown question "${name}"`);
    return q;
  }

  private lock(name: string, value: unknown) {
    if (this.locked.has(name)) {
      if (!sameValue(this.answers[name], value)) throw new Conflict(name);
      return;
    }
    this.locked.add(name);
    if (value === undefined) delete this.answers[name];
    else this.answers[name] = value;
  }

  /** The current value of a question: locked, else preferred. */
  private current(name: string): unknown {
    return this.locked.has(name) ? this.answers[name] : this.prefs[name];
  }

  /** Makes the question visible by locking the answers its conditions read. */
  private show(q: PlanQuestion) {
    for (const c of q.visibleIf) {
      const value = this.current(c.question);
      if (holds(c, value)) {
        if (!this.locked.has(c.question)) {
          this.lock(c.question, value);
          this.show(this.question(c.question));
        }
        continue;
      }
      if (this.locked.has(c.question)) throw new Conflict(c.question);
      const controller = this.question(c.question);
      const wanted =
        c.op === "eq"
          ? c.value
          : c.op === "anyof"
            ? controller.kind === "multi"
              ? [this.random.pick(c.values)]
              : this.random.pick(c.values)
            : this.numberIn(controller, { above: c.value }, true);
      this.lock(c.question, wanted);
      this.show(controller);
    }
  }

  solve(rule: Rule, want: boolean) {
    if ("all" in rule || "any" in rule) {
      const children = "all" in rule ? rule.all : rule.any;
      // all(true) and any(false): every child; all(false) and any(true): one child suffices.
      const every = "all" in rule === want;
      if (every) {
        for (const child of children) this.solve(child, want);
        return;
      }
      // Prefer a child that already goes the wanted way with the farm's own answers; for all(false)
      // else the most specific (last) child, for any(true) else a random one.
      const view = { ...this.prefs, ...this.answers };
      const ranked = children.map((child, index) => ({
        child,
        key:
          Number(ruleHolds(child, view) === want) * 10 +
          ("all" in rule ? index / children.length : this.random.next()),
      }));
      const order = ranked.sort((a, b) => b.key - a.key).map((r) => r.child);
      for (const child of order) {
        const answers = { ...this.answers };
        const locked = new Set(this.locked);
        try {
          this.solve(child, want);
          return;
        } catch (error) {
          if (!(error instanceof Conflict)) throw error;
          for (const k of Object.keys(this.answers)) delete this.answers[k];
          Object.assign(this.answers, answers);
          this.locked.clear();
          for (const k of locked) this.locked.add(k);
        }
      }
      throw new Conflict(JSON.stringify(rule));
    }
    this.leaf(rule, want);
  }

  private leaf(rule: Leaf, want: boolean) {
    const q = this.question(rule.question);
    const value = this.current(q.name);
    if (this.locked.has(q.name)) {
      if (leafHolds(rule, value) !== want) throw new Conflict(q.name);
      if (want) this.show(q);
      return;
    }
    if (want) {
      this.lock(q.name, leafHolds(rule, value) ? value : this.satisfying(q, rule));
      this.show(q);
      return;
    }
    this.lock(q.name, !leafHolds(rule, value) && value !== undefined ? value : this.failing(q, rule));
  }

  /** The choices that go with the farm's other answers (its housing for the lying area). */
  private plausible(q: PlanQuestion, values: readonly unknown[]): unknown[] {
    if (q.name !== "lying_surface") return [...values];
    const housing = this.current("housing_type") as FarmTraits["housing"] | undefined;
    const allowed = housing ? LYING_SURFACES[housing] : undefined;
    return allowed ? values.filter((v) => allowed.includes(v as string)) : [...values];
  }

  private satisfying(q: PlanQuestion, rule: Leaf): unknown {
    if ("equals" in rule) return rule.equals;
    if ("anyOf" in rule) {
      const options = this.plausible(q, rule.anyOf);
      if (options.length === 0) throw new Conflict(q.name);
      const value = this.random.pick(options);
      if (q.kind !== "multi") return value;
      const extra = options.filter((v) => v !== value && this.random.next() < 0.25);
      return q.choices.filter((c) => c === value || extra.includes(c as string | number));
    }
    return this.numberIn(q, rule, true);
  }

  private failing(q: PlanQuestion, rule: Leaf): unknown {
    if ("equals" in rule) {
      if (q.kind === "boolean" && typeof rule.equals === "boolean") return !rule.equals;
      const others = q.choices.filter((c) => c !== rule.equals);
      if (others.length > 0) return this.random.pick(others);
      return this.omit(q);
    }
    if ("anyOf" in rule) {
      const others = this.plausible(
        q,
        q.choices.filter((c) => !rule.anyOf.includes(c as string | number)),
      );
      if (q.kind === "multi") {
        const picked = others.filter(() => this.random.next() < 0.4);
        if (picked.length > 0) return picked;
        if (q.none) return ["none"];
        if (others.length > 0) return [this.random.pick(others)];
        return this.omit(q);
      }
      if (others.length > 0) return this.random.pick(others);
      return this.omit(q);
    }
    return this.numberIn(q, rule, false);
  }

  private omit(q: PlanQuestion): undefined {
    if (q.required) throw new Conflict(q.name);
    return undefined;
  }

  /** A number inside (or outside) the rule's bounds and within the question's own min/max. */
  private numberIn(q: PlanQuestion, rule: Bounds, inside: boolean) {
    const qMin = q.min ?? 0;
    const qMax = q.max ?? Number.MAX_SAFE_INTEGER;
    const step = q.integer ? 1 : 0.01;
    let lo = qMin;
    let hi = qMax;
    if (rule.min !== undefined) lo = Math.max(lo, rule.min);
    if (rule.above !== undefined) lo = Math.max(lo, rule.above + step);
    if (rule.max !== undefined) hi = Math.min(hi, rule.max);
    if (rule.below !== undefined) hi = Math.min(hi, rule.below - step);
    if (q.integer) {
      lo = Math.ceil(lo);
      hi = Math.floor(hi);
    }
    const sampler = SAMPLERS[q.name];
    const ranges: [number, number][] = inside
      ? [[lo, hi]]
      : ([
          [qMin, lo - step],
          [hi + step, qMax],
        ] as [number, number][]);
    const usable = ranges.filter(([a, b]) => a <= b);
    if (usable.length === 0) {
      if (!inside) return this.omit(q);
      throw new Conflict(q.name);
    }
    // Prefer the farm's own kind of value; else a value near the bound that matters.
    for (let attempt = 0; sampler && attempt < 8; attempt++) {
      const v = sampler(this.random, this.farm);
      if (typeof v === "number" && usable.some(([a, b]) => v >= a && v <= b)) return v;
    }
    const [a, b] = this.random.pick(usable);
    const span = Math.min(b - a, Math.max(5, Math.abs(a === qMin ? b : a) * 0.5));
    const raw = a === qMin && b !== qMax ? b - this.random.next() * span : a + this.random.next() * span;
    const value = q.integer ? Math.round(raw) : Math.round(raw * 100) / 100;
    return Math.min(b, Math.max(a, value));
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/**
 * Answers to `version` for a farm that takes exactly `taken` (initiative ids of this version).
 * Throws when the set cannot be answered (an initiative without the one it requires, see
 * `AnswerPlan.requires`).
 */
export function answersFor(
  version: SurveyVersion,
  taken: ReadonlySet<string>,
  farm: FarmProfile,
  random: Random,
): Answers {
  const plan = answerPlan(version);
  const withTraits = { ...farm, traits: farm.traits ?? farmTraits(random, farm.herdSize, farm.region) };
  const prefs: Answers = {};
  for (const q of plan.questions) {
    if (q.kind !== "computed") prefs[q.name] = preferred(q, random, withTraits);
  }
  const builder = new Builder(plan, prefs, random, withTraits);
  for (const [id, rule] of Object.entries(version.mapping.initiatives)) {
    try {
      builder.solve(rule, taken.has(id));
    } catch (error) {
      if (error instanceof Conflict)
        throw new Error(
          `demo answers: version ${version.id} cannot take ${id}=${taken.has(id)} with the rest of the set (${error.message})`,
        );
      throw error;
    }
  }
  const data: Answers = {};
  for (const q of plan.questions) {
    if (q.kind === "computed") continue;
    const value = builder.locked.has(q.name) ? builder.answers[q.name] : prefs[q.name];
    if (value === undefined) continue;
    data[q.name] = value;
  }
  // Drop the answers of questions their conditions hide (conditions read every answer, as in survey-core).
  for (const q of plan.questions) {
    if (q.name in data && !q.visibleIf.every((c) => holds(c, data[c.question]))) delete data[q.name];
  }
  return data;
}
