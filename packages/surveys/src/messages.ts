import type { Locale } from "./types.ts";

/** Our own answer-check messages; survey-core's messages come from its i18n packs. */
const MESSAGES = {
  unknownQuestion: {
    en: "This question does not exist in this questionnaire.",
    nl: "Deze vraag bestaat niet in deze vragenlijst.",
    fr: "Cette question n'existe pas dans ce questionnaire.",
    de: "Diese Frage gibt es in diesem Fragebogen nicht.",
  },
  notBoolean: {
    en: "The answer must be yes or no.",
    nl: "Het antwoord moet ja of nee zijn.",
    fr: "La réponse doit être oui ou non.",
    de: "Die Antwort muss Ja oder Nein sein.",
  },
  notNumber: {
    en: "The answer must be a number.",
    nl: "Het antwoord moet een getal zijn.",
    fr: "La réponse doit être un nombre.",
    de: "Die Antwort muss eine Zahl sein.",
  },
  belowMin: {
    en: "The value must be at least {0}.",
    nl: "De waarde moet minstens {0} zijn.",
    fr: "La valeur doit être d'au moins {0}.",
    de: "Der Wert muss mindestens {0} betragen.",
  },
  aboveMax: {
    en: "The value must be at most {0}.",
    nl: "De waarde mag hoogstens {0} zijn.",
    fr: "La valeur ne doit pas dépasser {0}.",
    de: "Der Wert darf höchstens {0} betragen.",
  },
  notList: {
    en: "The answer must be a list of choices.",
    nl: "Het antwoord moet een lijst van keuzes zijn.",
    fr: "La réponse doit être une liste de choix.",
    de: "Die Antwort muss eine Liste von Auswahlmöglichkeiten sein.",
  },
  badChoice: {
    en: "“{0}” is not one of the choices.",
    nl: "“{0}” is geen van de keuzemogelijkheden.",
    fr: "« {0} » ne fait pas partie des choix.",
    de: "„{0}“ ist keine der Auswahlmöglichkeiten.",
  },
  notText: {
    en: "The answer must be text.",
    nl: "Het antwoord moet tekst zijn.",
    fr: "La réponse doit être du texte.",
    de: "Die Antwort muss ein Text sein.",
  },
  notFiles: {
    en: "The answer must be a list of files.",
    nl: "Het antwoord moet een lijst van bestanden zijn.",
    fr: "La réponse doit être une liste de fichiers.",
    de: "Die Antwort muss eine Liste von Dateien sein.",
  },
} satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof MESSAGES;

const INTL: Record<Locale, string> = { en: "en-GB", nl: "nl-BE", fr: "fr-BE", de: "de-BE" };

export function message(key: MessageKey, locale: Locale, arg?: string | number): string {
  const text = MESSAGES[key][locale] ?? MESSAGES[key].en;
  if (arg === undefined) return text;
  const shown = typeof arg === "number" ? new Intl.NumberFormat(INTL[locale]).format(arg) : arg;
  return text.replace("{0}", shown);
}
