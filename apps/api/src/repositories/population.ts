import {
  type AggregateScope,
  type AttributeFilter,
  FARM_ATTRIBUTES,
  type FarmAttributeName,
  farmAttribute,
} from "@monitor/domain";
import { scopeCondition } from "./sector.ts";

/**
 * The farms a figure is computed over: an analyst's scope narrowed by farm attributes, named as in
 * the farm-attribute table (`{ scope, region: "wallonia", sizeClass: "50_99" }`).
 */
export type Population = { scope: AggregateScope } & AttributeFilter;

/** The attributes that narrow a population, with their values, in the table's order. */
export function narrowing(p: Population): { attribute: (typeof FARM_ATTRIBUTES)[number]; value: string }[] {
  return FARM_ATTRIBUTES.flatMap((attribute) => {
    const value = p[attribute.name];
    return value === undefined ? [] : [{ attribute, value }];
  });
}

/** The population without one of its attributes: one filter wider. */
export const without = (p: Population, name: FarmAttributeName): Population => ({ ...p, [name]: undefined });

/**
 * SQL condition over the register (`farms f`) restricting farms to a population as it was in the
 * campaign year `year` (an SQL expression, e.g. `c.year`): a size class is the herd's of that year.
 */
export function populationCondition(p: Population, year: string): { sql: string; args: unknown[] } {
  const scope = scopeCondition(p.scope);
  const parts = [scope.sql];
  const args = [...scope.args];
  for (const { attribute, value } of narrowing(p)) {
    parts.push(`${attribute.sql(year)} = ?`);
    args.push(value);
  }
  return { sql: parts.join(" AND "), args };
}

/** The key value of a counter column that a counter row does not narrow by (every value of it). */
export const ROLL_UP = "*";

/** Counter rows narrow by at most this many farm attributes, besides the rows of every attribute. */
export const CELL_ATTRIBUTES = 2;

const COLUMNS = FARM_ATTRIBUTES.map((a) => a.counterColumn);

/**
 * The counter rows of a population (`statistic_counters`). Every campaign keeps a row per cell of
 * the lattice of farm attributes: the roll-up (no attribute), each value of one attribute, each pair
 * of values of two, and each full combination. A population narrowed (scope included, grouped
 * attribute included) by at most two attributes reads its own cell rows (one row, or one per group),
 * however many farms it has; a narrower one sums the matching full-combination rows. An analyst's
 * scope is the attribute whose values are organisations of the scope's kind.
 */
export function counterCondition(
  p: Population,
  groupBy?: FarmAttributeName,
): { sql: string; args: unknown[] } {
  const fixed: [string, unknown][] = [];
  if (p.scope.kind !== "all") {
    const kind = p.scope.kind;
    const scoped = FARM_ATTRIBUTES.find((a) => a.organisationKind === kind);
    // Fail closed: a scope the counters cannot restrict to must never read every farm.
    if (!scoped) throw new Error(`no farm attribute for the scope ${kind}`);
    fixed.push([scoped.counterColumn, p.scope.id]);
  }
  for (const { attribute, value } of narrowing(p)) fixed.push([attribute.counterColumn, value]);
  const grouped = groupBy === undefined ? null : counterColumnOf(groupBy);
  const used = new Set([...fixed.map(([column]) => column), ...(grouped ? [grouped] : [])]);
  const cell = used.size <= CELL_ATTRIBUTES;
  // A value of '*' given as a filter matches no farm, as before the cells.
  const parts = COLUMNS.map((column) => (cell && !used.has(column) ? `${column} = ?` : `${column} <> ?`));
  const args: unknown[] = parts.map(() => ROLL_UP);
  for (const [column, value] of fixed) {
    parts.push(`${column} = ?`);
    args.push(value);
  }
  return { sql: parts.join(" AND "), args };
}

/** The counter column a breakdown groups by. */
export const counterColumnOf = (name: FarmAttributeName): string => farmAttribute(name).counterColumn;
