import { useMemo } from "react";
import { Survey } from "survey-react-ui";
import { createSurveyModel } from "../farmer/surveyModel.ts";

/** The submitted questionnaire as the farmer filled it in, read-only, in the juror's language. */
export default function SurveyDisplay({
  survey,
  data,
  locale,
}: {
  survey: Record<string, unknown>;
  data: Record<string, unknown>;
  locale: string;
}) {
  const model = useMemo(() => {
    const m = createSurveyModel(survey, locale);
    m.mode = "display";
    m.questionsOnPageMode = "singlePage";
    m.showNavigationButtons = false;
    m.data = data;
    return m;
  }, [survey, data, locale]);
  return (
    <div className="survey-host" data-testid="survey-display">
      <Survey model={model} />
    </div>
  );
}
