import type { Repositories } from "../repositories/index.ts";

export const FIRST_YEAR = 2014;

/** The questionnaire version each year's campaign asks: the newest one published by then. */
export function versionForYear(year: number): string {
  if (year >= 2026) return "2026";
  if (year >= 2020) return "2020";
  return "2014";
}

/** One campaign per calendar year, closing at the end of the year (Brussels time). */
export async function createCampaigns(
  repos: Repositories,
  fromYear: number,
  toYear: number,
): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  for (let year = fromYear; year <= toYear; year++) {
    const id = await repos.campaigns.create({
      name: `Monitor ${year}`,
      year,
      surveyVersionId: versionForYear(year),
      opensAt: `${year}-01-01T00:00:00.000Z`,
      closesAt: `${year}-12-31T23:00:00.000Z`,
    });
    ids.set(year, id);
  }
  return ids;
}
