import { useTranslation } from "react-i18next";
import { Route, Routes } from "react-router";
import { ReceiptPage } from "../farmer/ReceiptPage.tsx";
import { FarmMonitors } from "../shell/FarmMonitors.tsx";
import { FarmSearch } from "../shell/FarmSearch.tsx";

function AuditorHome() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t("auditor.title")}</h1>
      <p className="lead">{t("auditor.intro")}</p>
      <FarmSearch label={t("auditor.searchLabel")} farmLink={(farm) => `/auditor/farms/${farm.id}`} />
    </div>
  );
}

export default function AuditorArea() {
  return (
    <Routes>
      <Route index element={<AuditorHome />} />
      <Route path="farms/:farmId" element={<FarmMonitors area="auditor" canReopen={false} />} />
      <Route path="farms/:farmId/receipt/:campaignId" element={<ReceiptPage backTo="/auditor" />} />
    </Routes>
  );
}
