/**
 * The filter lattice an analyst can ask for: every set of zero, one and two farm attributes (any two
 * different rows of FARM_ATTRIBUTES), each with every value the API offers in `/api/sector/options`.
 */
import { type AttributeFilter, FARM_ATTRIBUTES, type FarmAttributeName } from "@monitor/domain";

export interface FilterSet {
  filters: AttributeFilter;
  /** Canonical query string (attributes in the table's order), also the set's identity. */
  key: string;
  /** Number of attributes. */
  depth: number;
}

/** `/api/sector/options` as the attacker reads it: attribute name → offered values. */
export type AttributeValues = Partial<Record<FarmAttributeName, string[]>>;

export function valuesFromOptions(options: Record<string, { id: string }[] | undefined>): AttributeValues {
  const values: AttributeValues = {};
  for (const attribute of FARM_ATTRIBUTES)
    values[attribute.name] = (options[attribute.optionList] ?? []).map((o) => o.id);
  return values;
}

/** The canonical query string of a filter set: `region=flanders&sizeClass=under_50`. */
export function filterKey(filters: AttributeFilter): string {
  const params = new URLSearchParams();
  for (const attribute of FARM_ATTRIBUTES) {
    const value = filters[attribute.name];
    if (value !== undefined) params.set(attribute.name, value);
  }
  return params.toString();
}

export function filterSet(filters: AttributeFilter): FilterSet {
  return {
    filters,
    key: filterKey(filters),
    depth: Object.values(filters).filter((v) => v !== undefined).length,
  };
}

/** A readable name for reports: `region=flanders & sizeClass=under_50`, or `(all)`. */
export function describeFilters(filters: AttributeFilter): string {
  const parts = FARM_ATTRIBUTES.flatMap((a) =>
    filters[a.name] === undefined ? [] : [`${a.name}=${filters[a.name]}`],
  );
  return parts.length ? parts.join(" & ") : "(no filter)";
}

/** Every filter set of at most `maxDepth` (≤ 2) attributes over the offered values. */
export function enumerateLattice(values: AttributeValues, maxDepth = 2): FilterSet[] {
  const sets: FilterSet[] = [filterSet({})];
  const names = FARM_ATTRIBUTES.map((a) => a.name);
  if (maxDepth >= 1) for (const a of names) for (const v of values[a] ?? []) sets.push(filterSet({ [a]: v }));
  if (maxDepth >= 2)
    for (let i = 0; i < names.length; i++)
      for (let j = i + 1; j < names.length; j++) {
        const a = names[i] as FarmAttributeName;
        const b = names[j] as FarmAttributeName;
        for (const v of values[a] ?? [])
          for (const w of values[b] ?? []) sets.push(filterSet({ [a]: v, [b]: w }));
      }
  return sets;
}
