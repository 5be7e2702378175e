import { listVersions } from "@monitor/surveys";
import type { Repositories } from "../repositories/index.ts";

/** Records every questionnaire version in surveys/ with the hash of its JSON, at start. */
export async function registerSurveyVersions(repos: Repositories, now: Date): Promise<void> {
  for (const version of listVersions()) {
    await repos.campaigns.registerSurveyVersion(version.id, version.year, version.contentHash, now);
  }
}
