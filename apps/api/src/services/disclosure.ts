import { randomBytes } from "node:crypto";
import {
  combineKeys,
  DEFAULT_DISCLOSURE_PARAMS,
  type DisclosureContext,
  type FarmAttributeName,
  type NoiseKey,
  noiseKey,
} from "@monitor/domain";
import type { Database } from "../db/client.ts";
import type { AppDeps } from "../env.ts";
import type { Population } from "../repositories/population.ts";

/**
 * The database's secret noise key: made once and kept with the data, so every API instance on
 * one database adds the same noise to the same figure (and a restart changes nothing).
 */
const SECRET_SETTING = "disclosure_secret";
const secrets = new WeakMap<Database, Promise<NoiseKey>>();

export function disclosureSecret(deps: AppDeps): Promise<NoiseKey> {
  let secret = secrets.get(deps.db);
  if (!secret) {
    secret = deps.repos.settings.getOrSet(SECRET_SETTING, randomBytes(16).toString("hex")).then(noiseKey);
    secret.catch(() => secrets.delete(deps.db));
    secrets.set(deps.db, secret);
  }
  return secret;
}

/** The context every figure of one view is protected in: its farms, their key sum, the campaign. */
export async function disclosureContext(
  deps: AppDeps,
  campaignId: number,
  view: { farms: number; keySum: number | bigint },
): Promise<DisclosureContext> {
  return {
    viewKey: combineKeys([view.keySum]),
    farms: view.farms,
    campaignId: String(campaignId),
    secret: await disclosureSecret(deps),
    params: {
      ...DEFAULT_DISCLOSURE_PARAMS,
      ...deps.config.disclosure,
      minGroupSize: deps.config.minGroupSize,
    },
  };
}

/**
 * The disclosure contexts of a population's submitted farms, from the counters: one per campaign
 * (`campaignId` null) or for one campaign, and per value of `groupBy` when given. A campaign or
 * group without farms gets a context of 0 farms, so every figure of it is withheld.
 */
export async function submittedContexts(
  deps: AppDeps,
  campaignId: number | null,
  population: Population,
  groupBy?: FarmAttributeName,
): Promise<(campaignId: number, group?: string) => Promise<DisclosureContext>> {
  const rows = await deps.repos.counters.populationKeys(campaignId, population, groupBy);
  const byKey = new Map(rows.map((r) => [`${r.campaignId}|${r.group}`, r]));
  return (id, group = "") =>
    disclosureContext(deps, id, byKey.get(`${id}|${group}`) ?? { farms: 0, keySum: 0 });
}
