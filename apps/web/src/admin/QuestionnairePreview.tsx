import type { SurveyVersionDocument, SurveyVersionList } from "@monitor/contract";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Survey } from "survey-react-ui";
import { createSurveyModel } from "../farmer/surveyModel.ts";
import { ErrorMessage, Loading } from "../shell/Status.tsx";
import { useApi } from "../shell/useApi.ts";

function Preview({ versionId }: { versionId: string }) {
  const { i18n } = useTranslation();
  const { data, error, loading, reload } = useApi<SurveyVersionDocument>(`/api/surveys/${versionId}`);
  const model = useMemo(() => {
    if (!data) return null;
    const m = createSurveyModel(data.survey, i18n.language);
    m.showCompleteButton = false;
    return m;
  }, [data, i18n.language]);
  if (loading) return <Loading />;
  if (error || !model) return <ErrorMessage message={error?.title} onRetry={reload} />;
  return (
    <div className="survey-host">
      <Survey model={model} />
    </div>
  );
}

/** Administrators look at a questionnaire version as farmers will see it, in any language. */
export default function QuestionnairePreview() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi<SurveyVersionList>("/api/surveys");
  const [selected, setSelected] = useState<string | null>(null);
  if (loading) return <Loading />;
  if (error || !data) return <ErrorMessage message={error?.title} onRetry={reload} />;
  const current = selected ?? data.versions[data.versions.length - 1]?.id ?? null;
  return (
    <div className="page">
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("admin.version")}</th>
              <th scope="col" className="num">
                {t("admin.initiatives")}
              </th>
              <th scope="col">{t("admin.contentHash")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("admin.preview")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.versions.map((v) => (
              <tr key={v.id} aria-current={v.id === current}>
                <td>{v.id}</td>
                <td className="num">{v.initiatives}</td>
                <td>
                  <code>{v.contentHash.slice(0, 16)}</code>
                </td>
                <td>
                  <button type="button" onClick={() => setSelected(v.id)} disabled={v.id === current}>
                    {t("admin.preview")} {v.id}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {current && <Preview key={current} versionId={current} />}
    </div>
  );
}
