export * from "./core.ts";
export { type DerivedInitiative, deriveInitiatives, themeOf, withThemes } from "./derive.ts";
export {
  checkSurveys,
  comparableInitiativeIds,
  definitionChangedBetween,
  getCatalogue,
  getVersion,
  latestVersion,
  listVersions,
  SURVEYS_DIR,
} from "./files.ts";
export { declaredHerdSize } from "./herdSize.ts";
