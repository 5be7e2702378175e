// Browser-safe part of the package (no node: imports): types, counting, checks, carry-over, validation.
// Import "@monitor/surveys/core" from the web app; "@monitor/surveys" adds the file loaders for Node.
export { carryOver } from "./carry.ts";
export { checkDefinitions, type Definitions } from "./check.ts";
export { countInitiatives, emptyPerTheme } from "./count.ts";
export { localize } from "./localize.ts";
export { evaluateRule, ruleQuestions } from "./rules.ts";
export * from "./types.ts";
export { validateAnswers } from "./validate.ts";
