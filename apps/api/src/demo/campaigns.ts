import type { Repositories } from "../repositories/index.ts";

export const FIRST_YEAR = 2014;

/** The questionnaire version each year's campaign asks: the newest one published by then. */
export function versionForYear(year: number): string {
  if (year >= 2026) return "2026";
  if (year >= 2020) return "2020";
  return "2014";
}

/** One campaign per calendar year, closing at the end of the year (Brussels time); missing ones are created. */
export async function ensureCampaigns(
  repos: Repositories,
  fromYear: number,
  toYear: number,
): Promise<Map<number, number>> {
  const existing = new Map((await repos.campaigns.list()).map((c) => [c.year, c.id]));
  for (let year = fromYear; year <= toYear; year++) {
    if (existing.has(year)) continue;
    const id = await repos.campaigns.create({
      name: `Monitor ${year}`,
      year,
      surveyVersionId: versionForYear(year),
      opensAt: `${year}-01-01T00:00:00.000Z`,
      closesAt: `${year}-12-31T23:00:00.000Z`,
    });
    existing.set(year, id);
  }
  return existing;
}
