import { comparableInitiativeIds, listVersions } from "@monitor/surveys";
import type { Repositories } from "../repositories/index.ts";

/**
 * Records every questionnaire version in surveys/ with the hash of its JSON, at start. When the
 * initiatives shared by all versions are not the ones the stored comparable totals were counted on
 * (a new version, or a first start), those totals and the statistic counters are counted again; so
 * are the counters when submissions exist without them (a database from before the counters).
 */
export async function registerSurveyVersions(repos: Repositories, now: Date): Promise<void> {
  for (const version of listVersions()) {
    await repos.campaigns.registerSurveyVersion(version.id, version.year, version.contentHash, now);
  }
  const signature = [...comparableInitiativeIds()].sort().join(",");
  if ((await repos.settings.get("comparable_initiatives")) !== signature) {
    await repos.responses.recountComparable();
    await repos.counters.rebuild();
    await repos.settings.set("comparable_initiatives", signature);
  } else if (await repos.counters.missing()) {
    await repos.counters.rebuild();
  }
}
