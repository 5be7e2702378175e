import type { DisclosureParams, RoleGrant } from "@monitor/domain";
import type { Database } from "./db/client.ts";
import type { Locale } from "./i18n/locale.ts";
import type { Farm } from "./repositories/farms.ts";
import type { Repositories } from "./repositories/index.ts";

export type LogLevel = "info" | "warn" | "error";
export type Log = (level: LogLevel, message: string, fields?: Record<string, unknown>) => void;

export interface AppConfig {
  /** Farms a figure must count at least before it may be shown. */
  minGroupSize: number;
  sessionTtlHours: number;
  /** Mark the session cookie Secure (behind HTTPS). */
  secureCookies: boolean;
  /** Origins allowed to make cookie-authenticated writes besides the API's own. */
  trustedOrigins: string[];
  loginFailureLimit: number;
  loginFailureWindowMinutes: number;
  /** Disclosure-control parameters over the defaults (tests switch the noise off with bounds of 0). */
  disclosure: Partial<DisclosureParams>;
}

export const defaultConfig: AppConfig = {
  minGroupSize: 5,
  sessionTtlHours: 12,
  secureCookies: false,
  trustedOrigins: [],
  loginFailureLimit: 10,
  loginFailureWindowMinutes: 15,
  disclosure: {},
};

export interface AppDeps {
  db: Database;
  clock: () => Date;
  config: AppConfig;
  log: Log;
  repos: Repositories;
}

export interface CurrentUser {
  id: number;
  email: string;
  name: string;
  locale: Locale;
  grants: RoleGrant[];
  sessionTokenHash: string;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    locale: Locale;
    requestId: string;
    log: Log;
    user: CurrentUser | null;
    /** The farm of the `:farmId` path, once requireFarm let the request through. */
    farm: Farm | null;
  };
}
