import { SIZE_CLASSES } from "./sizeClass.ts";

/**
 * The farm attributes that sector views filter and group by, in one table: the query parameter,
 * the key of its label in the translations, the attribute it refines (a province lies in a region),
 * the SQL that reads it for a farm in a campaign year, and its column in the statistic counters.
 * Routes, counters, statistics, exports, disclosure control and the web filters all read this table;
 * a new attribute is a row here, a migration that adds its column (to `farms` and to
 * `statistic_counters`, counted again), and its translations.
 */
export interface FarmAttribute {
  /** Query parameter and breakdown name, e.g. `sizeClass`. */
  name: string;
  /** Key (i18next path) of the attribute's name in the web app's translations, e.g. `farm.region`. */
  labelKey: string;
  /** Name of the attribute's list of values in the filter options (`GET /api/sector/options`). */
  optionList: string;
  /** The attribute this one refines: every value of this one lies within one value of the parent. */
  parent: FarmAttributeName | null;
  /**
   * SQL over `farms f` that gives the farm's value in the campaign year `year` (an SQL expression,
   * e.g. `c.year`; `NULL` for the register as it is now); never null: '' for none.
   */
  sql: (year: string) => string;
  /** Column of `statistic_counters` that holds the value. */
  counterColumn: string;
  /** The values are organisations of this kind (their names come from the organisations table). */
  organisationKind: "dairy_buyer" | "certification_body" | "inspection_body" | null;
  /** A fixed list of values, when the attribute has one. */
  values: readonly string[] | null;
}

/**
 * A farm's herd (dairy cows) in a campaign year, as SQL over `farms f`: the herd recorded for that
 * year (migration 013, kept at submission), else the register's current herd size.
 */
export const herdSizeSql = (year: string): string =>
  `coalesce((SELECT h.herd_size FROM farm_herd_sizes h WHERE h.farm_id = f.id AND h.year = ${year}), f.herd_size)`;

// The herd is looked up once per farm, not once per class.
const sizeClassSql = (year: string) =>
  `(SELECT CASE ${SIZE_CLASSES.map((c) => `WHEN n >= ${c.min}${c.max === null ? "" : ` AND n <= ${c.max}`} THEN '${c.id}'`).join(" ")} END FROM (SELECT ${herdSizeSql(year)} AS n))`;

export const FARM_ATTRIBUTES = [
  {
    name: "region",
    labelKey: "farm.region",
    optionList: "regions",
    parent: null,
    sql: () => "f.region",
    counterColumn: "region",
    organisationKind: null,
    values: ["flanders", "wallonia", "east_belgium", "netherlands", "france", "germany"],
  },
  {
    name: "province",
    labelKey: "farm.province",
    optionList: "provinces",
    parent: "region",
    sql: () => "f.province",
    counterColumn: "province",
    organisationKind: null,
    values: null,
  },
  {
    name: "sizeClass",
    labelKey: "sectorDashboard.sizeClass",
    optionList: "sizeClasses",
    parent: null,
    sql: sizeClassSql,
    counterColumn: "size_class",
    organisationKind: null,
    values: SIZE_CLASSES.map((c) => c.id),
  },
  {
    name: "dairyBuyer",
    labelKey: "farm.dairyBuyer",
    optionList: "dairyBuyers",
    parent: null,
    sql: () => "coalesce(f.dairy_buyer_id, '')",
    counterColumn: "dairy_buyer_id",
    organisationKind: "dairy_buyer",
    values: null,
  },
  {
    name: "certificationBody",
    labelKey: "farm.certificationBody",
    optionList: "certificationBodies",
    parent: null,
    sql: () => "coalesce(f.certification_body_id, '')",
    counterColumn: "certification_body_id",
    organisationKind: "certification_body",
    values: null,
  },
  {
    name: "inspectionBody",
    labelKey: "farm.inspectionBody",
    optionList: "inspectionBodies",
    parent: null,
    sql: () => "coalesce(f.inspection_body_id, '')",
    counterColumn: "inspection_body_id",
    organisationKind: "inspection_body",
    values: null,
  },
] as const satisfies readonly (Omit<FarmAttribute, "parent"> & { parent: string | null })[];

export type FarmAttributeName = (typeof FARM_ATTRIBUTES)[number]["name"];
export const FARM_ATTRIBUTE_NAMES = FARM_ATTRIBUTES.map((a) => a.name) as FarmAttributeName[];

/** A farm's value per attribute, as a view is narrowed: `{ region: "wallonia", sizeClass: "50_99" }`. */
export type AttributeFilter = Partial<Record<FarmAttributeName, string>>;

export function farmAttribute(name: FarmAttributeName): (typeof FARM_ATTRIBUTES)[number] {
  const found = FARM_ATTRIBUTES.find((a) => a.name === name);
  if (!found) throw new Error(`unknown farm attribute ${name}`);
  return found;
}

export const isFarmAttributeName = (name: string): name is FarmAttributeName =>
  FARM_ATTRIBUTES.some((a) => a.name === name);

/** At most this many farm attributes narrow one view (a value and its refinement count as one). */
export const MAX_VIEW_ATTRIBUTES = 2;

/**
 * The attributes a view is narrowed by, counted as disclosure control sees them: a province lies in
 * one region, so region and province together narrow by one attribute. Limiting this count bounds
 * how many distinct populations contain one farm (docs/disclosure-control.md, averaging).
 */
export function viewAttributeCount(names: readonly FarmAttributeName[]): number {
  const roots = new Set(
    names.map((name) => {
      let attribute = farmAttribute(name);
      while (attribute.parent && names.includes(attribute.parent))
        attribute = farmAttribute(attribute.parent);
      return attribute.name;
    }),
  );
  return roots.size;
}
