import { useMemo } from "react";
import { useTranslation } from "react-i18next";

/** Intl formatters, made once per language (tables call them for every row). */
export function useFormat() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const integer = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 });
    const decimal = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
    const percent = new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 0 });
    const precise = new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 2 });
    const points = new Intl.NumberFormat(i18n.language, {
      maximumFractionDigits: 0,
      signDisplay: "exceptZero",
    });
    const day = new Intl.DateTimeFormat(i18n.language);
    const longDay = new Intl.DateTimeFormat(i18n.language, {
      day: "numeric",
      month: "long",
      year: "numeric",
    });
    return {
      integer: (v: number | null | undefined) => (v === null || v === undefined ? "—" : integer.format(v)),
      number: (v: number | null | undefined) => (v === null || v === undefined ? "—" : decimal.format(v)),
      percent: (v: number | null | undefined) => (v === null || v === undefined ? "—" : percent.format(v)),
      precisePercent: (v: number | null | undefined) =>
        v === null || v === undefined ? "—" : precise.format(v),
      /** A change between two API fractions, in percentage points. */
      points: (v: number | null | undefined) =>
        v === null || v === undefined ? "—" : points.format(v * 100),
      /** A date (or an instant's date) as the language writes it short: 21/01/2027. */
      day: (iso: string | null | undefined) => (iso ? day.format(new Date(iso)) : "—"),
      /** The same, with the month named: 21 janvier 2027. */
      longDay: (iso: string | null | undefined) => (iso ? longDay.format(new Date(iso)) : "—"),
    };
  }, [i18n.language]);
}
export type Format = ReturnType<typeof useFormat>;
