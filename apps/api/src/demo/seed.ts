import type { Role, ScopeType } from "@monitor/domain";
import { hashPassword } from "../auth/password.ts";
import type { Database } from "../db/client.ts";
import type { Locale } from "../i18n/locale.ts";
import { createRepositories } from "../repositories/index.ts";
import { registerSurveyVersions } from "../services/surveyVersions.ts";
import { seedAudits } from "./audits.ts";
import { seedAwards } from "./awards.ts";
import { ensureCampaigns, FIRST_YEAR } from "./campaigns.ts";
import { seededRandom } from "./random.ts";
import { generateFarm, ORGANISATIONS, type RegisterFarm } from "./register.ts";
import { generateSector } from "./sector.ts";

export const DEMO_PASSWORD = "demo-password";

const DEMO_FARMS: RegisterFarm[] = [
  {
    herdNumber: "BE10000001-0101",
    name: "Hoeve De Linde",
    region: "flanders",
    province: "West-Vlaanderen",
    herdSize: 120,
    dairyBuyerId: "milcobel",
    certificationBodyId: "mcc",
    inspectionBodyId: "certalent",
  },
  {
    herdNumber: "BE20000002-0101",
    name: "Ferme du Bois Joli",
    region: "wallonia",
    province: "Liège",
    herdSize: 85,
    dairyBuyerId: "lda",
    certificationBodyId: "cdl",
    inspectionBodyId: "carah",
  },
];

interface DemoUser {
  email: string;
  name: string;
  locale: Locale;
  description: string;
  role: Role;
  scopeType: ScopeType;
  scopeId: string | null;
}

export const DEMO_USERS: DemoUser[] = [
  {
    email: "farmer@demo.test",
    name: "Jan Vermeulen",
    locale: "nl",
    description: "farmer of Hoeve De Linde (Flanders)",
    role: "farmer",
    scopeType: "farm",
    scopeId: "1",
  },
  {
    email: "fermier@demo.test",
    name: "Marie Lambert",
    locale: "fr",
    description: "farmer of Ferme du Bois Joli (Wallonia)",
    role: "farmer",
    scopeType: "farm",
    scopeId: "2",
  },
  {
    email: "sector@demo.test",
    name: "Sector Analyst",
    locale: "nl",
    description: "sector analyst, all farms",
    role: "sector_analyst",
    scopeType: "all",
    scopeId: null,
  },
  {
    email: "buyer@demo.test",
    name: "Milcobel Analyst",
    locale: "nl",
    description: "dairy buyer Milcobel, its suppliers only",
    role: "sector_analyst",
    scopeType: "dairy_buyer",
    scopeId: "milcobel",
  },
  {
    email: "jury@demo.test",
    name: "Jury Member",
    locale: "nl",
    description: "juror, Sustainability Awards 2026",
    role: "juror",
    scopeType: "award_edition",
    scopeId: "1",
  },
  {
    email: "jury2@demo.test",
    name: "Second Juror",
    locale: "fr",
    description: "second juror, Sustainability Awards 2026 (jury@ chairs)",
    role: "juror",
    scopeType: "award_edition",
    scopeId: "1",
  },
  {
    email: "auditor@demo.test",
    name: "Certalent Auditor",
    locale: "nl",
    description: "auditor, Certalent",
    role: "auditor",
    scopeType: "inspection_body",
    scopeId: "certalent",
  },
  {
    email: "admin@demo.test",
    name: "Administrator",
    locale: "en",
    description: "administrator",
    role: "admin",
    scopeType: "all",
    scopeId: null,
  },
];

/** Loads the demo register, accounts and the calibrated demo sector (generateSector) into an empty database; does nothing when users exist. */
export async function seedDemo(
  db: Database,
  clock: () => Date,
  options: {
    farms: number;
    fromYear?: number;
    toYear?: number;
    onProgress?: (message: string) => void;
    /** After each block of farms written: farms done and total (a progress bar). */
    onFarms?: (done: number, total: number) => void;
  },
): Promise<boolean> {
  const existing = await db.queryOne<{ n: number }>("SELECT count(*) AS n FROM users");
  if (Number(existing?.n ?? 0) > 0) return false;
  const progress = options.onProgress ?? (() => {});

  await db.write([
    ...ORGANISATIONS.map((o) => ({
      sql: "INSERT INTO organisations (id, kind, name) VALUES (?, ?, ?)",
      args: [o.id, o.kind, o.name],
    })),
    {
      sql: "INSERT INTO award_editions (id, name, year) VALUES (1, 'Sustainability Awards 2026', 2026)",
      args: [],
    },
  ]);

  const repos = createRepositories(db);
  for (const u of DEMO_USERS) {
    await repos.users.create(
      { email: u.email, name: u.name, passwordHash: await hashPassword(DEMO_PASSWORD), locale: u.locale },
      [{ role: u.role, scopeType: u.scopeType, scopeId: u.scopeId }],
      clock(),
    );
  }

  await registerSurveyVersions(repos, clock());
  const currentYear = clock().getUTCFullYear();
  const fromYear = options.fromYear ?? FIRST_YEAR;
  const toYear = Math.min(options.toYear ?? currentYear, currentYear);
  await ensureCampaigns(repos, fromYear, toYear);
  progress(`  register and monitors ${fromYear}–${toYear}:`);
  const random = seededRandom(20140101);
  await generateSector(db, repos, {
    farms: options.farms,
    fromYear,
    toYear,
    currentYear,
    now: clock(),
    onProgress: progress,
    ...(options.onFarms ? { onFarms: options.onFarms } : {}),
    registerFarm: (index) => DEMO_FARMS[index] ?? generateFarm(random, index),
  });
  await db.write(
    NEXT_AUDITS.map((date, index) => ({
      sql: "UPDATE farms SET next_audit_on = ? WHERE id = ?",
      args: [date, index + 1],
    })),
  );
  progress("  statistic counters, awards and audits");
  // one campaign at a time, so the rebuild holds one campaign's rows in memory
  for (const campaign of await repos.campaigns.list()) await repos.counters.rebuild(campaign.id);
  await seedAwards(db, repos, clock());
  await seedAudits(db, clock());
  return true;
}

const NEXT_AUDITS = ["2027-02-16", "2027-03-09"];
