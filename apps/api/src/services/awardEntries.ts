import { randomBytes } from "node:crypto";
import type { FarmAwardCall } from "@monitor/contract";
import { editionStatus, PSEUDONYM_LENGTH, pseudonymFromBytes } from "@monitor/domain";
import type { AppDeps, CurrentUser } from "../env.ts";
import { badRequest, notFound, Problem } from "../problem.ts";
import type { Edition } from "../repositories/awards.ts";
import type { Farm } from "../repositories/farms.ts";
import { summaryOf } from "./awards.ts";

/** A farm's entry in an edition, as its farmer sees it: entered or not, and the consent ledger. */
async function callOf(deps: AppDeps, farm: Farm, edition: Edition): Promise<FarmAwardCall> {
  const [history, campaign] = await Promise.all([
    deps.repos.awards.consentHistory(edition.id, farm.id),
    deps.repos.campaigns.get(edition.campaignId),
  ]);
  const latest = history.at(-1);
  const entered = latest?.action === "given";
  return {
    edition: summaryOf(edition, deps.clock()),
    entered,
    categories: (entered ? latest.categories : []) as FarmAwardCall["categories"],
    campaignYear: campaign?.year ?? edition.year,
    history: history as FarmAwardCall["history"],
  };
}

/** The open calls, and every edition the farm ever entered. */
export async function farmCalls(deps: AppDeps, farm: Farm) {
  const now = deps.clock();
  const calls: FarmAwardCall[] = [];
  for (const edition of await deps.repos.awards.editions()) {
    const open = editionStatus(edition, now) === "open";
    if (open || (await deps.repos.awards.candidateOfFarm(edition.id, farm.id)))
      calls.push(await callOf(deps, farm, edition));
  }
  return { calls };
}

async function openEdition(deps: AppDeps, editionId: number): Promise<Edition> {
  const edition = await deps.repos.awards.edition(editionId);
  if (!edition) throw notFound();
  if (editionStatus(edition, deps.clock()) !== "open") throw new Problem(409, "award_entry_closed");
  return edition;
}

/** The farm's candidate row; made on its first entry with a pseudonym no other candidate of the edition has. */
async function candidateId(deps: AppDeps, edition: Edition, farm: Farm): Promise<number> {
  const { awards } = deps.repos;
  for (let attempt = 0; attempt < 20; attempt++) {
    const existing = await awards.candidateOfFarm(edition.id, farm.id);
    if (existing) return existing.id;
    await awards.ensureCandidate(edition.id, farm.id, pseudonymFromBytes(randomBytes(PSEUDONYM_LENGTH)));
  }
  throw new Error(`no free pseudonym in edition ${edition.id}`);
}

/** The farmer enters the farm with explicit consent: a "given" row in the consent ledger. */
export async function enter(
  deps: AppDeps,
  user: CurrentUser,
  farm: Farm,
  editionId: number,
  categories: readonly string[],
) {
  const edition = await openEdition(deps, editionId);
  const unknown = categories.filter((c) => !edition.categories.includes(c));
  if (unknown.length)
    throw badRequest(
      unknown.map((c) => ({ path: "categories", message: `${c}: not a category of this edition` })),
    );
  const id = await candidateId(deps, edition, farm);
  await deps.db.write([
    deps.repos.awards.consentStatement(id, "given", [...new Set(categories)], user.id, deps.clock()),
  ]);
  return callOf(deps, farm, edition);
}

/** The farmer withdraws the entry and the consent, until the window closes: a "withdrawn" row. */
export async function withdraw(deps: AppDeps, user: CurrentUser, farm: Farm, editionId: number) {
  const edition = await openEdition(deps, editionId);
  const current = await callOf(deps, farm, edition);
  const candidate = await deps.repos.awards.candidateOfFarm(edition.id, farm.id);
  if (!current.entered || !candidate) throw new Problem(409, "award_not_entered");
  await deps.db.write([
    deps.repos.awards.consentStatement(candidate.id, "withdrawn", [], user.id, deps.clock()),
  ]);
  return callOf(deps, farm, edition);
}
