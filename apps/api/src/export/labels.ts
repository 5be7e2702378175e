import type { Locale } from "@monitor/surveys";

type Texts = Record<Locale, string>;

/** Column headers of the exports in the analyst's language; the machine variant (raw=1) keeps the keys. */
export const HEADERS: Record<string, Texts> = {
  year: { nl: "Jaar", fr: "Année", de: "Jahr", en: "Year" },
  questionnaire_version: {
    nl: "Versie vragenlijst",
    fr: "Version du questionnaire",
    de: "Fragebogenversion",
    en: "Questionnaire version",
  },
  provisional: { nl: "Voorlopig", fr: "Provisoire", de: "Vorläufig", en: "Provisional" },
  farms: { nl: "Bedrijven", fr: "Exploitations", de: "Betriebe", en: "Farms" },
  mean_initiatives: {
    nl: "Gemiddeld aantal initiatieven",
    fr: "Nombre moyen d'initiatives",
    de: "Durchschnittliche Zahl der Initiativen",
    en: "Average number of initiatives",
  },
  median_initiatives: {
    nl: "Mediaan initiatieven",
    fr: "Médiane des initiatives",
    de: "Median der Initiativen",
    en: "Median initiatives",
  },
  share_with_at_least_one: {
    nl: "Aandeel met minstens één initiatief",
    fr: "Part avec au moins une initiative",
    de: "Anteil mit mindestens einer Initiative",
    en: "Share with at least one initiative",
  },
  comparable_mean: {
    nl: "Gemiddelde (vergelijkbare initiatieven)",
    fr: "Moyenne (initiatives comparables)",
    de: "Durchschnitt (vergleichbare Initiativen)",
    en: "Average (comparable initiatives)",
  },
  comparable_share_with_at_least_one: {
    nl: "Aandeel met minstens één (vergelijkbaar)",
    fr: "Part avec au moins une (comparable)",
    de: "Anteil mit mindestens einer (vergleichbar)",
    en: "Share with at least one (comparable)",
  },
  suppressed: {
    nl: "Afgeschermd (te weinig bedrijven)",
    fr: "Masqué (trop peu d'exploitations)",
    de: "Ausgeblendet (zu wenige Betriebe)",
    en: "Withheld (too few farms)",
  },
  registered: { nl: "Geregistreerd", fr: "Enregistrées", de: "Registriert", en: "Registered" },
  started: { nl: "Begonnen", fr: "Commencées", de: "Begonnen", en: "Started" },
  submitted: { nl: "Ingediend", fr: "Envoyées", de: "Eingereicht", en: "Submitted" },
  share_submitted: {
    nl: "Aandeel ingediend",
    fr: "Part envoyée",
    de: "Anteil eingereicht",
    en: "Share submitted",
  },
  audited: { nl: "Geauditeerd", fr: "Auditées", de: "Auditiert", en: "Audited" },
  filled_in_at_audit: {
    nl: "Ingevuld bij de audit",
    fr: "Rempli à l'audit",
    de: "Bei der Auditierung ausgefüllt",
    en: "Filled in at the audit",
  },
  share_filled_in_at_audit: {
    nl: "Aandeel ingevuld bij de audit",
    fr: "Part remplie à l'audit",
    de: "Anteil bei der Auditierung ausgefüllt",
    en: "Share filled in at the audit",
  },
  initiative_id: {
    nl: "Code initiatief",
    fr: "Code de l'initiative",
    de: "Code der Initiative",
    en: "Initiative code",
  },
  initiative: { nl: "Initiatief", fr: "Initiative", de: "Initiative", en: "Initiative" },
  theme: { nl: "Thema", fr: "Thème", de: "Thema", en: "Theme" },
  rate: {
    nl: "Aandeel bedrijven",
    fr: "Part des exploitations",
    de: "Anteil der Betriebe",
    en: "Share of farms",
  },
  previous_rate: {
    nl: "Aandeel vorige campagne",
    fr: "Part campagne précédente",
    de: "Anteil vorige Kampagne",
    en: "Share previous campaign",
  },
  definition_changed: {
    nl: "Definitie gewijzigd sinds vorige campagne",
    fr: "Définition modifiée depuis la campagne précédente",
    de: "Definition seit der vorigen Kampagne geändert",
    en: "Definition changed since the previous campaign",
  },
  initiatives_from: {
    nl: "Initiatieven van",
    fr: "Initiatives de",
    de: "Initiativen von",
    en: "Initiatives from",
  },
  initiatives_to: {
    nl: "Initiatieven tot",
    fr: "Initiatives à",
    de: "Initiativen bis",
    en: "Initiatives to",
  },
  by: { nl: "Ingedeeld volgens", fr: "Réparti selon", de: "Aufgeteilt nach", en: "Grouped by" },
  group_id: { nl: "Code groep", fr: "Code du groupe", de: "Code der Gruppe", en: "Group code" },
  group: { nl: "Groep", fr: "Groupe", de: "Gruppe", en: "Group" },
};

