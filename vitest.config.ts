import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "apps/api/src/**/*.test.ts",
      "apps/web/src/**/*.test.ts",
      "test/api/**/*.test.ts",
    ],
    // One test file per core: Vitest's default (cores − 1) runs the files one at a time on 2 cores.
    maxWorkers: availableParallelism(),
    // A worker runs its files one after the other in one module graph: the API, survey-core and
    // the contract load once per worker instead of once per file (about 1.3 s of CPU per file).
    // Each API test file still gets its own database; no test keeps state in a module.
    isolate: false,
    globalSetup: ["test/support/globalSetup.ts"],
    // Cheaper password hashes inside the tests (auth/password.ts; the production cost has its own test).
    env: { SCRYPT_TEST_N: "1024" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
