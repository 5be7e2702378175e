import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, useNavigate } from "react-router";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { areasOf, useSession } from "./session.tsx";

/** The tab's title and the installable app's name, icons and theme follow the interface language. */
function useDocumentLanguage() {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    document.title = t("app.title");
    document.getElementById("manifest")?.setAttribute("href", `/manifest/${i18n.language}.webmanifest`);
  }, [t, i18n.language]);
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me, logout } = useSession();
  const navigate = useNavigate();
  useDocumentLanguage();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="topbar">
        <div className="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <div>
            <strong>{t("app.title")}</strong>
            <span>{t("app.subtitle")}</span>
          </div>
        </div>
        {me && (
          <nav aria-label="main">
            {areasOf(me).map((area) => (
              <NavLink key={area.path} to={area.path}>
                {t(area.nav)}
              </NavLink>
            ))}
          </nav>
        )}
        <div className="topbar-tools">
          <LanguageSwitch />
          {me && (
            <NavLink className="link-button" to="/account/sessions">
              {t("nav.sessions")}
            </NavLink>
          )}
          {me && (
            <button
              type="button"
              className="link-button"
              onClick={() => void logout().then(() => navigate("/login"))}
            >
              {t("nav.logout")}
            </button>
          )}
        </div>
      </header>
      <main id="main">{children}</main>
    </>
  );
}
