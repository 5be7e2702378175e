import type { Locale } from "./locale.ts";

/** Names of the farm attributes the sector views group by, for exports and filter options. */
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

export const regionLabel = (id: string, locale: Locale) => REGION_LABELS[id]?.[locale] ?? id;
export const sizeClassLabel = (id: string, locale: Locale) => SIZE_CLASS_LABELS[id]?.[locale] ?? id;
export const REGION_IDS = Object.keys(REGION_LABELS);
