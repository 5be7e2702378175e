import type { Database } from "../db/client.ts";
import { AuditRepository } from "./audit.ts";
import { AuditRecordRepository } from "./audits.ts";
import { AwardRepository } from "./awards.ts";
import { CampaignRepository } from "./campaigns.ts";
import { CounterRepository } from "./counters.ts";
import { FarmRepository } from "./farms.ts";
import { LoginAttemptRepository } from "./loginAttempts.ts";
import { OneTimeTokenRepository } from "./oneTimeTokens.ts";
import { IdempotencyRepository, ResponseRepository } from "./responses.ts";
import { SectorRepository } from "./sector.ts";
import { SessionRepository } from "./sessions.ts";
import { SettingsRepository } from "./settings.ts";
import { StatisticsRepository } from "./statistics.ts";
import { UserRepository } from "./users.ts";

export function createRepositories(db: Database) {
  const counters = new CounterRepository(db);
  return {
    counters,
    users: new UserRepository(db),
    sessions: new SessionRepository(db),
    loginAttempts: new LoginAttemptRepository(db),
    farms: new FarmRepository(db),
    audit: new AuditRepository(db),
    audits: new AuditRecordRepository(db),
    oneTimeTokens: new OneTimeTokenRepository(db),
    awards: new AwardRepository(db),
    sector: new SectorRepository(db),
    campaigns: new CampaignRepository(db),
    responses: new ResponseRepository(db),
    idempotency: new IdempotencyRepository(db),
    statistics: new StatisticsRepository(db, counters),
    settings: new SettingsRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
