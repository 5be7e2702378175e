/**
 * The award ranking: an edition's weight per theme applied to the initiatives a farm takes in that
 * theme. Transparent by construction: the score is the sum of the points per theme, and each
 * point count is weight × initiatives, so a juror can check every figure by hand.
 */
import { round } from "./percent.ts";

/** Weight per theme id; a theme without a weight counts 0. */
export type ThemeWeights = Readonly<Record<string, number>>;

export interface ThemeScore {
  theme: string;
  initiatives: number;
  weight: number;
  /** weight × initiatives */
  points: number;
}

export interface AwardScore {
  /** The sum of the points of every theme, rounded to one decimal. */
  score: number;
  breakdown: ThemeScore[];
}

const oneDecimal = (x: number) => round(x, 1);

/** The score of a farm taking `initiatives[theme]` initiatives per theme, themes in `themes` order. */
export function awardScore(
  themes: readonly string[],
  weights: ThemeWeights,
  initiatives: Readonly<Record<string, number>>,
): AwardScore {
  const breakdown = themes.map((theme) => {
    const count = initiatives[theme] ?? 0;
    const weight = weights[theme] ?? 0;
    return { theme, initiatives: count, weight, points: oneDecimal(weight * count) };
  });
  return { score: oneDecimal(breakdown.reduce((sum, t) => sum + t.weight * t.initiatives, 0)), breakdown };
}

/**
 * Candidates ranked by score, highest first; ties keep a fixed order by candidate id, never by
 * anything that would reveal a farm in blind review.
 */
export function rankByScore<T extends { candidateId: number; score: number }>(candidates: readonly T[]): T[] {
  return [...candidates].sort((a, b) => b.score - a.score || a.candidateId - b.candidateId);
}

/** The jury's combined view of one candidate: how many scored it, their mean, and the spread (highest − lowest). */
export interface CombinedScore {
  count: number;
  mean: number | null;
  spread: number | null;
}

export function combineScores(scores: readonly number[]): CombinedScore {
  if (scores.length === 0) return { count: 0, mean: null, spread: null };
  const mean = scores.reduce((sum, s) => sum + s, 0) / scores.length;
  return {
    count: scores.length,
    mean: round(mean, 2),
    spread: Math.max(...scores) - Math.min(...scores),
  };
}

/** Initiatives taken by some of the compared candidates but not all: the differences to highlight. */
export function initiativeDifferences(taken: readonly (readonly string[])[]): Set<string> {
  const sets = taken.map((ids) => new Set(ids));
  const all = new Set(taken.flat());
  return new Set([...all].filter((id) => !sets.every((s) => s.has(id))));
}

export type EditionStatus = "upcoming" | "open" | "judging" | "closed";

/**
 * Where an edition stands: before its entry window, in it (farms enter and withdraw; jurors can
 * already review), after it (the jury shortlists), and once the shortlist is closed.
 */
export function editionStatus(
  edition: { opensAt: string; closesAt: string; shortlistClosedAt: string | null },
  now: Date,
): EditionStatus {
  if (edition.shortlistClosedAt) return "closed";
  const t = now.getTime();
  if (t < Date.parse(edition.opensAt)) return "upcoming";
  if (t <= Date.parse(edition.closesAt)) return "open";
  return "judging";
}
