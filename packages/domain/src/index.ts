export * from "./access.ts";
export * from "./suppression.ts";
