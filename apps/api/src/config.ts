import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { AppConfig } from "./env.ts";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

const environment = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().default(`file:${repoRoot}data/monitor.db`),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  MIN_GROUP_SIZE: z.coerce.number().int().min(2).max(100).default(5),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  SECURE_COOKIES: z.enum(["true", "false"]).default("false"),
  TRUSTED_ORIGINS: z.string().default(""),
  WEB_DIST: z.string().default(`${repoRoot}apps/web/dist`),
  DEMO_FARMS: z.coerce.number().int().min(20).max(200_000).default(2000),
});

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  webDist: string;
  demoFarms: number;
  app: Partial<AppConfig>;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const e = environment.parse(env);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseAuthToken: e.DATABASE_AUTH_TOKEN,
    webDist: e.WEB_DIST,
    demoFarms: e.DEMO_FARMS,
    app: {
      minGroupSize: e.MIN_GROUP_SIZE,
      sessionTtlHours: e.SESSION_TTL_HOURS,
      secureCookies: e.SECURE_COOKIES === "true",
      trustedOrigins: e.TRUSTED_ORIGINS.split(",")
        .map((o) => o.trim())
        .filter(Boolean),
    },
  };
}
