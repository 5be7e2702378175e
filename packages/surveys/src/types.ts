/** The four languages of the platform. */
export type Locale = "nl" | "fr" | "de" | "en";
export const LOCALES: readonly Locale[] = ["nl", "fr", "de", "en"] as const;

/** The seven themes of the sustainability monitor, in the questionnaire's order. */
export type ThemeId =
  | "animal_health"
  | "animal_welfare"
  | "energy"
  | "environment"
  | "animal_feed"
  | "water_soil"
  | "social_economic";
export const THEME_IDS: readonly ThemeId[] = [
  "animal_health",
  "animal_welfare",
  "energy",
  "environment",
  "animal_feed",
  "water_soil",
  "social_economic",
] as const;

/** A text in the four languages (catalogue texts). */
export type LocalizedText = Record<Locale, string>;

export interface Theme {
  id: ThemeId;
  label: LocalizedText;
}

export interface Initiative {
  /** Stable, dotted id: `<theme>.<practice>`, e.g. `energy.own_renewable_electricity`. Never renamed. */
  id: string;
  theme: ThemeId;
  label: LocalizedText;
  explanation: LocalizedText;
  /** Year of the first questionnaire version that asks it ("2014", "2020", "2026"). */
  since: string;
  /**
   * Versions that count it differently from the version before (2026 asks a number where 2014
   * and 2020 asked yes/no): a change across one of them is not like for like.
   */
  definitionChanged?: string[];
}

export interface Catalogue {
  themes: Theme[];
  initiatives: Initiative[];
}

/**
 * A rule says when an initiative counts as taken, from the answers of the VISIBLE questions.
 * An unanswered or hidden question never satisfies a rule.
 *
 * - `{ question, equals }`: the answer is exactly `equals` (boolean for a yes/no question,
 *   a choice value for a single-choice question).
 * - `{ question, anyOf }`: a multi-select answer contains at least one of the values, or a
 *   single-choice answer is one of them.
 * - `{ question, min?, max?, above?, below? }`: a number answer within bounds.
 *   `min` and `max` are INCLUSIVE (value >= min, value <= max); `above` and `below` are
 *   EXCLUSIVE (value > above, value < below). "Under 15%" is `{ below: 15 }`;
 *   "at least 4,000 kWh" is `{ min: 4000 }`. At least one bound is required.
 * - `{ all: [rules] }`: every rule holds. `{ any: [rules] }`: at least one holds.
 */
export type Rule = EqualsRule | AnyOfRule | RangeRule | AllRule | AnyRule;
export interface EqualsRule {
  question: string;
  equals: boolean | string | number;
}
export interface AnyOfRule {
  question: string;
  anyOf: (string | number)[];
}
export interface RangeRule {
  question: string;
  min?: number;
  max?: number;
  above?: number;
  below?: number;
}
export interface AllRule {
  all: Rule[];
}
export interface AnyRule {
  any: Rule[];
}

/** Contents of `surveys/<version>/mapping.json`. */
export interface Mapping {
  /** Every initiative this version covers, with the rule that counts it as taken. */
  initiatives: Record<string, Rule>;
  /**
   * Questions whose answers describe one period (herd size, kWh of the last 12 months, ...) or
   * must be given anew (the declaration): `carryOver` never pre-fills them.
   */
  askEachTime?: string[];
}

/** A SurveyJS questionnaire JSON. */
export type SurveyJson = Record<string, unknown>;

export interface SurveyVersion {
  /** Folder name under `surveys/`, e.g. "2026". */
  id: string;
  /** Year the version starts, from the id. */
  year: number;
  json: SurveyJson;
  mapping: Mapping;
  /** sha256 (hex) of the survey.json bytes: store it with each response. */
  contentHash: string;
  /** Initiatives covered by this version, in catalogue order. */
  initiativeIds: string[];
}

export interface CountResult {
  /** Initiatives taken, in catalogue order. */
  initiatives: string[];
  perTheme: Record<ThemeId, number>;
  total: number;
}

export interface Problem {
  version?: string;
  /** File and JSON pointer, e.g. `2026/survey.json#/pages/1/elements/3/title`. */
  path: string;
  message: string;
}

export interface AnswerError {
  question: string;
  message: string;
}

export interface CarryOverResult {
  data: Record<string, unknown>;
  /** Names of the questions that were pre-filled, in questionnaire order. */
  questions: string[];
}
