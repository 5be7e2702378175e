import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "apps/api/src/**/*.test.ts",
      "apps/web/src/**/*.test.ts",
      "test/api/**/*.test.ts",
    ],
    // Cheaper password hashes inside the tests (auth/password.ts; the production cost has its own test).
    env: { SCRYPT_TEST_N: "1024" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
