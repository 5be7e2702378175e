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
  /**
   * The origin users reach the app at (`scheme://host[:port]`, `PUBLIC_ORIGIN`): API writes must
   * come from it or a trusted origin (CSRF); the `Host` header is never trusted for this.
   */
  publicOrigin: string;
  /** Mark the session cookie Secure: derived from the public origin being https (config.ts). */
  secureCookies: boolean;
  /** Origins allowed to make API writes besides the public origin (`TRUSTED_ORIGINS`). */
  trustedOrigins: string[];
  /**
   * Login throttling (services/loginThrottle.ts), with exponential back-off instead of a lockout:
   * failed logins one account may have from one client address before each further one waits
   * (`loginBackoffBaseSeconds`, doubling per failure up to `loginBackoffMaxSeconds`; a 429 with
   * Retry-After meanwhile). The same account from another address is not slowed.
   */
  loginFailureLimit: number;
  /** Failed logins one client address may have over all accounts before it waits the same way. */
  loginAddressFailureLimit: number;
  loginBackoffBaseSeconds: number;
  loginBackoffMaxSeconds: number;
  /** A throttling counter without a failure for this long starts over. */
  loginFailureMemoryHours: number;
  /**
   * The API is behind a reverse proxy: the client address is the last `X-Forwarded-For` entry (the
   * one our proxy added). Off, the header is ignored and the socket's address counts.
   */
  trustProxy: boolean;
  /** Disclosure-control parameters over the defaults (tests switch the noise off with bounds of 0). */
  disclosure: Partial<DisclosureParams>;
}

export const defaultConfig: AppConfig = {
  minGroupSize: 5,
  sessionTtlHours: 12,
  publicOrigin: "http://localhost:8787",
  secureCookies: false,
  trustedOrigins: [],
  loginFailureLimit: 5,
  loginAddressFailureLimit: 100,
  loginBackoffBaseSeconds: 1,
  loginBackoffMaxSeconds: 15 * 60,
  loginFailureMemoryHours: 24,
  trustProxy: false,
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
  /** The public id of this session (GET /api/me/sessions marks it `current`). */
  sessionId: number;
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
