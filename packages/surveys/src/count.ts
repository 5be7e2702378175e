import { visibleAnswersOf } from "./model.ts";
import { evaluateRule } from "./rules.ts";
import { type CountResult, type SurveyVersion, THEME_IDS, type ThemeId } from "./types.ts";

export function emptyPerTheme(): Record<ThemeId, number> {
  return Object.fromEntries(THEME_IDS.map((t) => [t, 0])) as Record<ThemeId, number>;
}

/**
 * The initiatives a set of answers counts as taken in this version: an initiative counts when its
 * rule in the version's mapping holds on the answers of the visible questions (a hidden follow-up
 * question never counts, whatever stale answer it holds).
 */
export function countInitiatives(version: SurveyVersion, data: Record<string, unknown>): CountResult {
  const answers = visibleAnswersOf(version.json, data);
  const perTheme = emptyPerTheme();
  const initiatives: string[] = [];
  for (const id of version.initiativeIds) {
    const rule = version.mapping.initiatives[id];
    if (!rule || !evaluateRule(rule, answers)) continue;
    initiatives.push(id);
    // initiative ids start with their theme (checked by checkDefinitions)
    const theme = id.slice(0, id.indexOf(".")) as ThemeId;
    if (theme in perTheme) perTheme[theme] += 1;
  }
  return { initiatives, perTheme, total: initiatives.length };
}
