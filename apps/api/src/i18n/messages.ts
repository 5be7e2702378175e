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
  login_wait: {
    en: "Too many failed logins from here. Please wait a moment before you try again.",
    nl: "Te veel mislukte aanmeldingen van hier. Wacht even voor u het opnieuw probeert.",
    fr: "Trop de connexions échouées depuis cet endroit. Patientez un instant avant de réessayer.",
    de: "Zu viele fehlgeschlagene Anmeldungen von hier. Bitte warten Sie einen Moment, bevor Sie es erneut versuchen.",
  },
  wrong_current_password: {
    en: "The current password is wrong.",
    nl: "Het huidige wachtwoord is fout.",
    fr: "Le mot de passe actuel est incorrect.",
    de: "Das aktuelle Passwort ist falsch.",
  },
  password_unchanged: {
    en: "The new password must differ from the current one.",
    nl: "Het nieuwe wachtwoord moet verschillen van het huidige.",
    fr: "Le nouveau mot de passe doit être différent de l'actuel.",
    de: "Das neue Passwort muss sich vom aktuellen unterscheiden.",
  },
  cannot_disable_self: {
    en: "You cannot disable your own account.",
    nl: "U kunt uw eigen account niet uitschakelen.",
    fr: "Vous ne pouvez pas désactiver votre propre compte.",
    de: "Sie können Ihr eigenes Konto nicht deaktivieren.",
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
  stale_version: {
    en: "Someone saved this monitor in the meantime. Your changes were not stored; the latest answers are loaded.",
    nl: "Iemand heeft deze monitor intussen bewaard. Uw wijzigingen werden niet opgeslagen; de laatste antwoorden zijn geladen.",
    fr: "Quelqu'un a enregistré ce monitoring entre-temps. Vos modifications n'ont pas été enregistrées ; les dernières réponses sont chargées.",
    de: "Jemand hat diesen Monitor inzwischen gespeichert. Ihre Änderungen wurden nicht gespeichert; die neuesten Antworten sind geladen.",
  },
  version_required: {
    en: "Send the version you are changing in the If-Match header.",
    nl: "Geef de versie die u wijzigt mee in de If-Match-header.",
    fr: "Indiquez la version que vous modifiez dans l'en-tête If-Match.",
    de: "Senden Sie die Version, die Sie ändern, im If-Match-Header.",
  },
  already_submitted: {
    en: "This monitor has been submitted. Ask an administrator to reopen it to make changes.",
    nl: "Deze monitor is ingediend. Vraag een beheerder om hem te heropenen om iets te wijzigen.",
    fr: "Ce monitoring a été soumis. Demandez à un administrateur de le rouvrir pour le modifier.",
    de: "Dieser Monitor wurde eingereicht. Bitten Sie einen Administrator, ihn für Änderungen wieder zu öffnen.",
  },
  not_started: {
    en: "This monitor has not been started yet.",
    nl: "Deze monitor is nog niet begonnen.",
    fr: "Ce monitoring n'a pas encore été commencé.",
    de: "Dieser Monitor wurde noch nicht begonnen.",
  },
  not_submitted: {
    en: "This monitor has not been submitted.",
    nl: "Deze monitor is niet ingediend.",
    fr: "Ce monitoring n'a pas été soumis.",
    de: "Dieser Monitor wurde nicht eingereicht.",
  },
  campaign_closed: {
    en: "This campaign is closed: answers can no longer be changed.",
    nl: "Deze campagne is afgesloten: antwoorden kunnen niet meer gewijzigd worden.",
    fr: "Cette campagne est clôturée : les réponses ne peuvent plus être modifiées.",
    de: "Diese Kampagne ist abgeschlossen: Antworten können nicht mehr geändert werden.",
  },
  invalid_answers: {
    en: "Some answers need your attention.",
    nl: "Enkele antwoorden vragen uw aandacht.",
    fr: "Certaines réponses demandent votre attention.",
    de: "Einige Antworten erfordern Ihre Aufmerksamkeit.",
  },
  idempotency_key_reused: {
    en: "This Idempotency-Key was already used for a different request.",
    nl: "Deze Idempotency-Key werd al gebruikt voor een andere aanvraag.",
    fr: "Cette Idempotency-Key a déjà été utilisée pour une autre demande.",
    de: "Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet.",
  },
  no_campaign: {
    en: "There is no campaign yet.",
    nl: "Er is nog geen campagne.",
    fr: "Il n'y a pas encore de campagne.",
    de: "Es gibt noch keine Kampagne.",
  },
  body_too_large: {
    en: "The request is too large.",
    nl: "De aanvraag is te groot.",
    fr: "La demande est trop volumineuse.",
    de: "Die Anfrage ist zu groß.",
  },
  nesting_too_deep: {
    en: "The request nests lists or objects too deeply.",
    nl: "De aanvraag nest lijsten of objecten te diep.",
    fr: "La demande imbrique trop profondément des listes ou des objets.",
    de: "Die Anfrage verschachtelt Listen oder Objekte zu tief.",
  },
  campaign_closed_reopen: {
    en: "This campaign is closed: a submission can only be reopened while its campaign is open. Extend the campaign first.",
    nl: "Deze campagne is afgesloten: een indiening kan alleen heropend worden zolang de campagne open is. Verleng eerst de campagne.",
    fr: "Cette campagne est clôturée : une soumission ne peut être rouverte que pendant que la campagne est ouverte. Prolongez d'abord la campagne.",
    de: "Diese Kampagne ist abgeschlossen: Eine Einreichung kann nur wieder geöffnet werden, solange die Kampagne offen ist. Verlängern Sie zuerst die Kampagne.",
  },
  too_many_filters: {
    en: "A view can be narrowed by at most two farm attributes at once (a region and its province count as one): this keeps every farm's answers hidden in the figures.",
    nl: "Een overzicht kan per keer op hoogstens twee bedrijfskenmerken beperkt worden (een regio en haar provincie tellen als één): zo blijven de antwoorden van elk bedrijf verborgen in de cijfers.",
    fr: "Une vue peut être restreinte à deux caractéristiques d'exploitation au plus à la fois (une région et sa province comptent pour une) : ainsi les réponses de chaque exploitation restent cachées dans les chiffres.",
    de: "Eine Ansicht kann auf höchstens zwei Betriebsmerkmale gleichzeitig eingeschränkt werden (eine Region und ihre Provinz zählen als eines): So bleiben die Antworten jedes Betriebs in den Zahlen verborgen.",
  },
  award_entry_closed: {
    en: "The entry window of this award edition is closed.",
    nl: "De inschrijvingsperiode van deze awardeditie is afgelopen.",
    fr: "La période d'inscription de cette édition du prix est clôturée.",
    de: "Die Anmeldefrist dieser Preisausgabe ist abgelaufen.",
  },
  award_not_entered: {
    en: "This farm has not entered this award edition.",
    nl: "Dit bedrijf is niet ingeschreven voor deze awardeditie.",
    fr: "Cette exploitation n'est pas inscrite à cette édition du prix.",
    de: "Dieser Betrieb ist für diese Preisausgabe nicht angemeldet.",
  },
  award_shortlist_closed: {
    en: "The shortlist of this award edition is closed.",
    nl: "De shortlist van deze awardeditie is afgesloten.",
    fr: "La présélection de cette édition du prix est clôturée.",
    de: "Die Vorauswahl dieser Preisausgabe ist abgeschlossen.",
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
