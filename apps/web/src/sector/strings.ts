import { type AreaBundle, registerStrings } from "../i18n/index.ts";

/** Strings of the sector dashboard's honest comparisons (the rest of the area is in i18n/<locale>.ts). */
const en = {
  headline: "Latest closed campaign {{year}}",
  meanInitiatives: "initiatives per farm on average",
  atLeastOne: "of the farms take at least one initiative",
  provisional: "provisional",
  provisionalNote: "Campaign {{year}} is still open: its figures will change.",
  definitionChanged: "definition changed",
  definitionChangedNote:
    "Counted differently since questionnaire {{version}}: the change since {{year}} is not like for like.",
};
const nl: typeof en = {
  headline: "Laatste afgesloten campagne {{year}}",
  meanInitiatives: "initiatieven per bedrijf gemiddeld",
  atLeastOne: "van de bedrijven neemt minstens één initiatief",
  provisional: "voorlopig",
  provisionalNote: "Campagne {{year}} is nog open: de cijfers veranderen nog.",
  definitionChanged: "definitie gewijzigd",
  definitionChangedNote:
    "Sinds vragenlijst {{version}} anders geteld: de verandering sinds {{year}} is geen vergelijking van gelijken.",
};
const fr: typeof en = {
  headline: "Dernière campagne clôturée {{year}}",
  meanInitiatives: "initiatives par exploitation en moyenne",
  atLeastOne: "des exploitations prennent au moins une initiative",
  provisional: "provisoire",
  provisionalNote: "La campagne {{year}} est encore ouverte : ses chiffres vont changer.",
  definitionChanged: "définition modifiée",
  definitionChangedNote:
    "Compté autrement depuis le questionnaire {{version}} : l'évolution depuis {{year}} ne compare pas la même chose.",
};
const de: typeof en = {
  headline: "Letzte abgeschlossene Kampagne {{year}}",
  meanInitiatives: "Initiativen pro Betrieb im Durchschnitt",
  atLeastOne: "der Betriebe ergreifen mindestens eine Initiative",
  provisional: "vorläufig",
  provisionalNote: "Die Kampagne {{year}} ist noch offen: ihre Zahlen ändern sich noch.",
  definitionChanged: "Definition geändert",
  definitionChangedNote:
    "Seit Fragebogen {{version}} anders gezählt: die Veränderung seit {{year}} vergleicht nicht Gleiches.",
};

const sectorStrings: AreaBundle = {
  en: { sectorHonest: en },
  nl: { sectorHonest: nl },
  fr: { sectorHonest: fr },
  de: { sectorHonest: de },
};

registerStrings(sectorStrings);
