import { countInitiatives } from "./count.ts";
import { getCatalogue } from "./files.ts";
import type { SurveyVersion, ThemeId } from "./types.ts";

/** An initiative a submission takes, with its theme (`"unknown"` for an id the catalogue lacks). */
export interface DerivedInitiative {
  initiativeId: string;
  theme: string;
}

let themes: ReadonlyMap<string, ThemeId> | undefined;

/** The theme of an initiative in the catalogue; null for an id the catalogue does not know. */
export function themeOf(initiativeId: string): ThemeId | null {
  themes ??= new Map(getCatalogue().initiatives.map((i) => [i.id, i.theme]));
  return themes.get(initiativeId) ?? null;
}

/** Initiative ids (as stored, or as counted) with their themes, in the same order. */
export function withThemes(initiativeIds: readonly string[]): DerivedInitiative[] {
  return initiativeIds.map((initiativeId) => ({ initiativeId, theme: themeOf(initiativeId) ?? "unknown" }));
}

/**
 * What a submission derives from its answers: the initiatives it takes in this version (see
 * countInitiatives) with their themes, as they are stored and counted in the statistics, plus
 * the totals shown to the farmer.
 */
export function deriveInitiatives(version: SurveyVersion, data: Record<string, unknown>) {
  const counted = countInitiatives(version, data);
  return {
    initiatives: withThemes(counted.initiatives),
    ids: counted.initiatives,
    perTheme: counted.perTheme,
    total: counted.total,
  };
}
