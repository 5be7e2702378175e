import { Model } from "survey-core";
import "survey-core/i18n/dutch";
import "survey-core/i18n/french";
import "survey-core/i18n/german";
import "survey-core/survey-core.fontless.css";

/** A SurveyJS model of a questionnaire version, in the user's language (its buttons too). */
export function createSurveyModel(json: Record<string, unknown>, locale: string): Model {
  const model = new Model(json);
  model.locale = locale === "en" ? "" : locale;
  return model;
}
