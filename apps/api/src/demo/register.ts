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
  provinces: readonly string[];
  buyers: readonly (readonly [string, number])[];
  certificationBody: string;
  inspectionBodies: readonly string[];
  names: readonly string[];
  herd: { mean: number; sd: number };
};

/** Shares, buyers and herd sizes loosely follow the Belgian sector (about 2/3 of farms in Flanders). */
export const REGIONS: readonly RegionProfile[] = [
  {
    region: "flanders",
    weight: 62,
    provinces: ["West-Vlaanderen", "Oost-Vlaanderen", "Antwerpen", "Limburg", "Vlaams-Brabant"],
    buyers: [
      ["milcobel", 45],
      ["frieslandcampina", 25],
      ["inex", 25],
      ["arla", 5],
    ],
    certificationBody: "mcc",
    inspectionBodies: ["certalent", "ckcert", "inscert", "sgs"],
    names: ["Hoeve", "Melkveebedrijf", "Boerderij", "Hof"],
    herd: { mean: 110, sd: 45 },
  },
  {
    region: "wallonia",
    weight: 30,
    provinces: ["Liège", "Hainaut", "Luxembourg", "Namur", "Brabant wallon"],
    buyers: [
      ["solarec", 35],
      ["lda", 30],
      ["milcobel", 20],
      ["frieslandcampina", 15],
    ],
    certificationBody: "cdl",
    inspectionBodies: ["carah", "cdl_inspection", "sgs"],
    names: ["Ferme", "Exploitation", "Ferme laitière", "Domaine"],
    herd: { mean: 85, sd: 40 },
  },
  {
    region: "east_belgium",
    weight: 6,
    provinces: ["Liège"],
    buyers: [
      ["walhorn", 70],
      ["lda", 30],
    ],
    certificationBody: "cdl",
    inspectionBodies: ["cdl_inspection", "carah"],
    names: ["Hof", "Milchviehbetrieb", "Bauernhof"],
    herd: { mean: 70, sd: 30 },
  },
  {
    region: "netherlands",
    weight: 2,
    provinces: ["Noord-Brabant", "Limburg (NL)", "Zeeland"],
    buyers: [
      ["frieslandcampina", 80],
      ["milcobel", 20],
    ],
    certificationBody: "mcc",
    inspectionBodies: ["certalent", "sgs"],
    names: ["Melkveebedrijf", "Hoeve", "Boerderij"],
    herd: { mean: 140, sd: 50 },
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

export function generateFarm(random: Random, index: number): RegisterFarm {
  const profile = random.weighted(REGIONS.map((r) => [r, r.weight] as const));
  return {
    herdNumber: `BE${String(1_000_000 + index * 7919).padStart(8, "0")}-0101`,
    name: `${random.pick(profile.names)} ${random.pick(FAMILY_NAMES)}`,
    region: profile.region,
    province: random.pick(profile.provinces),
    herdSize: Math.max(15, Math.round(random.normal(profile.herd.mean, profile.herd.sd))),
    dairyBuyerId: random.weighted(profile.buyers),
    certificationBodyId: profile.certificationBody,
    inspectionBodyId: random.pick(profile.inspectionBodies),
  };
}
