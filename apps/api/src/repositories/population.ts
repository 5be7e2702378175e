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

/** SQL condition over the register (`farms f`) restricting farms to a population. */
export function populationCondition(p: Population): { sql: string; args: unknown[] } {
  const scope = scopeCondition(p.scope);
  const parts = [scope.sql];
  const args = [...scope.args];
  for (const { attribute, value } of narrowing(p)) {
    parts.push(`${attribute.sql} = ?`);
    args.push(value);
  }
  return { sql: parts.join(" AND "), args };
}

/** The key value of each campaign's roll-up row of the counters: every farm, so an unfiltered view reads one row. */
export const ROLL_UP = "*";
/** The counter column that tells the roll-up rows apart (any key column would do). */
export const ROLL_UP_COLUMN = FARM_ATTRIBUTES[0].counterColumn;

/**
 * The counter rows of a population (`statistic_counters`): the roll-up row when nothing narrows it
 * (and the view is not grouped by an attribute), else the attribute rows that match. An analyst's
 * scope is the attribute whose values are organisations of the scope's kind.
 */
export function counterCondition(p: Population, grouped = false): { sql: string; args: unknown[] } {
  const parts: string[] = [];
  const args: unknown[] = [];
  if (p.scope.kind !== "all") {
    const kind = p.scope.kind;
    const scoped = FARM_ATTRIBUTES.find((a) => a.organisationKind === kind);
    // Fail closed: a scope the counters cannot restrict to must never read every farm.
    if (!scoped) throw new Error(`no farm attribute for the scope ${kind}`);
    parts.push(`${scoped.counterColumn} = ?`);
    args.push(p.scope.id);
  }
  for (const { attribute, value } of narrowing(p)) {
    parts.push(`${attribute.counterColumn} = ?`);
    args.push(value);
  }
  if (!parts.length && !grouped) return { sql: `${ROLL_UP_COLUMN} = ?`, args: [ROLL_UP] };
  if (!parts.length) return { sql: `${ROLL_UP_COLUMN} <> ?`, args: [ROLL_UP] };
  return { sql: `${ROLL_UP_COLUMN} <> ? AND ${parts.join(" AND ")}`, args: [ROLL_UP, ...args] };
}

/** The counter column a breakdown groups by. */
export const counterColumnOf = (name: FarmAttributeName): string => farmAttribute(name).counterColumn;
