/**
 * Counting a farm's initiatives: in total, per theme, and over the initiatives that the survey
 * versions being compared have in common (so that a trend across versions compares like with like).
 */

/** One initiative a farm takes, with the theme of the catalogue. */
export interface TakenInitiative {
  initiativeId: string;
  theme: string;
}

/** Number of distinct initiatives (an initiative listed twice counts once). */
export function totalInitiatives(initiativeIds: readonly string[]): number {
  return new Set(initiativeIds).size;
}

/**
 * Initiatives per theme. Each distinct initiative counts once, in its theme. Themes listed in
 * `themes` appear with 0 when the farm takes none of them: a per-theme statistic must count such
 * a farm as 0, not leave it out. An initiative given with two different themes is an error.
 */
export function themeTotals(
  initiatives: readonly TakenInitiative[],
  themes: readonly string[] = [],
): Record<string, number> {
  const themeOf = new Map<string, string>();
  for (const { initiativeId, theme } of initiatives) {
    const known = themeOf.get(initiativeId);
    if (known !== undefined && known !== theme) {
      throw new Error(`initiative ${initiativeId} is given in two themes: ${known} and ${theme}`);
    }
    themeOf.set(initiativeId, theme);
  }
  const totals: Record<string, number> = {};
  for (const theme of themes) totals[theme] = 0;
  for (const theme of themeOf.values()) totals[theme] = (totals[theme] ?? 0) + 1;
  return totals;
}

/**
 * The initiative ids present in every one of the given versions (or catalogues), sorted; none
 * when no version is given.
 */
export function sharedInitiativeIds(versions: readonly (readonly string[])[]): string[] {
  const [first, ...rest] = versions;
  if (first === undefined) return [];
  const others = rest.map((ids) => new Set(ids));
  return [...new Set(first)].filter((id) => others.every((ids) => ids.has(id))).sort(compareIds);
}

/** A farm's count over the shared initiatives only: its distinct ids that are in `sharedIds`. */
export function countShared(initiativeIds: readonly string[], sharedIds: Iterable<string>): number {
  const shared = new Set(sharedIds);
  let count = 0;
  for (const id of new Set(initiativeIds)) if (shared.has(id)) count++;
  return count;
}

/** Plain code-unit order of ids: the same on every machine and locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
