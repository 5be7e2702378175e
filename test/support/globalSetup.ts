import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

/** One folder per test run for the seeded demo databases (support/api.ts), removed when the run ends. */
export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "monitor-seeded-"));
  project.provide("seededDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
