import type { AdminUser, UserActionResult, UserList } from "@monitor/contract";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, Route, Routes, useParams } from "react-router";
import { ApiError, postJson } from "../api/client.ts";
import { AuditPanel } from "../auditor/AuditPanel.tsx";
import { ReceiptPage } from "../farmer/ReceiptPage.tsx";
import { FarmMonitors } from "../shell/FarmMonitors.tsx";
import { FarmSearch } from "../shell/FarmSearch.tsx";
import { ErrorMessage, Loading } from "../shell/Status.tsx";
import { useApi } from "../shell/useApi.ts";
import { AuditLogPage } from "./AuditLogPage.tsx";
import { RegisterImport } from "./RegisterImport.tsx";
import { SurveyVersions } from "./SurveyVersions.tsx";
import { InviteForm, UserRoles } from "./UserManagement.tsx";
import "./strings.ts";
import "../awards/strings.ts";

const QuestionnairePreview = lazy(() => import("./QuestionnairePreview.tsx"));
const CampaignsPage = lazy(() => import("./CampaignsPage.tsx"));
const EditionEditor = lazy(() => import("../awards/EditionEditor.tsx"));

/** Disable / enable a user and end all their sessions (both logged by the API). */
function UserActions({ user, onChanged }: { user: AdminUser; onChanged: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const run = async (action: "disable" | "enable" | "logout-all") => {
    setBusy(true);
    setNote(null);
    try {
      const result = await postJson<UserActionResult>(`/api/admin/users/${user.id}/${action}`, {});
      setNote(t("admin.sessionsEnded", { count: result.endedSessions }));
      // The list reloads when the status changed (and shows it); after "log out everywhere" the note stays.
      if (action !== "logout-all") onChanged();
    } catch (e) {
      setNote(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="user-actions">
      <button type="button" disabled={busy} onClick={() => void run(user.active ? "disable" : "enable")}>
        {user.active ? t("admin.disable") : t("admin.enable")}
      </button>
      <button type="button" disabled={busy} onClick={() => void run("logout-all")}>
        {t("admin.logoutEverywhere")}
      </button>
      {note && (
        <span className="small" role="status">
          {note}
        </span>
      )}
    </div>
  );
}

function Users() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi<UserList>("/api/admin/users?limit=200");
  // The list reloads in place: the invitation form (and the link it shows) stays.
  if (!data && loading) return <Loading />;
  if (error || !data) return <ErrorMessage message={error?.title} onRetry={reload} />;
  return (
    <div>
      <InviteForm onInvited={reload} />
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("admin.email")}</th>
              <th scope="col">{t("admin.name")}</th>
              <th scope="col">{t("admin.roles")}</th>
              <th scope="col">{t("admin.language")}</th>
              <th scope="col">{t("admin.status")}</th>
              <th scope="col">{t("admin.sessions")}</th>
            </tr>
          </thead>
          <tbody>
            {data.users.map((u) => (
              <tr key={u.id}>
                <td>{u.email}</td>
                <td>{u.name}</td>
                <td>
                  <details>
                    <summary>
                      {u.roles
                        .map(
                          (r) =>
                            t(`roles.${r.split(":")[0]}`) + (r.split(":")[2] ? ` (${r.split(":")[2]})` : ""),
                        )
                        .join(", ")}
                    </summary>
                    <UserRoles user={u} onChanged={reload} />
                  </details>
                </td>
                <td>{u.locale}</td>
                <td>{u.active ? t("admin.active") : t("admin.disabled")}</td>
                <td>
                  <UserActions user={u} onChanged={reload} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** A farm as administrators see it: its monitors (reopen with a reason) and its audits. */
function AdminFarm() {
  const { farmId = "" } = useParams();
  return (
    <>
      <FarmMonitors area="admin" canReopen />
      <AuditPanel farmId={farmId} />
    </>
  );
}

export default function AdminArea() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t("admin.title")}</h1>
      <nav className="tabs" aria-label={t("admin.title")}>
        <NavLink to="/admin" end>
          {t("admin.users")}
        </NavLink>
        <NavLink to="/admin/farms">{t("admin.farms")}</NavLink>
        <NavLink to="/admin/campaigns">{t("administration.campaigns")}</NavLink>
        <NavLink to="/admin/audit-log">{t("admin.auditLog")}</NavLink>
        <NavLink to="/admin/questionnaires">{t("admin.questionnaires")}</NavLink>
        <NavLink to="/admin/awards">{t("awards.editor.title")}</NavLink>
      </nav>
      <Routes>
        <Route index element={<Users />} />
        <Route
          path="farms"
          element={
            <>
              <FarmSearch label={t("auditor.searchLabel")} farmLink={(farm) => `/admin/farms/${farm.id}`} />
              <RegisterImport />
            </>
          }
        />
        <Route
          path="campaigns"
          element={
            <Suspense fallback={<Loading />}>
              <CampaignsPage />
            </Suspense>
          }
        />
        <Route path="farms/:farmId" element={<AdminFarm />} />
        <Route path="farms/:farmId/receipt/:campaignId" element={<ReceiptPage backTo="/admin" />} />
        <Route path="audit-log" element={<AuditLogPage />} />
        <Route
          path="awards"
          element={
            <Suspense fallback={<Loading />}>
              <EditionEditor />
            </Suspense>
          }
        />
        <Route
          path="questionnaires"
          element={
            <>
              <SurveyVersions />
              <Suspense fallback={<Loading />}>
                <QuestionnairePreview />
              </Suspense>
            </>
          }
        />
      </Routes>
    </div>
  );
}
