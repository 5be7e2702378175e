import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { AppConfig } from "./env.ts";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * An origin as a browser sends it in `Origin`: `http(s)://host[:port]`, lower-case, no default port,
 * no path. Returns undefined for anything else (a path, credentials, another scheme).
 */
export function normalizeOrigin(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  if (url.username || url.password || url.search || url.hash || url.pathname !== "/") return undefined;
  return url.origin;
}

const origin = (name: string) =>
  z.string().transform((value, ctx) => {
    const normalized = normalizeOrigin(value);
    if (normalized) return normalized;
    ctx.addIssue({
      code: "custom",
      message: `${name}: "${value}" is not an origin like https://monitor.example or http://localhost:8787`,
    });
    return z.NEVER;
  });

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
  /** Where users reach the app; by default http://localhost:<PORT>. */
  PUBLIC_ORIGIN: z.preprocess((v) => (v === "" ? undefined : v), origin("PUBLIC_ORIGIN").optional()),
  /** Replaced by PUBLIC_ORIGIN; still read, only to refuse a value that contradicts it. */
  SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  TRUSTED_ORIGINS: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(origin("TRUSTED_ORIGINS"))),
  WEB_DIST: z.string().default(`${repoRoot}apps/web/dist`),
  DEMO_FARMS: z.coerce.number().int().min(20).max(200_000).default(2000),
  /** `true` behind a reverse proxy: the client address (login throttling) comes from X-Forwarded-For. */
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  /** `full`: every acknowledged save is on disk before the answer (docs/reliability.md). */
  DATABASE_SYNC: z.enum(["normal", "full"]).default("normal"),
});

export interface ServerConfig {
  port: number;
  host: string;
  /** The address users open (PUBLIC_ORIGIN), also in `app.publicOrigin`. */
  publicOrigin: string;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  databaseSync: "normal" | "full";
  webDist: string;
  demoFarms: number;
  app: Partial<AppConfig>;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const e = environment.parse(env);
  const publicOrigin = e.PUBLIC_ORIGIN ?? `http://localhost:${e.PORT}`;
  // The session cookie is Secure exactly when users reach the app over https: nothing to forget.
  const secureCookies = publicOrigin.startsWith("https:");
  if (e.SECURE_COOKIES !== undefined && (e.SECURE_COOKIES === "true") !== secureCookies) {
    throw new Error(
      `SECURE_COOKIES=${e.SECURE_COOKIES} contradicts PUBLIC_ORIGIN=${publicOrigin}: the session cookie is ` +
        "Secure exactly when PUBLIC_ORIGIN is https. Set PUBLIC_ORIGIN to the address users open and drop SECURE_COOKIES.",
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    publicOrigin,
    databaseUrl: e.DATABASE_URL,
    databaseAuthToken: e.DATABASE_AUTH_TOKEN,
    databaseSync: e.DATABASE_SYNC,
    webDist: e.WEB_DIST,
    demoFarms: e.DEMO_FARMS,
    app: {
      minGroupSize: e.MIN_GROUP_SIZE,
      sessionTtlHours: e.SESSION_TTL_HOURS,
      publicOrigin,
      secureCookies,
      trustedOrigins: e.TRUSTED_ORIGINS,
      trustProxy: e.TRUST_PROXY === "true",
    },
  };
}
