import type { Locale } from "@monitor/contract";
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { administrationStrings } from "../admin/strings.ts";
import { auditingStrings } from "../auditor/strings.ts";
import { awardStrings } from "../awards/strings.ts";
import { sectorStrings } from "../sector/strings.ts";
import { de } from "./de.ts";
import { en } from "./en.ts";
import { fr } from "./fr.ts";
import { nl } from "./nl.ts";

export const LOCALES: Locale[] = ["nl", "fr", "de", "en"];
const STORAGE_KEY = "monitor.locale";

function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && (LOCALES as string[]).includes(stored)) return stored as Locale;
  const browser = navigator.language.slice(0, 2);
  return (LOCALES as string[]).includes(browser) ? (browser as Locale) : "nl";
}

/** An area's own strings, kept beside its pages under one top-level key of its own. */
export type AreaBundle = Record<Locale, Record<string, unknown>>;

/** Each area that keeps its strings beside its pages registers them here. */
const AREA_BUNDLES: AreaBundle[] = [awardStrings, auditingStrings, administrationStrings, sectorStrings];

const withAreas = (locale: Locale, base: object) =>
  Object.assign({}, base, ...AREA_BUNDLES.map((bundle) => bundle[locale]));

void i18next.use(initReactI18next).init({
  resources: {
    en: { translation: withAreas("en", en) },
    nl: { translation: withAreas("nl", nl) },
    fr: { translation: withAreas("fr", fr) },
    de: { translation: withAreas("de", de) },
  },
  lng: initialLocale(),
  fallbackLng: "en",
  interpolation: { escapeValue: false },
});

export function setLocale(locale: Locale) {
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  void i18next.changeLanguage(locale);
}

export function currentLocale(): Locale {
  return i18next.language as Locale;
}

document.documentElement.lang = i18next.language;

export { i18next };
