import type { SurveyVersion } from "@monitor/surveys";
import { hashPassword } from "../../apps/api/src/auth/password.ts";
import { createRepositories } from "../../apps/api/src/repositories/index.ts";
import type { TestApi } from "./api.ts";

/** Small named fixtures built through the repositories, for the API tests. */
const DAY = 24 * 60 * 60 * 1000;

/** A campaign on this questionnaire version, open from a day before `now` for a month. */
export async function openCampaign(
  api: TestApi,
  version: SurveyVersion,
  year: number,
  now: Date,
): Promise<number> {
  return createRepositories(api.db).campaigns.create({
    name: `Monitor ${year} (${version.id})`,
    year,
    surveyVersionId: version.id,
    opensAt: new Date(now.getTime() - DAY).toISOString(),
    closesAt: new Date(now.getTime() + 30 * DAY).toISOString(),
  });
}

/** A farmer of these farms, logged in; returns the session cookie. */
export async function farmerOf(api: TestApi, farmIds: number[], email: string): Promise<string> {
  const password = "fixture-password";
  await createRepositories(api.db).users.create(
    { email, name: email, passwordHash: await hashPassword(password), locale: "en" },
    farmIds.map((id) => ({ role: "farmer", scopeType: "farm", scopeId: String(id) })),
    new Date(),
  );
  return api.login(email, password);
}
