import { mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Context, Hono } from "hono";
import { createApp } from "./app.ts";
import { readConfig } from "./config.ts";
import { Database } from "./db/client.ts";
import { migrate } from "./db/migrate.ts";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "./demo/seed.ts";
import type { AppEnv } from "./env.ts";
import { jsonLog } from "./log.ts";
import { createRepositories } from "./repositories/index.ts";
import { registerSurveyVersions } from "./services/surveyVersions.ts";

/** Hashed file names change with their content: a browser may keep them for a year unasked. */
const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * Serves the built web app (`webDist`) next to the API, under the same security headers: the
 * brotli or gzip file written at build time when the browser accepts it, hashed assets cacheable
 * for good, everything else (the page, the service worker, manifests, icons) checked on each use.
 */
export function serveWebApp(app: Hono<AppEnv>, webDist: string): void {
  const revalidate = (_path: string, c: Context) => {
    c.header("Cache-Control", "no-cache");
  };
  app.use(
    "/assets/*",
    serveStatic({
      root: webDist,
      precompressed: true,
      onFound: (_path, c) => {
        c.header("Cache-Control", IMMUTABLE);
      },
    }),
  );
  for (const path of ["/favicon.svg", "/sw.js", "/manifest/*", "/icons/*"])
    app.use(path, serveStatic({ root: webDist, precompressed: true, onFound: revalidate }));
  // Every other page is the single-page app; a missing asset or API route stays a 404.
  app.get("*", async (c) => {
    if (c.req.path.startsWith("/api/") || c.req.path.startsWith("/assets/")) return c.notFound();
    const indexHtml = await readFile(join(webDist, "index.html"), "utf8").catch(() => null);
    if (!indexHtml) return c.text("The web app is not built: run `npm run build`.", 503);
    c.header("Cache-Control", "no-cache");
    return c.html(indexHtml);
  });
}

export async function startServer(options: { demo: boolean }) {
  const config = readConfig();
  if (config.databaseUrl.startsWith("file:")) {
    mkdirSync(dirname(fileURLToPath(new URL(config.databaseUrl.replace(/^file:/, "file://")))), {
      recursive: true,
    });
  }
  const db = new Database({
    url: config.databaseUrl,
    authToken: config.databaseAuthToken,
    synchronous: config.databaseSync,
  });
  const clock = () => new Date();
  const applied = await migrate(db, clock);
  if (applied.length) jsonLog("info", "migrations applied", { migrations: applied });
  await registerSurveyVersions(createRepositories(db), clock());

  if (options.demo) {
    const seeded = await seedDemo(db, clock, { farms: config.demoFarms, onProgress: (m) => console.log(m) });
    if (seeded) {
      console.log(`\nDemo data loaded. Log in with password "${DEMO_PASSWORD}" as:`);
      for (const user of DEMO_USERS) console.log(`  ${user.email.padEnd(22)} ${user.description}`);
    }
  }

  const app = createApp({ db, clock, config: config.app, log: jsonLog });
  serveWebApp(app, config.webDist);

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    // Writes are accepted from this origin (and TRUSTED_ORIGINS) only: open the app at this address.
    console.log(`\nDairy sustainability monitor on ${config.publicOrigin} (port ${info.port})`);
  });
  const shutdown = () => {
    server.close();
    db.close();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await startServer({ demo: process.argv.includes("--demo") });
}
