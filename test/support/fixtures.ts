import type { Role, ScopeType } from "@monitor/domain";
import { deriveInitiatives, getVersion, type SurveyVersion, withThemes } from "@monitor/surveys";
import { hashCost, hashPassword } from "../../apps/api/src/auth/password.ts";
import type { Database } from "../../apps/api/src/db/client.ts";
import { ORGANISATIONS } from "../../apps/api/src/demo/register.ts";
import type { AppConfig } from "../../apps/api/src/env.ts";
import type { Locale } from "../../apps/api/src/i18n/locale.ts";
import type { OrganisationKind } from "../../apps/api/src/repositories/farms.ts";
import { createRepositories } from "../../apps/api/src/repositories/index.ts";
import type { Answers } from "../../apps/api/src/repositories/responses.ts";
import { registerSurveyVersions } from "../../apps/api/src/services/surveyVersions.ts";
import { createTestApi, type TestApi } from "./api.ts";

/**
 * Small named fixtures built through the repositories, for the API tests: an empty API, a farm
 * with these attributes, a campaign, a monitor submitted with these initiatives, a user with a role.
 */
const DAY = 24 * 60 * 60 * 1000;

/** The password of every user a fixture creates. */
export const FIXTURE_PASSWORD = "fixture-password";

/**
 * How a password hash made in these tests starts: scrypt at the tests' lower N (vitest.config.ts);
 * auth/password.test.ts tests the production cost.
 */
export const STORED_HASH = new RegExp(`^scrypt\\$${hashCost(process.env).N}\\$8\\$1\\$`);

let sequence = 0;
/** A number unique in this test process, for herd numbers and e-mail addresses nobody chose. */
const next = () => ++sequence;

// ---------------------------------------------------------------------------------------------
// An API on an empty database
// ---------------------------------------------------------------------------------------------

/**
 * A fresh API on its own temporary database file: migrated and with the questionnaire versions
 * registered, but no demo (no farms, users or campaigns): build the sector with the fixtures below.
 * `login` takes FIXTURE_PASSWORD unless told otherwise.
 */
export function createEmptyApi(
  options: { config?: Partial<AppConfig>; now?: () => Date } = {},
): Promise<TestApi> {
  return createTestApi({
    ...options,
    password: FIXTURE_PASSWORD,
    prepare: async (db, clock) => registerSurveyVersions(createRepositories(db), clock()),
  });
}

// ---------------------------------------------------------------------------------------------
// The register
// ---------------------------------------------------------------------------------------------

export interface FarmFixture {
  region: string;
  province: string;
  herdSize: number;
  /** Organisation ids; one not in the register yet is added (named as in the demo register, if there). */
  dairyBuyer?: string | null;
  certificationBody?: string | null;
  inspectionBody?: string | null;
  name?: string;
  herdNumber?: string;
  /**
   * When the farm entered the register (it counts in the campaigns of that year and later); before
   * the first campaign (2014) by default.
   */
  registeredOn?: string;
}

/** A farm with these attributes in the register; returns its id. */
export async function farm(db: Database, attributes: FarmFixture): Promise<number> {
  const repos = createRepositories(db);
  const organisations: [string | null | undefined, OrganisationKind][] = [
    [attributes.dairyBuyer, "dairy_buyer"],
    [attributes.certificationBody, "certification_body"],
    [attributes.inspectionBody, "inspection_body"],
  ];
  for (const [id, kind] of organisations) {
    if (!id) continue;
    const known = ORGANISATIONS.find((o) => o.id === id);
    if (known && known.kind !== kind) throw new Error(`${id} is a ${known.kind}, not a ${kind}`);
    await repos.farms.addOrganisation({ id, kind, name: known?.name ?? id });
  }
  const n = next();
  return repos.farms.create({
    herdNumber: attributes.herdNumber ?? `BE-FIXTURE-${n}`,
    name: attributes.name ?? `Farm ${n}`,
    region: attributes.region,
    province: attributes.province,
    herdSize: attributes.herdSize,
    dairyBuyerId: attributes.dairyBuyer ?? null,
    certificationBodyId: attributes.certificationBody ?? null,
    inspectionBodyId: attributes.inspectionBody ?? null,
    createdAt: attributes.registeredOn ?? "2013-12-01",
  });
}

// ---------------------------------------------------------------------------------------------
// Campaigns and monitors
// ---------------------------------------------------------------------------------------------

/**
 * A campaign of `year` on a questionnaire version (its id, e.g. "2020"), open the whole calendar
 * year unless told otherwise; returns its id.
 */
export async function campaign(
  db: Database,
  options: { year: number; surveyVersion: string; name?: string; opensAt?: string; closesAt?: string },
): Promise<number> {
  const { year } = options;
  return createRepositories(db).campaigns.create({
    name: options.name ?? `Monitor ${year}`,
    year,
    surveyVersionId: options.surveyVersion,
    opensAt: options.opensAt ?? `${year}-01-01`,
    closesAt: options.closesAt ?? `${year}-12-31T23:00:00Z`,
  });
}

/** A campaign on this questionnaire version, open from a day before `now` for a month. */
export async function openCampaign(
  api: TestApi,
  version: SurveyVersion,
  year: number,
  now: Date,
): Promise<number> {
  return campaign(api.db, {
    year,
    surveyVersion: version.id,
    name: `Monitor ${year} (${version.id})`,
    opensAt: new Date(now.getTime() - DAY).toISOString(),
    closesAt: new Date(now.getTime() + 30 * DAY).toISOString(),
  });
}

