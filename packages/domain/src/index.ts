export * from "./access.ts";
export * from "./benchmark.ts";
export * from "./histogram.ts";
export * from "./initiatives.ts";
export * from "./percent.ts";
export * from "./sizeClass.ts";
export * from "./statistics.ts";
export * from "./suppression.ts";
