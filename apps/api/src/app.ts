import { Hono } from "hono";
import type { Database } from "./db/client.ts";
import { type AppConfig, type AppDeps, type AppEnv, defaultConfig, type Log } from "./env.ts";
import { loadSession } from "./middleware/auth.ts";
import { requestBodyLimits } from "./middleware/bodyLimit.ts";
import { requestContext } from "./middleware/context.ts";
import { onError, onNotFound } from "./middleware/errors.ts";
import { sameOriginWrites, securityHeaders } from "./middleware/security.ts";
import { createRepositories } from "./repositories/index.ts";
import { adminRoutes } from "./routes/admin.ts";
import { adminCampaignRoutes } from "./routes/adminCampaigns.ts";
import { adminRegisterRoutes } from "./routes/adminRegister.ts";
import { adminUserRoutes } from "./routes/adminUsers.ts";
import { auditRoutes } from "./routes/audits.ts";
import { authRoutes } from "./routes/auth.ts";
import { awardRoutes } from "./routes/awards.ts";
import { campaignRoutes } from "./routes/campaigns.ts";
import { farmExportRoutes } from "./routes/farmExport.ts";
import { farmRoutes } from "./routes/farms.ts";
import { healthRoutes } from "./routes/health.ts";
import { meRoutes } from "./routes/me.ts";
import { monitorRoutes } from "./routes/monitor.ts";
import { openApiRoutes } from "./routes/openapi.ts";
import { resultRoutes } from "./routes/results.ts";
import { sectorRoutes } from "./routes/sector.ts";
import { surveyRoutes } from "./routes/surveys.ts";

export interface CreateAppOptions {
  db: Database;
  clock?: () => Date;
  config?: Partial<AppConfig>;
  log?: Log;
}

/** The API as a Hono app: no listening, no environment reads; server.ts and the tests wrap it. */
export function createApp(options: CreateAppOptions): Hono<AppEnv> {
  const deps: AppDeps = {
    db: options.db,
    clock: options.clock ?? (() => new Date()),
    config: { ...defaultConfig, ...options.config },
    log: options.log ?? (() => {}),
    repos: createRepositories(options.db),
  };
  const app = new Hono<AppEnv>();
  app.use("*", requestContext(deps));
  app.use("*", securityHeaders());
  app.use("/api/*", requestBodyLimits());
  app.use("/api/*", sameOriginWrites());
  app.use("/api/*", loadSession());
  app.use("/api/*", async (c, next) => {
    // Before the handler, like X-Request-Id in requestContext: no response is rebuilt to add it.
    c.header("Cache-Control", "no-store");
    await next();
  });

  const api = new Hono<AppEnv>()
    .route("/", healthRoutes)
    .route("/", authRoutes)
    .route("/", meRoutes)
    .route("/", farmRoutes)
    .route("/", campaignRoutes)
    .route("/", monitorRoutes)
    .route("/", surveyRoutes)
    .route("/", resultRoutes)
    .route("/", farmExportRoutes)
    .route("/", sectorRoutes)
    .route("/", awardRoutes)
    .route("/", adminRoutes)
    .route("/", adminUserRoutes)
    .route("/", adminCampaignRoutes)
    .route("/", adminRegisterRoutes)
    .route("/", auditRoutes)
    .route("/", openApiRoutes);
  app.route("/api", api);
  app.notFound(onNotFound);
  app.onError(onError);
  return app;
}
