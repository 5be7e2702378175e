import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";

const root = fileURLToPath(new URL("../../", import.meta.url));
const port = Number(process.env.E2E_PORT ?? 8790);
// A new database per run; the variable carries the name to the workers, which load this file again.
process.env.E2E_DATABASE ??= join(tmpdir(), `monitor-e2e-${port}-${Date.now()}.db`);
const database = process.env.E2E_DATABASE;

export default defineConfig({
  testDir: ".",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  outputDir: join(root, "test-results", `e2e-${port}`),
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: "chromium",
    locale: "nl-BE",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
    screenshot: "only-on-failure",
  },
  webServer: {
    command: "npx tsx scripts/start.ts --demo",
    cwd: root,
    url: `http://localhost:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    env: {
      PORT: String(port),
      DATABASE_URL: `file:${database}`,
      WEB_DIST: process.env.WEB_DIST ?? join(root, "apps/web/dist"),
      DEMO_FARMS: "300",
    },
  },
});
