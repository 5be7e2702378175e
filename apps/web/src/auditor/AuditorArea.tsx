import { useTranslation } from "react-i18next";
import { FarmSearch } from "../shell/FarmSearch.tsx";

export default function AuditorArea() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t("auditor.title")}</h1>
      <p className="lead">{t("auditor.intro")}</p>
      <FarmSearch label={t("auditor.searchLabel")} />
    </div>
  );
}
