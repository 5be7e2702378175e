import { useTranslation } from "react-i18next";
import { Route, Routes, useParams } from "react-router";
import { ReceiptPage } from "../farmer/ReceiptPage.tsx";
import { FarmMonitors } from "../shell/FarmMonitors.tsx";
import { FarmSearch } from "../shell/FarmSearch.tsx";
import { AuditPanel } from "./AuditPanel.tsx";

function AuditorHome() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t("auditor.title")}</h1>
      <p className="lead">{t("auditor.intro")}</p>
      <FarmSearch label={t("auditor.searchLabel")} farmLink={(farm) => `/auditor/farms/${farm.id}`} audit />
    </div>
  );
}

/** A farm as the auditor checks it: the monitor per campaign with its receipt, and the audits. */
function AuditedFarm() {
  const { farmId = "" } = useParams();
  return (
    <>
      <FarmMonitors area="auditor" canReopen={false} />
      <div className="page">
        <AuditPanel farmId={farmId} />
      </div>
    </>
  );
}

export default function AuditorArea() {
  return (
    <Routes>
      <Route index element={<AuditorHome />} />
      <Route path="farms/:farmId" element={<AuditedFarm />} />
      <Route path="farms/:farmId/receipt/:campaignId" element={<ReceiptPage backTo="/auditor" />} />
    </Routes>
  );
}