/** Names of the farm attributes an export can be filtered or grouped by. */
export const ATTRIBUTES: Record<string, Texts> = {
  region: { nl: "Regio", fr: "Région", de: "Region", en: "Region" },
  province: { nl: "Provincie", fr: "Province", de: "Provinz", en: "Province" },
  sizeClass: { nl: "Grootteklasse", fr: "Classe de taille", de: "Größenklasse", en: "Herd size class" },
  dairyBuyer: { nl: "Zuivelafnemer", fr: "Acheteur de lait", de: "Milchabnehmer", en: "Dairy buyer" },
  certificationBody: {
    nl: "Certificeringsinstelling",
    fr: "Organisme de certification",
    de: "Zertifizierungsstelle",
    en: "Certification body",
  },
  inspectionBody: {
    nl: "Inspectie-instelling",
    fr: "Organisme d'inspection",
    de: "Kontrollstelle",
    en: "Inspection body",
  },
};

export const VIEWS: Record<string, Texts> = {
  trend: { nl: "Evolutie", fr: "Évolution", de: "Entwicklung", en: "Trend" },
  participation: { nl: "Deelname", fr: "Participation", de: "Teilnahme", en: "Participation" },
  adoption: { nl: "Initiatieven", fr: "Initiatives", de: "Initiativen", en: "Initiatives" },
  distribution: { nl: "Verdeling", fr: "Répartition", de: "Verteilung", en: "Distribution" },
  breakdown: {
    nl: "Vergelijking van groepen",
    fr: "Comparaison de groupes",
    de: "Gruppenvergleich",
    en: "Breakdown",
  },
};

/** The sentences of the "about" part of a file (CSV preamble, XLSX sheet). */
export const ABOUT = {
  title: {
    nl: "Duurzaamheidsmonitor",
    fr: "Monitoring de durabilité",
    de: "Nachhaltigkeitsmonitor",
    en: "Sustainability monitor",
  },
  campaign: { nl: "Campagne", fr: "Campagne", de: "Kampagne", en: "Campaign" },
  filters: { nl: "Filters", fr: "Filtres", de: "Filter", en: "Filters" },
  noFilters: {
    nl: "geen (alle bedrijven binnen uw toegang)",
    fr: "aucun (toutes les exploitations de votre accès)",
    de: "keine (alle Betriebe Ihres Zugangs)",
    en: "none (all farms you have access to)",
  },
  protection: { nl: "Bescherming", fr: "Protection", de: "Schutz", en: "Protection" },
  protectionRule: {
    nl: "groepen van minder dan {k} bedrijven worden niet getoond (lege cel); aantallen kunnen licht afwijken om bedrijven te beschermen.",
    fr: "les groupes de moins de {k} exploitations ne sont pas montrés (cellule vide) ; les nombres peuvent légèrement varier pour protéger les exploitations.",
    de: "Gruppen mit weniger als {k} Betrieben werden nicht gezeigt (leere Zelle); Anzahlen können zum Schutz der Betriebe leicht abweichen.",
    en: "groups of fewer than {k} farms are not shown (empty cell); counts may deviate slightly to protect the farms.",
  },
  provisional: { nl: "Voorlopig", fr: "Provisoire", de: "Vorläufig", en: "Provisional" },
  provisionalNote: {
    nl: "campagne {year} is nog open: de cijfers zijn voorlopig.",
    fr: "la campagne {year} est encore ouverte : les chiffres sont provisoires.",
    de: "die Kampagne {year} ist noch offen: die Zahlen sind vorläufig.",
    en: "campaign {year} is still open: the figures are provisional.",
  },
  yes: { nl: "ja", fr: "oui", de: "ja", en: "yes" },
  no: { nl: "nee", fr: "non", de: "nein", en: "no" },
} satisfies Record<string, Texts>;
