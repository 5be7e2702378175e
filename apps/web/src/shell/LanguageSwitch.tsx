import type { Locale } from "@monitor/contract";
import { useTranslation } from "react-i18next";
import { LOCALES } from "../i18n/index.ts";
import { useSession } from "./session.tsx";

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { changeLocale } = useSession();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t("language.label")}</span>
      <select
        value={i18n.language}
        aria-label={t("language.label")}
        onChange={(event) => void changeLocale(event.target.value as Locale)}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(`language.${locale}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
