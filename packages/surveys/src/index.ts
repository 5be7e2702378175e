export * from "./core.ts";
export { checkSurveys, getCatalogue, getVersion, latestVersion, listVersions, SURVEYS_DIR } from "./files.ts";