/** The id of the campaign of `year` (the demo has one per year). */
export async function campaignOfYear(db: Database, year: number): Promise<number> {
  const found = (await createRepositories(db).campaigns.list()).find((c) => c.year === year);
  if (!found) throw new Error(`no campaign in ${year}`);
  return found.id;
}

interface MonitorBase {
  farm: number;
  campaign: number;
  /** Stored as they are, not validated. */
  answers?: Answers;
  locale?: string;
  /** Submitted when the campaign opened, unless told otherwise. */
  submittedAt?: string;
}

/**
 * Which initiatives the monitor takes: these (ids of the campaign's questionnaire), the first
 * `total` of the campaign's questionnaire in its order, or those its answers take (derived as a
 * submission derives them).
 */
export type MonitorFixture = MonitorBase &
  ({ initiatives: readonly string[] } | { total: number } | { answers: Answers });

/**
 * A monitor submitted elsewhere (as an import or the demo loads one, without validating its
 * answers), then the campaign's statistic counters rebuilt; returns the response id.
 */
export async function submittedMonitor(db: Database, monitor: MonitorFixture): Promise<number> {
  const repos = createRepositories(db);
  const target = await repos.campaigns.get(monitor.campaign);
  if (!target) throw new Error(`no campaign ${monitor.campaign}`);
  const version = getVersion(target.surveyVersionId);
  if (!version) throw new Error(`no questionnaire ${target.surveyVersionId}`);
  const answers = monitor.answers ?? {};
  let initiatives: readonly string[];
  if ("initiatives" in monitor) initiatives = monitor.initiatives;
  else if ("total" in monitor) {
    if (monitor.total > version.initiativeIds.length)
      throw new Error(`questionnaire ${version.id} has ${version.initiativeIds.length} initiatives`);
    initiatives = version.initiativeIds.slice(0, monitor.total);
  } else initiatives = deriveInitiatives(version, answers).ids;
  await db.write(
    repos.responses.importSubmittedStatements(
      {
        farmId: monitor.farm,
        campaignId: monitor.campaign,
        surveyVersionId: version.id,
        surveyHash: version.contentHash,
        data: answers,
        locale: monitor.locale ?? "nl",
        submittedAt: monitor.submittedAt ?? new Date(target.opensAt).toISOString(),
      },
      withThemes(initiatives),
    ),
  );
  await repos.counters.rebuild(monitor.campaign);
  const stored = await repos.responses.find(monitor.farm, monitor.campaign);
  return Number(stored?.id);
}

/**
 * Every answer the 2026 questionnaire requires, for a farm that claims none of the practices with
 * follow-up questions (no vet contract, no renewable electricity). Spread it and add the claims.
 */
export const complete2026: Readonly<Answers> = Object.freeze({
  dairy_cows: 120,
  land_ha: 80,
  grassland_ha: 50,
  grazing: true,
  grazing_days: 180,
  grazing_hours_per_day: 8,
  housing_type: "free_stall",
  milking_system: "milking_robot",
  own_renewable_electricity_kwh: 0,
  herd_health_vet: false,
  cell_count_testing: false,
  milking_machine_test: false,
  energy_scan: false,
  waste_disposal_proven: false,
  alternative_water: false,
  declaration_correct: true,
});

// ---------------------------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------------------------

/** Where a role holds: everywhere, or one farm, organisation or award edition. */
export type FixtureScope = "all" | { type: Exclude<ScopeType, "all">; id: string | number };

export interface Credentials {
  id: number;
  email: string;
  password: string;
}

let passwordHash: Promise<string> | undefined;

/**
 * A user holding `role` within each scope given, with FIXTURE_PASSWORD (hashed through the same
 * code as every password); returns the credentials to log in with.
 */
export async function user(
  db: Database,
  role: Role,
  scope: FixtureScope | readonly FixtureScope[] = "all",
  options: { email?: string; name?: string; locale?: Locale } = {},
): Promise<Credentials> {
  const email = options.email ?? `${role.replace("_", "-")}-${next()}@fixture.test`;
  passwordHash ??= hashPassword(FIXTURE_PASSWORD);
  const scopes = (Array.isArray(scope) ? scope : [scope]) as readonly FixtureScope[];
  const id = await createRepositories(db).users.create(
    { email, name: options.name ?? email, passwordHash: await passwordHash, locale: options.locale ?? "en" },
    scopes.map((s) =>
      s === "all"
        ? { role, scopeType: "all", scopeId: null }
        : { role, scopeType: s.type, scopeId: String(s.id) },
    ),
    new Date(),
  );
  return { id, email, password: FIXTURE_PASSWORD };
}

/** A sector analyst of every farm, or of one dairy buyer's (or certification body's) suppliers. */
export function analyst(
  db: Database,
  scope: FixtureScope = "all",
  options: { email?: string; name?: string; locale?: Locale } = {},
): Promise<Credentials> {
  return user(db, "sector_analyst", scope, options);
}

/** A farmer of these farms, logged in; returns the session cookie. */
export async function farmerOf(api: TestApi, farmIds: number[], email: string): Promise<string> {
  const farmer = await user(
    api.db,
    "farmer",
    farmIds.map((id) => ({ type: "farm", id }) as const),
    { email },
  );
  return api.login(farmer.email, farmer.password);
}
