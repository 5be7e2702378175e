import type { AdminEdition } from "@monitor/contract";
import { getCatalogue } from "@monitor/surveys";
import type { AppDeps } from "../env.ts";
import { type FieldError, notFound, Problem } from "../problem.ts";
import type { Edition, NewEdition } from "../repositories/awards.ts";
import { summaryOf } from "./awards.ts";

export interface EditionSettings {
  name: string;
  year: number;
  campaignId: number;
  categories: string[];
  opensAt: string;
  closesAt: string;
  weights: Record<string, number>;
  blind: boolean;
  jurors: string[];
  chair: string | null;
}

async function adminEdition(deps: AppDeps, edition: Edition): Promise<AdminEdition> {
  const jurors = await deps.repos.awards.jurors(edition.id);
  return {
    ...summaryOf(edition, deps.clock()),
    campaignId: edition.campaignId,
    weights: edition.weights,
    jurors: jurors.map((j) => j.email),
    chair: jurors.find((j) => j.id === edition.chairUserId)?.email ?? null,
    entries: await deps.repos.awards.entryCount(edition.id),
  };
}

export async function adminEditions(deps: AppDeps) {
  const editions = await deps.repos.awards.editions();
  return { editions: await Promise.all(editions.map((e) => adminEdition(deps, e))) };
}

/** The settings checked against the register: the campaign, the themes and the jurors must exist. */
async function resolve(deps: AppDeps, settings: EditionSettings): Promise<NewEdition> {
  const errors: FieldError[] = [];
  if (!(await deps.repos.campaigns.get(settings.campaignId)))
    errors.push({ path: "campaignId", message: "no such campaign" });
  const themes = new Set(getCatalogue().themes.map((t) => t.id as string));
  for (const theme of Object.keys(settings.weights))
    if (!themes.has(theme)) errors.push({ path: `weights.${theme}`, message: "no such theme" });
  const ids = await deps.repos.awards.userIdsByEmail(settings.jurors);
  settings.jurors.forEach((email, i) => {
    if (!ids.has(email.toLowerCase()))
      errors.push({ path: `jurors.${i}`, message: `${email}: no such user` });
  });
  if (errors.length) throw new Problem(422, "invalid_request", undefined, errors);
  return {
    name: settings.name,
    year: settings.year,
    campaignId: settings.campaignId,
    opensAt: new Date(settings.opensAt).toISOString(),
    closesAt: new Date(settings.closesAt).toISOString(),
    blind: settings.blind,
    weights: settings.weights,
    categories: [...new Set(settings.categories)],
    jurorIds: [...new Set(ids.values())],
    chairUserId: settings.chair ? (ids.get(settings.chair.toLowerCase()) ?? null) : null,
  };
}

export async function createEdition(deps: AppDeps, settings: EditionSettings) {
  const id = await deps.repos.awards.createEdition(await resolve(deps, settings));
  const edition = await deps.repos.awards.edition(id);
  if (!edition) throw new Error(`edition ${id} was not created`);
  return adminEdition(deps, edition);
}

export async function updateEdition(deps: AppDeps, id: number, settings: EditionSettings) {
  if (!(await deps.repos.awards.edition(id))) throw notFound();
  await deps.repos.awards.updateEdition(id, await resolve(deps, settings));
  const edition = await deps.repos.awards.edition(id);
  if (!edition) throw notFound();
  return adminEdition(deps, edition);
}
