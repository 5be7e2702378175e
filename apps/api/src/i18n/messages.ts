import type { Locale } from "./locale.ts";

/** Titles of the problem documents, in each of the platform's languages. */
const messages = {
  invalid_request: {
    en: "The request is not valid.",
    nl: "De aanvraag is ongeldig.",
    fr: "La demande n'est pas valide.",
    de: "Die Anfrage ist ungültig.",
  },
  invalid_json: {
    en: "The request body is not valid JSON.",
    nl: "De inhoud van de aanvraag is geen geldige JSON.",
    fr: "Le contenu de la demande n'est pas du JSON valide.",
    de: "Der Inhalt der Anfrage ist kein gültiges JSON.",
  },
  unauthenticated: {
    en: "Please log in.",
    nl: "Gelieve in te loggen.",
    fr: "Veuillez vous connecter.",
    de: "Bitte melden Sie sich an.",
  },
  forbidden: {
    en: "You do not have access to this.",
    nl: "U hebt hier geen toegang toe.",
    fr: "Vous n'avez pas accès à cette ressource.",
    de: "Sie haben darauf keinen Zugriff.",
  },
  not_found: {
    en: "Not found.",
    nl: "Niet gevonden.",
    fr: "Introuvable.",
    de: "Nicht gefunden.",
  },
  invalid_credentials: {
    en: "The email address or password is wrong.",
    nl: "Het e-mailadres of het wachtwoord is fout.",
    fr: "L'adresse e-mail ou le mot de passe est incorrect.",
    de: "Die E-Mail-Adresse oder das Passwort ist falsch.",
  },
  too_many_attempts: {
    en: "Too many failed logins. Try again in a few minutes.",
    nl: "Te veel mislukte pogingen. Probeer het over enkele minuten opnieuw.",
    fr: "Trop de tentatives échouées. Réessayez dans quelques minutes.",
    de: "Zu viele fehlgeschlagene Anmeldungen. Versuchen Sie es in einigen Minuten erneut.",
  },
  cross_origin: {
    en: "This request came from another site and was refused.",
    nl: "Deze aanvraag kwam van een andere site en werd geweigerd.",
    fr: "Cette demande provenait d'un autre site et a été refusée.",
    de: "Diese Anfrage kam von einer anderen Website und wurde abgelehnt.",
  },
  unavailable: {
    en: "The service is busy. Please try again.",
    nl: "De dienst is even bezet. Probeer het opnieuw.",
    fr: "Le service est occupé. Veuillez réessayer.",
    de: "Der Dienst ist ausgelastet. Bitte versuchen Sie es erneut.",
  },
  internal: {
    en: "Something went wrong on our side. Your data is safe; please try again.",
    nl: "Er ging iets mis bij ons. Uw gegevens zijn veilig; probeer het opnieuw.",
    fr: "Une erreur s'est produite chez nous. Vos données sont en sécurité ; veuillez réessayer.",
    de: "Bei uns ist etwas schiefgelaufen. Ihre Daten sind sicher; bitte versuchen Sie es erneut.",
  },
} satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof messages;

export function message(key: MessageKey, locale: Locale): string {
  return messages[key][locale];
}
