import type { Random } from "./random.ts";

export const ORGANISATIONS = [
  { id: "milcobel", kind: "dairy_buyer", name: "Milcobel" },
  { id: "frieslandcampina", kind: "dairy_buyer", name: "FrieslandCampina" },
  { id: "inex", kind: "dairy_buyer", name: "Inex" },
  { id: "solarec", kind: "dairy_buyer", name: "Solarec" },
  { id: "lda", kind: "dairy_buyer", name: "Laiterie des Ardennes" },
  { id: "walhorn", kind: "dairy_buyer", name: "Molkerei Walhorn" },
  { id: "arla", kind: "dairy_buyer", name: "Arla Foods" },
  { id: "mcc", kind: "certification_body", name: "MCC-Vlaanderen" },
  { id: "cdl", kind: "certification_body", name: "Comité du Lait" },
  { id: "carah", kind: "inspection_body", name: "Carah" },
  { id: "certalent", kind: "inspection_body", name: "Certalent" },
  { id: "ckcert", kind: "inspection_body", name: "CkCert" },
  { id: "cdl_inspection", kind: "inspection_body", name: "Comité du Lait (inspection)" },
  { id: "inscert", kind: "inspection_body", name: "InscertPartner" },
  { id: "sgs", kind: "inspection_body", name: "SGS" },
] as const;

type RegionProfile = {
  region: string;
  weight: number;
  /** Provinces with their share of the region's dairy farms. */
  provinces: readonly (readonly [string, number])[];
  buyers: readonly (readonly [string, number])[];
  certificationBody: string;
  inspectionBodies: readonly string[];
  names: readonly string[];
  /** Herd size in the first campaign (2014): log-normal, median and spread of log(cows). */
  herd: { median: number; spread: number };
};

/**
 * Shares of farms, provinces and herd sizes in proportion to public figures for Belgian dairy
 * (sources and where these are approximations: demo/README.md). About 62% of the farms in
 * Flanders, where West-Vlaanderen and Antwerpen hold the most dairy farms and Vlaams-Brabant few;
 * in Wallonia most are in the province of Liège, then Luxembourg and Hainaut.
 */
export const REGIONS: readonly RegionProfile[] = [
  {
    region: "flanders",
    weight: 62,
    provinces: [
      ["West-Vlaanderen", 30],
      ["Antwerpen", 27],
      ["Oost-Vlaanderen", 22],
      ["Limburg", 13],
      ["Vlaams-Brabant", 8],
    ],
    buyers: [
      ["milcobel", 45],
      ["frieslandcampina", 25],
      ["inex", 25],
      ["arla", 5],
    ],
    certificationBody: "mcc",
    inspectionBodies: ["certalent", "ckcert", "inscert", "sgs"],
    names: ["Hoeve", "Melkveebedrijf", "Boerderij", "Hof"],
    herd: { median: 56, spread: 0.55 },
  },
  {
    region: "wallonia",
    weight: 30,
    provinces: [
      ["Liège", 36],
      ["Luxembourg", 26],
      ["Hainaut", 23],
      ["Namur", 12],
      ["Brabant wallon", 3],
    ],
    buyers: [
      ["solarec", 35],
      ["lda", 30],
      ["milcobel", 20],
      ["frieslandcampina", 15],
    ],
    certificationBody: "cdl",
    inspectionBodies: ["carah", "cdl_inspection", "sgs"],
    names: ["Ferme", "Exploitation", "Ferme laitière", "Domaine"],
    herd: { median: 48, spread: 0.5 },
  },
  {
    region: "east_belgium",
    weight: 6,
    provinces: [["Liège", 1]],
    buyers: [
      ["walhorn", 70],
      ["lda", 30],
    ],
    certificationBody: "cdl",
    inspectionBodies: ["cdl_inspection", "carah"],
    names: ["Hof", "Milchviehbetrieb", "Bauernhof"],
    herd: { median: 44, spread: 0.45 },
  },
  {
    region: "netherlands",
    weight: 2,
    provinces: [
      ["Noord-Brabant", 60],
      ["Limburg (NL)", 25],
      ["Zeeland", 15],
    ],
    buyers: [
      ["frieslandcampina", 80],
      ["milcobel", 20],
    ],
    certificationBody: "mcc",
    inspectionBodies: ["certalent", "sgs"],
    names: ["Melkveebedrijf", "Hoeve", "Boerderij"],
    herd: { median: 85, spread: 0.45 },
  },
];

const FAMILY_NAMES = [
  "Vermeulen",
  "Declercq",
  "Peeters",
  "Janssens",
  "Maes",
  "Willems",
  "Claes",
  "Goossens",
  "De Smet",
  "Wouters",
  "Dubois",
  "Lambert",
  "Dupont",
  "Martin",
  "Leclercq",
  "Simon",
  "Laurent",
  "Renard",
  "Thiry",
  "Collard",
  "Schmitz",
  "Kessler",
  "Meyer",
  "Heinen",
  "Cremer",
  "Van Dijk",
  "De Vries",
  "Bakker",
  "Visser",
  "Smits",
];

export interface RegisterFarm {
  herdNumber: string;
  name: string;
  region: string;
  province: string;
  herdSize: number;
  dairyBuyerId: string;
  certificationBodyId: string;
  inspectionBodyId: string;
}

/** A farm of the register; its herd size is the one of its first campaign (it changes over the years). */
export function generateFarm(random: Random, index: number): RegisterFarm {
  const profile = random.weighted(REGIONS.map((r) => [r, r.weight] as const));
  return {
    herdNumber: `BE${String(1_000_000 + index * 7919).padStart(8, "0")}-0101`,
    name: `${random.pick(profile.names)} ${random.pick(FAMILY_NAMES)}`,
    region: profile.region,
    province: random.weighted(profile.provinces),
    herdSize: Math.max(8, Math.round(profile.herd.median * Math.exp(random.normal(0, profile.herd.spread)))),
    dairyBuyerId: random.weighted(profile.buyers),
    certificationBodyId: profile.certificationBody,
    inspectionBodyId: random.pick(profile.inspectionBodies),
  };
}
