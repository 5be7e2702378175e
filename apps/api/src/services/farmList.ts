import type { FarmListQuery } from "@monitor/contract";
import { listableFarms } from "@monitor/domain";
import type { AppDeps, CurrentUser } from "../env.ts";
import { campaignById } from "./campaigns.ts";

/**
 * The farms a user may list, each with its readiness in the campaign the audit concerns (the
 * named one, by default the current one) and its last audit.
 */
export async function listFarms(
  deps: AppDeps,
  user: CurrentUser,
  query: Required<Pick<FarmListQuery, "sort" | "limit" | "offset">> &
    Omit<FarmListQuery, "sort" | "limit" | "offset">,
) {
  const campaign = query.campaign
    ? await campaignById(deps, Number(query.campaign))
    : ((await deps.repos.campaigns.current(deps.clock())) ?? null);
  const result = await deps.repos.farms.list(
    listableFarms(user.grants),
    query.search,
    Number(query.limit),
    Number(query.offset),
    { campaign, readiness: query.readiness, sort: query.sort },
  );
  return { ...result, limit: Number(query.limit), offset: Number(query.offset) };
}
