import type { RegisterError, RegisterErrorCode } from "@monitor/domain";
import type { Locale } from "./locale.ts";

type Reason = (e: RegisterError) => string;

/** Why a row of a register file is refused, in the user's language. */
const REASONS: Record<RegisterErrorCode, Record<Locale, Reason>> = {
  empty_file: {
    en: () => "The file is empty.",
    nl: () => "Het bestand is leeg.",
    fr: () => "Le fichier est vide.",
    de: () => "Die Datei ist leer.",
  },
  missing_column: {
    en: (e) => `The column "${e.column}" is missing from the header.`,
    nl: (e) => `De kolom "${e.column}" ontbreekt in de kopregel.`,
    fr: (e) => `La colonne « ${e.column} » manque dans l'en-tête.`,
    de: (e) => `Die Spalte „${e.column}" fehlt in der Kopfzeile.`,
  },
  unknown_column: {
    en: (e) => `The header names an unknown column "${e.column}".`,
    nl: (e) => `De kopregel noemt een onbekende kolom "${e.column}".`,
    fr: (e) => `L'en-tête nomme une colonne inconnue « ${e.column} ».`,
    de: (e) => `Die Kopfzeile nennt eine unbekannte Spalte „${e.column}".`,
  },
  column_count: {
    en: (e) => `The row has ${e.value} columns, not as many as the header.`,
    nl: (e) => `De regel heeft ${e.value} kolommen, niet evenveel als de kopregel.`,
    fr: (e) => `La ligne a ${e.value} colonnes, pas autant que l'en-tête.`,
    de: (e) => `Die Zeile hat ${e.value} Spalten, nicht so viele wie die Kopfzeile.`,
  },
  unclosed_quote: {
    en: () => "A quotation mark opened here is never closed.",
    nl: () => "Een aanhalingsteken dat hier opent, sluit nooit.",
    fr: () => "Un guillemet ouvert ici n'est jamais fermé.",
    de: () => "Ein hier geöffnetes Anführungszeichen wird nie geschlossen.",
  },
  required: {
    en: (e) => `"${e.column}" is empty.`,
    nl: (e) => `"${e.column}" is leeg.`,
    fr: (e) => `« ${e.column} » est vide.`,
    de: (e) => `„${e.column}" ist leer.`,
  },
  invalid_region: {
    en: (e) =>
      `Unknown region "${e.value}" (flanders, wallonia, east_belgium, netherlands, france, germany).`,
    nl: (e) =>
      `Onbekende regio "${e.value}" (flanders, wallonia, east_belgium, netherlands, france, germany).`,
    fr: (e) =>
      `Région inconnue « ${e.value} » (flanders, wallonia, east_belgium, netherlands, france, germany).`,
    de: (e) =>
      `Unbekannte Region „${e.value}" (flanders, wallonia, east_belgium, netherlands, france, germany).`,
  },
  invalid_herd_size: {
    en: (e) => `The herd size "${e.value}" is not a whole number of animals.`,
    nl: (e) => `De veestapel "${e.value}" is geen geheel aantal dieren.`,
    fr: (e) => `La taille du troupeau « ${e.value} » n'est pas un nombre entier d'animaux.`,
    de: (e) => `Die Herdengröße „${e.value}" ist keine ganze Zahl von Tieren.`,
  },
  invalid_status: {
    en: (e) => `The status "${e.value}" is neither active nor stopped.`,
    nl: (e) => `De status "${e.value}" is noch active noch stopped.`,
    fr: (e) => `Le statut « ${e.value} » n'est ni active ni stopped.`,
    de: (e) => `Der Status „${e.value}" ist weder active noch stopped.`,
  },
  unknown_organisation: {
    en: (e) => `"${e.value}" is not a known ${e.column}.`,
    nl: (e) => `"${e.value}" is geen gekende ${e.column}.`,
    fr: (e) => `« ${e.value} » n'est pas un ${e.column} connu.`,
    de: (e) => `„${e.value}" ist kein bekannter ${e.column}.`,
  },
  duplicate_herd_number: {
    en: (e) => `The herd number appears already on line ${e.value}.`,
    nl: (e) => `Het beslagnummer staat al op regel ${e.value}.`,
    fr: (e) => `Le numéro de troupeau figure déjà à la ligne ${e.value}.`,
    de: (e) => `Die Betriebsnummer steht bereits in Zeile ${e.value}.`,
  },
  too_many_rows: {
    en: (e) => `The file has ${e.value} rows: more than a register can have.`,
    nl: (e) => `Het bestand heeft ${e.value} regels: meer dan een register kan hebben.`,
    fr: (e) => `Le fichier a ${e.value} lignes : plus qu'un registre ne peut en avoir.`,
    de: (e) => `Die Datei hat ${e.value} Zeilen: mehr, als ein Register haben kann.`,
  },
};

export const registerReason = (error: RegisterError, locale: Locale): string =>
  REASONS[error.code][locale](error);
