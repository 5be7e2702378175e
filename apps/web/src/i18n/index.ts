import type { Locale } from "@monitor/contract";
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
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

void i18next.use(initReactI18next).init({
  resources: {
    en: { translation: en },
    nl: { translation: nl },
    fr: { translation: fr },
    de: { translation: de },
  },
  lng: initialLocale(),
  fallbackLng: "en",
  interpolation: { escapeValue: false },
});

/**
 * Adds an area's strings when its code loads (its `strings.ts` calls this), so the login page does
 * not carry every area's strings in four languages.
 */
export function registerStrings(bundle: AreaBundle) {
  for (const locale of LOCALES) i18next.addResourceBundle(locale, "translation", bundle[locale], true, true);
}

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
