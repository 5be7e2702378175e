import type { AdminSurveyVersionList } from "@monitor/contract";
import { useTranslation } from "react-i18next";
import { ErrorMessage, Loading } from "../shell/Status.tsx";
import { useApi } from "../shell/useApi.ts";

/** The questionnaire versions in surveys/ with the checker's findings, their answers and campaigns. */
export function SurveyVersions() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi<AdminSurveyVersionList>("/api/admin/survey-versions");
  if (loading) return <Loading />;
  if (error || !data) return <ErrorMessage message={error?.title} onRetry={reload} />;
  return (
    <div className="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("admin.version")}</th>
            <th scope="col" className="num">
              {t("admin.initiatives")}
            </th>
            <th scope="col" className="num">
              {t("administration.answers")}
            </th>
            <th scope="col">{t("administration.usedBy")}</th>
            <th scope="col">{t("administration.checker")}</th>
          </tr>
        </thead>
        <tbody>
          {data.versions.map((v) => (
            <tr key={v.id}>
              <td>{v.id}</td>
              <td className="num">{v.initiatives}</td>
              <td className="num">{v.answers}</td>
              <td>{v.campaigns.map((c) => c.year).join(", ") || "—"}</td>
              <td>
                {v.changedUnderAnswers && <p className="alert">{t("administration.changedUnderAnswers")}</p>}
                {v.problems.length === 0 ? (
                  t("administration.checkOk")
                ) : (
                  <ul>
                    {v.problems.map((p) => (
                      <li key={`${p.path}${p.message}`}>
                        {p.path}: {p.message}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
