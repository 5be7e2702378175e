import type { FarmAttributeName } from "@monitor/domain";
import type { Locale } from "./locale.ts";

/**
 * Names of the values of the farm attributes the sector views group by, for exports and filter
 * options (per attribute of the farm-attribute table that has translated values; organisations are
 * named by the register, provinces by themselves).
 */
const REGION_LABELS: Record<string, Record<Locale, string>> = {
  flanders: { nl: "Vlaanderen", fr: "Flandre", de: "Flandern", en: "Flanders" },
  wallonia: { nl: "Wallonië", fr: "Wallonie", de: "Wallonien", en: "Wallonia" },
  east_belgium: { nl: "Oost-België", fr: "Est de la Belgique", de: "Ostbelgien", en: "East Belgium" },
  netherlands: { nl: "Nederland", fr: "Pays-Bas", de: "Niederlande", en: "Netherlands" },
  france: { nl: "Frankrijk", fr: "France", de: "Frankreich", en: "France" },
  germany: { nl: "Duitsland", fr: "Allemagne", de: "Deutschland", en: "Germany" },
};

const SIZE_CLASS_LABELS: Record<string, Record<Locale, string>> = {
  under_50: {
    nl: "minder dan 50 koeien",
    fr: "moins de 50 vaches",
    de: "unter 50 Kühe",
    en: "under 50 cows",
  },
  "50_99": { nl: "50–99 koeien", fr: "50 à 99 vaches", de: "50–99 Kühe", en: "50–99 cows" },
  "100_149": { nl: "100–149 koeien", fr: "100 à 149 vaches", de: "100–149 Kühe", en: "100–149 cows" },
  "150_plus": {
    nl: "150 koeien of meer",
    fr: "150 vaches ou plus",
    de: "150 Kühe oder mehr",
    en: "150 cows or more",
  },
};

const VALUE_LABELS: Partial<Record<FarmAttributeName, Record<string, Record<Locale, string>>>> = {
  region: REGION_LABELS,
  sizeClass: SIZE_CLASS_LABELS,
};

/** A value of a farm attribute in a language; the value itself when it has no translation. */
export const attributeValueLabel = (attribute: FarmAttributeName, id: string, locale: Locale) =>
  VALUE_LABELS[attribute]?.[id]?.[locale] ?? id;
