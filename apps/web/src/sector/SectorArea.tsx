import { Route, Routes } from "react-router";
import { Dashboard } from "./Dashboard.tsx";
import { ReportPage } from "./ReportPage.tsx";

/** The sector area: the dashboard (/sector) and the printable yearly report (/sector/report). */
export default function SectorArea() {
  return (
    <Routes>
      <Route index element={<Dashboard />} />
      <Route path="report" element={<ReportPage />} />
      <Route path="*" element={<Dashboard />} />
    </Routes>
  );
}
