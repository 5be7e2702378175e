import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { Loading } from "../shell/Status.tsx";
import { Dashboard } from "./Dashboard.tsx";
import { preloadDashboard } from "./preload.ts";
import "./strings.ts";

preloadDashboard(window.location);

// The report draws charts on first paint: its code (and recharts) loads only when it is opened.
const ReportPage = lazy(() => import("./ReportPage.tsx").then((m) => ({ default: m.ReportPage })));

/** The sector area: the dashboard (/sector) and the printable yearly report (/sector/report). */
export default function SectorArea() {
  return (
    <Routes>
      <Route index element={<Dashboard />} />
      <Route
        path="report"
        element={
          <Suspense fallback={<Loading />}>
            <ReportPage />
          </Suspense>
        }
      />
      <Route path="*" element={<Dashboard />} />
    </Routes>
  );
}
