import { z } from "zod";
import { surveyVersionId } from "./campaigns.ts";
import { count, localizedText, surveyJson } from "./common.ts";

export const surveyVersionParams = z.strictObject({ versionId: surveyVersionId });

/** The questionnaire versions with their content hash and number of initiatives. */
export const surveyVersionListResponse = z.strictObject({
  versions: z.array(
    z.strictObject({
      id: surveyVersionId,
      year: z.number().int(),
      contentHash: z.string(),
      initiatives: count,
    }),
  ),
});
export type SurveyVersionList = z.output<typeof surveyVersionListResponse>;

/** The initiative catalogue: themes and initiatives in every language. */
export const catalogueResponse = z.strictObject({
  themes: z.array(z.strictObject({ id: z.string(), label: localizedText })),
  initiatives: z.array(
    z.strictObject({
      id: z.string(),
      theme: z.string(),
      label: localizedText,
      explanation: localizedText,
      /** The first questionnaire version that asks it. */
      since: surveyVersionId,
      /** Versions that count it differently from the one before: a change across them is not like for like. */
      definitionChanged: z.array(surveyVersionId).optional(),
    }),
  ),
});
export type Catalogue = z.output<typeof catalogueResponse>;

/** One questionnaire version: its SurveyJS JSON and the initiatives it asks. */
export const surveyVersionResponse = z.strictObject({
  id: surveyVersionId,
  year: z.number().int(),
  contentHash: z.string(),
  initiativeIds: z.array(z.string()),
  survey: surveyJson,
});
export type SurveyVersionDocument = z.output<typeof surveyVersionResponse>;
