export * from "./core.ts";
export {
  checkSurveys,
  comparableInitiativeIds,
  getCatalogue,
  getVersion,
  latestVersion,
  listVersions,
  SURVEYS_DIR,
} from "./files.ts";
