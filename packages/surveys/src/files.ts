import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { checkDefinitions } from "./check.ts";
import type { Catalogue, Mapping, Problem, SurveyJson, SurveyVersion } from "./types.ts";

/** The repository's `surveys/` folder, found from this file so it works from any working directory. */
export const SURVEYS_DIR = fileURLToPath(new URL("../../../surveys/", import.meta.url));

const VERSION_DIR = /^\d{4}[a-z0-9_-]*$/;

let catalogue: Catalogue | undefined;
let versions: SurveyVersion[] | undefined;

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8"));
}

/** The catalogue of themes and initiatives (`surveys/catalogue.json`), read once. */
export function getCatalogue(): Catalogue {
  catalogue ??= readJson(`${SURVEYS_DIR}catalogue.json`) as Catalogue;
  return catalogue;
}

function versionFolders(): string[] {
  return readdirSync(SURVEYS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && VERSION_DIR.test(d.name))
    .map((d) => d.name)
    .sort();
}

function loadVersion(id: string): SurveyVersion {
  const bytes = readFileSync(`${SURVEYS_DIR}${id}/survey.json`);
  const json = JSON.parse(bytes.toString("utf8")) as SurveyJson;
  const mapping = readJson(`${SURVEYS_DIR}${id}/mapping.json`) as Mapping;
  const order = getCatalogue().initiatives.map((i) => i.id);
  const mapped = new Set(Object.keys(mapping.initiatives ?? {}));
  const initiativeIds = [
    ...order.filter((i) => mapped.has(i)),
    ...[...mapped].filter((i) => !order.includes(i)),
  ];
  return {
    id,
    year: Number.parseInt(id.slice(0, 4), 10),
    json,
    mapping,
    contentHash: createHash("sha256").update(bytes).digest("hex"),
    initiativeIds,
  };
}

/** All questionnaire versions, sorted by id ascending; read once. Treat the objects as read-only. */
export function listVersions(): SurveyVersion[] {
  versions ??= versionFolders().map(loadVersion);
  return [...versions];
}

export function getVersion(id: string): SurveyVersion | undefined {
  return listVersions().find((v) => v.id === id);
}

/** The latest questionnaire version (the one farmers fill in now). */
export function latestVersion(): SurveyVersion {
  const all = listVersions();
  const last = all[all.length - 1];
  if (!last) throw new Error(`no questionnaire versions in ${SURVEYS_DIR}`);
  return last;
}

/** `checkDefinitions` on the files in `surveys/` (read fresh from disk); a file that cannot be read is a problem too. */
export function checkSurveys(): Problem[] {
  const unreadable: Problem[] = [];
  const read = (file: string, version?: string): unknown => {
    try {
      return readJson(`${SURVEYS_DIR}${file}`);
    } catch (e) {
      unreadable.push({ version, path: file, message: `cannot be read as JSON: ${(e as Error).message}` });
      return undefined;
    }
  };
  const defs = {
    catalogue: read("catalogue.json") as Catalogue,
    versions: versionFolders().map((id) => ({
      id,
      json: read(`${id}/survey.json`, id),
      mapping: read(`${id}/mapping.json`, id),
    })),
  };
  return [...unreadable, ...checkDefinitions(defs)];
}

let comparableCache: ReadonlySet<string> | undefined;

/** The initiatives every questionnaire version asks: the series that stays comparable since the first. */
export function comparableInitiativeIds(): ReadonlySet<string> {
  comparableCache ??= new Set(
    listVersions()
      .map((v) => v.initiativeIds)
      .reduce((shared, ids) => shared.filter((id) => ids.includes(id))),
  );
  return comparableCache;
}

/**
 * Whether an initiative is counted differently in `toVersion` than in `fromVersion` (its
 * definition changed in a version after the one and up to the other): the catalogue's mark.
 */
export function definitionChangedBetween(id: string, fromVersion: string, toVersion: string): boolean {
  const initiative = getCatalogue().initiatives.find((i) => i.id === id);
  return (initiative?.definitionChanged ?? []).some((v) => v > fromVersion && v <= toVersion);
}
