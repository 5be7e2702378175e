import type { Catalogue, EditionDocument, Locale } from "@monitor/contract";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { useApi } from "../shell/useApi.ts";

/** Initiative labels from the catalogue in the juror's language (themes come from the app's strings). */
export function useInitiativeLabels() {
  const { i18n } = useTranslation();
  const { data } = useApi<Catalogue>("/api/surveys/catalogue");
  return useMemo(() => {
    const locale = i18n.language as Locale;
    const labels = new Map((data?.initiatives ?? []).map((i) => [i.id, i.label[locale] ?? i.label.en]));
    const themes = new Map((data?.initiatives ?? []).map((i) => [i.id, i.theme]));
    return { label: (id: string) => labels.get(id) ?? id, theme: (id: string) => themes.get(id) ?? "" };
  }, [data, i18n.language]);
}

/** How a candidate is named: its pseudonym as "Candidate K7QX" while blind, else the farm's name. */
export function useCandidateName(blind: boolean) {
  const { t } = useTranslation();
  return (displayName: string) => (blind ? t("awards.candidateCode", { code: displayName }) : displayName);
}

export const formatNumber = (value: number | null | undefined, locale: string) =>
  value === null || value === undefined
    ? "—"
    : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);

/** The edition's name, status and the tabs of the jury's workspace. */
export function EditionHeader({ document }: { document: EditionDocument }) {
  const { t } = useTranslation();
  const { edition } = document;
  const base = `/jury/${edition.id}`;
  return (
    <header className="edition-header no-print">
      <h1>{edition.name}</h1>
      <p>
        <span className={`badge badge-award-${edition.status}`}>{t(`awards.status.${edition.status}`)}</span>
        {edition.blind && edition.status !== "closed" && (
          <span className="badge badge-blind" title={t("awards.blindNote")}>
            {t("awards.blind")}
          </span>
        )}
      </p>
      <nav className="tabs" aria-label={edition.name}>
        <NavLink to={base} end>
          {t("awards.candidates")}
        </NavLink>
        <NavLink to={`${base}/shortlist`}>{t("awards.shortlist")}</NavLink>
      </nav>
    </header>
  );
}
