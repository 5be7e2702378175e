import type { Role } from "@monitor/contract";
import { lazy, Suspense } from "react";
import { Navigate, Route, Routes, useLocation } from "react-router";
import { Layout } from "./shell/Layout.tsx";
import { LoginPage } from "./shell/LoginPage.tsx";
import { SessionsPage } from "./shell/SessionsPage.tsx";
import { Loading } from "./shell/Status.tsx";
import { areasOf, SessionProvider, useSession } from "./shell/session.tsx";

const areaCode = {
  farmer: () => import("./farmer/FarmerArea.tsx"),
  sector: () => import("./sector/SectorArea.tsx"),
  jury: () => import("./jury/JuryArea.tsx"),
  auditor: () => import("./auditor/AuditorArea.tsx"),
  admin: () => import("./admin/AdminArea.tsx"),
};
type Area = keyof typeof areaCode;
const loadedArea: Partial<Record<Area, { default: React.ComponentType }>> = {};
/**
 * An area whose code has arrived renders without suspending: a suspended area shows its fallback,
 * and React then holds the area back for 300 ms after the fallback appeared.
 */
function areaLazy(area: Area) {
  return lazy(() => {
    const loaded = loadedArea[area];
    if (loaded)
      // biome-ignore lint/suspicious/noThenProperty: React.lazy renders at once from a thenable that resolves synchronously.
      return { then: (resolve: (m: typeof loaded) => void) => resolve(loaded) } as Promise<typeof loaded>;
    return areaCode[area]().then((m) => (loadedArea[area] = m));
  });
}
// The area of the address opened starts loading beside the session check instead of after it (a
// failure here shows when the area itself is rendered and loads again).
const openedArea = window.location.pathname.split("/")[1] ?? "";
if (openedArea in areaCode)
  void areaCode[openedArea as Area]()
    .then((m) => (loadedArea[openedArea as Area] = m))
    .catch(() => {});

const FarmerArea = areaLazy("farmer");
const SectorArea = areaLazy("sector");
const JuryArea = areaLazy("jury");
const AuditorArea = areaLazy("auditor");
const AdminArea = areaLazy("admin");
const WelcomePage = lazy(() => import("./admin/WelcomePage.tsx"));

function Guard({ area, children }: { area: Role; children: React.ReactNode }) {
  const { me } = useSession();
  const location = useLocation();
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (!me.roles.some((r) => r.role === area)) return <Navigate to="/" replace />;
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

/** The user's own sessions: for anyone logged in, whatever their role. */
function SignedIn() {
  const { me } = useSession();
  const location = useLocation();
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <SessionsPage />;
}

function Home() {
  const { me } = useSession();
  if (!me) return <Navigate to="/login" replace />;
  const first = areasOf(me)[0];
  return <Navigate to={first?.path ?? "/login"} replace />;
}

function Routed() {
  const { loading } = useSession();
  if (loading) return <Loading />;
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/welcome"
        element={
          <Suspense fallback={<Loading />}>
            <WelcomePage />
          </Suspense>
        }
      />
      <Route path="/account/sessions" element={<SignedIn />} />
      <Route
        path="/farmer/*"
        element={
          <Guard area="farmer">
            <FarmerArea />
          </Guard>
        }
      />
      <Route
        path="/sector/*"
        element={
          <Guard area="sector_analyst">
            <SectorArea />
          </Guard>
        }
      />
      <Route
        path="/jury/*"
        element={
          <Guard area="juror">
            <JuryArea />
          </Guard>
        }
      />
      <Route
        path="/auditor/*"
        element={
          <Guard area="auditor">
            <AuditorArea />
          </Guard>
        }
      />
      <Route
        path="/admin/*"
        element={
          <Guard area="admin">
            <AdminArea />
          </Guard>
        }
      />
      <Route path="*" element={<Home />} />
    </Routes>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Layout>
        <Routed />
      </Layout>
    </SessionProvider>
  );
}
