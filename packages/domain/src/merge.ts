/** Answers by question name, as a monitor stores them. */
export type AnswerSet = Readonly<Record<string, unknown>>;

/** One question changed on both sides to different answers since their common starting point. */
export interface AnswerConflict {
  question: string;
  /** The answer both sides started from (undefined: unanswered). */
  base: unknown;
  /** This device's answer. */
  mine: unknown;
  /** The answer saved meanwhile elsewhere. */
  theirs: unknown;
}

export interface AnswerMerge {
  /** Every question changed on one side only, taken from that side; conflicts keep `theirs`. */
  data: Record<string, unknown>;
  conflicts: AnswerConflict[];
}

/** JSON with object keys sorted, so that equal answers compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value);
}

export const sameAnswer = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

const own = (answers: AnswerSet, question: string): unknown =>
  Object.hasOwn(answers, question) ? answers[question] : undefined;

/**
 * Three-way merge per question: a question changed on one side since `base` takes that side's
 * answer; changed on both sides to the same answer, that answer; changed on both sides to different
 * answers, it is a conflict (the farmer chooses) and keeps `theirs` until then. A removed answer
 * (undefined) is a change like any other. `computed` questions (the form calculates them from
 * other answers) are never a conflict: they follow the answers they are calculated from.
 */
export function mergeAnswers(
  base: AnswerSet,
  mine: AnswerSet,
  theirs: AnswerSet,
  computed: ReadonlySet<string> = new Set(),
): AnswerMerge {
  const questions = [...new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)])].sort();
  const data: Record<string, unknown> = {};
  const conflicts: AnswerConflict[] = [];
  for (const question of questions) {
    const b = own(base, question);
    const m = own(mine, question);
    const t = own(theirs, question);
    let merged: unknown;
    if (sameAnswer(m, t) || sameAnswer(m, b)) merged = t;
    else if (sameAnswer(t, b) || computed.has(question)) merged = m;
    else {
      conflicts.push({ question, base: b, mine: m, theirs: t });
      merged = t;
    }
    if (merged !== undefined) data[question] = merged;
  }
  return { data, conflicts };
}

/**
 * The questions still carrying last time's answer after a merge: confirming or changing one on
 * either side ends its carry-over, so a question stays carried only where both sides still carry it.
 */
export function mergeCarriedOver(mine: readonly string[], theirs: readonly string[]): string[] {
  const kept = new Set(theirs);
  return mine.filter((question) => kept.has(question));
}

/** The answers after the farmer chose, per conflicting question, their own answer or the other one. */
export function resolveConflicts(
  merged: AnswerSet,
  conflicts: readonly AnswerConflict[],
  keepMine: ReadonlySet<string>,
): Record<string, unknown> {
  const data: Record<string, unknown> = { ...merged };
  for (const conflict of conflicts) {
    const chosen = keepMine.has(conflict.question) ? conflict.mine : conflict.theirs;
    if (chosen === undefined) delete data[conflict.question];
    else data[conflict.question] = chosen;
  }
  return data;
}
