import {
  type AggregateScope,
  FARM_ATTRIBUTES,
  type FarmAttributeName,
  MAX_VIEW_ATTRIBUTES,
  viewAttributeCount,
} from "@monitor/domain";
import type { AppDeps } from "../env.ts";
import { attributeValueLabel } from "../i18n/labels.ts";
import type { Locale } from "../i18n/locale.ts";
import { Problem } from "../problem.ts";
import type { Population } from "../repositories/population.ts";

/**
 * The population of a sector view: the analyst's scope narrowed by the farm attributes the query
 * names (query parameters are the attribute names of the farm-attribute table). A view narrows by
 * at most two attributes, a breakdown's own attribute included (disclosure control).
 */
export function populationOf(
  scope: AggregateScope,
  query: Partial<Record<FarmAttributeName, string | undefined>> & { by?: FarmAttributeName | undefined },
): Population {
  const named = FARM_ATTRIBUTES.filter((a) => query[a.name] !== undefined).map((a) => a.name);
  if (viewAttributeCount(query.by ? [...named, query.by] : named) > MAX_VIEW_ATTRIBUTES)
    throw new Problem(400, "too_many_filters", `at most ${MAX_VIEW_ATTRIBUTES} farm attributes at once`);
  const population: Population = { scope };
  for (const attribute of FARM_ATTRIBUTES) {
    const value = query[attribute.name];
    if (value !== undefined) population[attribute.name] = value;
  }
  return population;
}

export interface FilterOption {
  id: string;
  label: string;
}

/**
 * The values an analyst may filter each farm attribute by, labelled in the user's language, as one
 * list per attribute named by its `optionList`: the fixed values, the organisations of the
 * attribute's kind (a dairy buyer's analyst is offered only that buyer), or the values on the
 * register within the analyst's scope.
 */
export async function filterOptions(
  deps: AppDeps,
  scope: AggregateScope,
  locale: Locale,
): Promise<Record<string, FilterOption[]>> {
  const { repos } = deps;
  const organisations = await repos.farms.organisations();
  const lists = await Promise.all(
    FARM_ATTRIBUTES.map(async (attribute): Promise<[string, FilterOption[]]> => {
      const kind = attribute.organisationKind;
      if (kind) {
        const ownOnly = kind === "dairy_buyer" && scope.kind === "dairy_buyer";
        return [
          attribute.optionList,
          organisations
            .filter((o) => o.kind === kind && (!ownOnly || o.id === scope.id))
            .map((o) => ({ id: o.id, label: o.name })),
        ];
      }
      const values = attribute.values ?? (await repos.sector.attributeValues(attribute.name, scope));
      return [
        attribute.optionList,
        values.map((id) => ({ id, label: attributeValueLabel(attribute.name, id, locale) })),
      ];
    }),
  );
  return Object.fromEntries(lists);
}
