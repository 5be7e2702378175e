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
  audit_in_future: {
    en: "An audit can only be recorded once it has taken place: the date is in the future.",
    nl: "Een audit kan pas geregistreerd worden als hij plaatsvond: de datum ligt in de toekomst.",
    fr: "Un audit ne peut être enregistré qu'une fois réalisé : la date est dans le futur.",
    de: "Ein Audit kann erst erfasst werden, wenn es stattgefunden hat: Das Datum liegt in der Zukunft.",
  },
  email_taken: {
    en: "This e-mail address already has an account.",
    nl: "Dit e-mailadres heeft al een account.",
    fr: "Cette adresse e-mail a déjà un compte.",
    de: "Für diese E-Mail-Adresse gibt es bereits ein Konto.",
  },
  invalid_grant: {
    en: "A role cannot be given in this scope, or the scope does not exist.",
    nl: "Een rol kan niet in dit bereik gegeven worden, of het bereik bestaat niet.",
    fr: "Un rôle ne peut pas être attribué dans ce périmètre, ou le périmètre n'existe pas.",
    de: "Eine Rolle kann in diesem Bereich nicht vergeben werden, oder der Bereich existiert nicht.",
  },
  cannot_drop_own_admin: {
    en: "You cannot take away your own administrator role.",
    nl: "U kunt uw eigen beheerdersrol niet afnemen.",
    fr: "Vous ne pouvez pas retirer votre propre rôle d'administrateur.",
    de: "Sie können sich Ihre eigene Administratorrolle nicht entziehen.",
  },
  link_invalid: {
    en: "This link is no longer valid: it was used already or has expired. Ask an administrator for a new one.",
    nl: "Deze link is niet meer geldig: hij werd al gebruikt of is verlopen. Vraag een beheerder om een nieuwe.",
    fr: "Ce lien n'est plus valable : il a déjà été utilisé ou a expiré. Demandez-en un nouveau à un administrateur.",
    de: "Dieser Link ist nicht mehr gültig: Er wurde bereits verwendet oder ist abgelaufen. Bitten Sie einen Administrator um einen neuen.",
  },
  campaign_year_taken: {
    en: "There is already a campaign for this year.",
    nl: "Er is al een campagne voor dit jaar.",
    fr: "Il existe déjà une campagne pour cette année.",
    de: "Für dieses Jahr gibt es bereits eine Kampagne.",
  },
  campaign_dates: {
    en: "The closing date must come after the opening date.",
    nl: "De sluitingsdatum moet na de openingsdatum liggen.",
    fr: "La date de clôture doit suivre la date d'ouverture.",
    de: "Das Enddatum muss nach dem Startdatum liegen.",
  },
  campaign_has_answers: {
    en: "Farms have already answered this campaign: its questionnaire version cannot change. Publish the new version for a new campaign.",
    nl: "Bedrijven hebben deze campagne al beantwoord: de vragenlijstversie kan niet meer veranderen. Publiceer de nieuwe versie voor een nieuwe campagne.",
    fr: "Des exploitations ont déjà répondu à cette campagne : sa version du questionnaire ne peut plus changer. Publiez la nouvelle version pour une nouvelle campagne.",
    de: "Betriebe haben diese Kampagne bereits beantwortet: Ihre Fragebogenversion kann sich nicht mehr ändern. Veröffentlichen Sie die neue Version für eine neue Kampagne.",
  },
  version_not_publishable: {
    en: "This questionnaire version cannot be published: it is unknown, the checker found problems, or its file changed while monitors answer it.",
    nl: "Deze vragenlijstversie kan niet gepubliceerd worden: ze is onbekend, de controle vond fouten, of haar bestand veranderde terwijl monitors haar beantwoorden.",
    fr: "Cette version du questionnaire ne peut pas être publiée : elle est inconnue, le contrôle a trouvé des problèmes, ou son fichier a changé alors que des monitorings y répondent.",
    de: "Diese Fragebogenversion kann nicht veröffentlicht werden: Sie ist unbekannt, die Prüfung fand Fehler, oder ihre Datei hat sich geändert, während Monitore sie beantworten.",
  },
  extension_not_later: {
    en: "An extension must end after the campaign's own deadline.",
    nl: "Een verlenging moet na de eigen einddatum van de campagne eindigen.",
    fr: "Une prolongation doit se terminer après la date limite de la campagne.",
    de: "Eine Verlängerung muss nach der eigenen Frist der Kampagne enden.",
  },
  register_invalid: {
    en: "Some rows of the register file are not valid: nothing was imported. Correct the lines listed and try again.",
    nl: "Sommige regels van het registerbestand zijn ongeldig: er werd niets ingelezen. Verbeter de vermelde regels en probeer opnieuw.",
    fr: "Certaines lignes du fichier du registre ne sont pas valables : rien n'a été importé. Corrigez les lignes indiquées et réessayez.",
    de: "Einige Zeilen der Registerdatei sind ungültig: Es wurde nichts importiert. Korrigieren Sie die genannten Zeilen und versuchen Sie es erneut.",
  },
  unsupported_media_type: {
    en: "Send the register as a CSV file (text/csv).",
    nl: "Stuur het register als CSV-bestand (text/csv).",
    fr: "Envoyez le registre sous forme de fichier CSV (text/csv).",
    de: "Senden Sie das Register als CSV-Datei (text/csv).",
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
