import { Model } from "survey-core";
import "survey-core/i18n/dutch";
import "survey-core/i18n/french";
import "survey-core/i18n/german";
import "survey-core/survey-core.fontless.css";

/** A SurveyJS model of a questionnaire version, in the user's language (its buttons too). */
export function createSurveyModel(json: Record<string, unknown>, locale: string): Model {
  const model = new Model(json);
  model.locale = locale === "en" ? "" : locale;
  // The page heading already names the campaign.
  model.showTitle = false;
  // Answers reach the autosave while the farmer types, not only when the field loses focus.
  model.textUpdateMode = "onTyping";
  model.applyTheme({
    cssVariables: {
      "--sjs-font-family":
        'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
      "--sjs-primary-backcolor": "#2f7d4f",
      "--sjs-primary-backcolor-dark": "#1f5a37",
      "--sjs-primary-backcolor-light": "rgba(47, 125, 79, 0.1)",
      "--sjs-primary-forecolor": "#ffffff",
      "--sjs-general-backcolor-dim": "#eef3ef",
      "--sjs-secondary-backcolor": "#f0b429",
    },
  });
  return model;
}
