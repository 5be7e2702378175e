import type { InStatement } from "@libsql/client";
import {
  type DerivedInitiative,
  deriveInitiatives,
  getCatalogue,
  getVersion,
  type SurveyVersion,
} from "@monitor/surveys";
import type { Database } from "../db/client.ts";
import type { Repositories } from "../repositories/index.ts";
import {
  answerPlan,
  answersFor,
  type FarmProfile,
  type FarmTraits,
  farmTraits,
  HOUSING_EXCLUDES,
} from "./answers.ts";
import { type BulkWriter, bulkWriter } from "./bulk.ts";
import { ensureCampaigns, FIRST_YEAR, versionForYear } from "./campaigns.ts";
import { type Random, seededRandom } from "./random.ts";
import type { RegisterFarm } from "./register.ts";

/**
 * The demo sector: every farm of the register with a submitted monitor per campaign year, calibrated
 * so that the figures measured from the database reproduce the published ones (domain.md,
 * "Published figures").
 *
 * The model, per campaign year:
 * - Farms stop (a share of the active farms each year, small herds and less engaged farms first) and
 *   a few start later; a stopped farm submits nothing from its stop year on.
 * - Participation: a share of the active farms submits; the same farms tend to lag (a persistent
 *   reliability per farm). In the current year, the campaign is open: about 60% have submitted.
 *   The demo farms (ids 1 and 2) submitted every earlier year and not the current one.
 * - Every farm has a persistent engagement level. The least engaged submitters declare nothing (the
 *   zero group, sized to the published share of farms with at least one initiative).
 * - Every initiative has a target adoption rate per year: the published rates where there are some
 *   (interpolated between years), the others from a base popularity shifted on the logit scale
 *   so that the rates add up to the year's target mean. Exactly round(rate × submitters) farms
 *   take it: the engaged submitters with the highest score, where the score is engagement +
 *   a persistent farm-initiative affinity + region/size effects + a little yearly noise, + a large
 *   bonus when the farm took it in its previous submission (lost with a 3% chance). So a farm keeps
 *   its initiatives from year to year, adds more as rates grow, and rarely drops one.
 * - Quotas rather than coin flips, so that a sector of 2,000 farms hits the figures within a
 *   fraction of a percentage point.
 */

export interface SectorOptions {
  farms: number;
  fromYear: number;
  toYear: number;
  currentYear: number;
  /** When the current year's submissions stop (defaults to now); stop dates stay before it too. */
  now?: Date;
  seed?: number;
  onProgress?(message: string): void;
}

export interface YearSummary {
  year: number;
  surveyVersionId: string;
  activeFarms: number;
  submitted: number;
  meanInitiatives: number;
  atLeastOne: number;
}

/** The farms of the demo accounts: they submitted every campaign but the current one. */
export const DEMO_FARM_IDS = [1, 2] as const;

interface YearTarget {
  /** Average number of initiatives among the farms that submitted. */
  mean: number;
  /** Share of the submitting farms that declare no initiative at all. */
  zero: number;
  /** Share of the active farms that submit (a closed campaign). */
  participation: number;
  /** Share of the active farms that stop during the year. */
  stop: number;
}

/**
 * Published: 2014 mean 9, 81% ≥ 1; 2016 mean 11, 92-93% ≥ 1; 2017 ~14; 2018 15.4; 2020 20 of 42,
 * 96% participate; 2022 20.6 of 42, 98% participate; 2025 22; 2025 Flanders: 94.46% of the audited
 * farms filled the monitor in, 162 of ~3,300 farms stopped (~5%). About 8,500 farms in 2013, 8,020
 * audited on the monitor in 2014-2016. Years in between are interpolated; 2019 is set so that the
 * initiatives of the 2014 version keep rising across the switch to the 2020 version. 2026 (72
 * initiatives, more quantitative): a chosen mean of 30.
 */
export const YEAR_TARGETS: Record<number, YearTarget> = {
  2014: { mean: 9.0, zero: 0.19, participation: 0.88, stop: 0 },
  2015: { mean: 10.0, zero: 0.13, participation: 0.9, stop: 0.03 },
  2016: { mean: 11.0, zero: 0.075, participation: 0.92, stop: 0.03 },
  2017: { mean: 14.0, zero: 0.045, participation: 0.93, stop: 0.032 },
  2018: { mean: 15.4, zero: 0.03, participation: 0.94, stop: 0.034 },
  2019: { mean: 16.5, zero: 0.025, participation: 0.95, stop: 0.035 },
  2020: { mean: 20.0, zero: 0.02, participation: 0.96, stop: 0.036 },
  2021: { mean: 20.3, zero: 0.015, participation: 0.97, stop: 0.037 },
  2022: { mean: 20.6, zero: 0.012, participation: 0.98, stop: 0.038 },
  2023: { mean: 21.07, zero: 0.01, participation: 0.97, stop: 0.04 },
  2024: { mean: 21.53, zero: 0.01, participation: 0.96, stop: 0.042 },
  2025: { mean: 22.0, zero: 0.008, participation: 0.95, stop: 0.045 },
  2026: { mean: 30.0, zero: 0.005, participation: 0.95, stop: 0.045 },
};

/** Share of the active farms that have submitted the current (open) campaign so far. */
export const CURRENT_YEAR_SUBMITTED = 0.6;
/** Share of the register that joins after the first year. */
const LATE_STARTERS = 0.04;

function targetFor(year: number): YearTarget {
  const years = Object.keys(YEAR_TARGETS).map(Number);
  const clamped = Math.min(Math.max(year, Math.min(...years)), Math.max(...years));
  return YEAR_TARGETS[clamped] as YearTarget;
}

/**
 * Published adoption rates (share of the submitting farms) by year; the years marked "chosen" are
 * not published and only keep the curve plausible before and after the published points.
 */
export const PUBLISHED_RATES: Record<string, [number, number][]> = {
  // 2014 22%, 2016 27%, 2017 28%, 2020 39%; chosen: 2022 43%, 2025 48%, 2026 50%
  "energy.own_renewable_electricity": [
    [2014, 0.22],
    [2016, 0.27],
    [2017, 0.28],
    [2020, 0.39],
    [2022, 0.43],
    [2025, 0.48],
    [2026, 0.5],
  ],
  // 2014 73%, 2017 84%; chosen: 2020 87%, 2025 90%
  "animal_health.herd_health_vet": [
    [2014, 0.73],
    [2017, 0.84],
    [2020, 0.87],
    [2025, 0.9],
  ],
  // 2016 32%; chosen: 2014 28%, 2020 38%, 2025 42%, 2026 44%
  "energy.heat_recovery_precooling": [
    [2014, 0.28],
    [2016, 0.32],
    [2020, 0.38],
    [2025, 0.42],
    [2026, 0.44],
  ],
  // 2016 3%; chosen: 2014 2%, 2020 5%, 2025 8%, 2026 10%
  "energy.energy_scan": [
    [2014, 0.02],
    [2016, 0.03],
    [2020, 0.05],
    [2025, 0.08],
    [2026, 0.1],
  ],
  // 2018 56%, 2020 61%; chosen: 2014 45%, 2025 63%, 2026 64%
  "animal_feed.food_industry_byproducts": [
    [2014, 0.45],
    [2018, 0.56],
    [2020, 0.61],
    [2025, 0.63],
    [2026, 0.64],
  ],
  // 2020 60%; chosen: 2014 35%, 2025 66%, 2026 68%
  "animal_welfare.cow_brush": [
    [2014, 0.35],
    [2020, 0.6],
    [2025, 0.66],
    [2026, 0.68],
  ],
  // 2020 52%; chosen: 2014 35%, 2025 56%, 2026 58%
  "water_soil.alternative_water": [
    [2014, 0.35],
    [2020, 0.52],
    [2025, 0.56],
    [2026, 0.58],
  ],
};

/**
 * Base popularity of every other initiative among the engaged farms (a plausible level around
 * 2020); each year they are shifted together on the logit scale to reach the year's mean.
 */
export const BASE_POPULARITY: Record<string, number> = {
  "animal_health.cell_count_testing": 0.85,
  "animal_health.low_cell_count": 0.55,
  "animal_health.antibiotic_plan": 0.55,
  "animal_health.milking_machine_test": 0.8,
  "animal_health.disease_programme": 0.6,
  "animal_health.selective_dry_off": 0.45,
  "animal_health.paratuberculosis": 0.35,
  "animal_health.antibiotic_benchmark": 0.7,
  "animal_health.closed_herd": 0.45,
  "animal_health.claw_health": 0.4,
  "animal_health.colostrum_protocol": 0.45,
  "animal_welfare.free_stall_comfort": 0.55,
  "animal_welfare.cow_clipping": 0.65,
  "animal_welfare.herd_longevity": 0.4,
  "animal_welfare.grazing": 0.65,
  "animal_welfare.welfare_scoring": 0.15,
  "animal_welfare.calf_pair_housing": 0.2,
  "animal_welfare.lying_comfort": 0.75,
  "animal_welfare.disbudding_pain_relief": 0.45,
  "animal_welfare.heat_stress": 0.4,
  "energy.vacuum_pump_frequency_drive": 0.45,
  "energy.efficient_lighting": 0.55,
  "energy.renewable_heat": 0.15,
  "energy.energy_use_monitored": 0.3,
  "energy.energy_storage": 0.08,
  "energy.green_electricity_contract": 0.3,
  "energy.fuel_efficiency": 0.25,
  "environment.erosion_control": 0.35,
  "environment.biodiversity_agreement": 0.3,
  "environment.local_breeds": 0.1,
  "environment.swallow_nests": 0.65,
  "environment.tidy_farmyard": 0.6,
  "environment.eco_pest_control": 0.4,
  "environment.local_manure_processing": 0.2,
  "environment.permanent_grassland": 0.55,
  "environment.carbon_footprint": 0.25,
  "environment.low_emission_manure": 0.45,
  "environment.trees_hedges": 0.25,
  "environment.no_pesticides_grassland": 0.35,
  "environment.nutrient_balance": 0.5,
  "animal_feed.feed_efficiency": 0.5,
  "animal_feed.home_grown_protein": 0.35,
  "animal_feed.ration_calculation": 0.7,
  "animal_feed.responsible_soy": 0.6,
  "animal_feed.methane_feed_additive": 0.08,
  "animal_feed.grass_based_ration": 0.35,
  "animal_feed.feed_losses_limited": 0.45,
  "animal_feed.roughage_self_sufficiency": 0.45,
  "water_soil.water_meter": 0.45,
  "water_soil.soil_analysis": 0.7,
  "water_soil.manure_analysis": 0.4,
  "water_soil.cover_crops": 0.5,
  "water_soil.water_saving_cleaning": 0.35,
  "water_soil.soil_organic_matter": 0.3,
  "water_soil.water_retention": 0.15,
  "water_soil.soil_compaction_prevention": 0.3,
  "social_economic.training": 0.55,
  "social_economic.farm_safety": 0.4,
  "social_economic.succession": 0.35,
  "social_economic.public_contact": 0.3,
  "social_economic.bookkeeping_benchmark": 0.55,
  "social_economic.relief_service": 0.25,
  "social_economic.sustainability_advice": 0.3,
  "social_economic.diversification": 0.15,
  "social_economic.study_group": 0.3,
};

const GRASS_BASED = new Set([
  "animal_welfare.grazing",
  "environment.permanent_grassland",
  "animal_feed.grass_based_ration",
  "animal_feed.roughage_self_sufficiency",
]);

function interpolate(points: [number, number][], year: number): number {
  const first = points[0] as [number, number];
  const last = points[points.length - 1] as [number, number];
  if (year <= first[0]) return first[1];
  if (year >= last[0]) return last[1];
  for (let i = 1; i < points.length; i++) {
    const [y1, r1] = points[i] as [number, number];
    const [y0, r0] = points[i - 1] as [number, number];
    if (year <= y1) return r0 + ((r1 - r0) * (year - y0)) / (y1 - y0);
  }
  return last[1];
}

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** How fast initiatives new in a version catch up with their base popularity (half the gap a year). */
const CATCH_UP = 0.5;

/** The logit shift that makes the free (unpublished) rates add up to `wanted`. */
function solveShift(ids: string[], engaged: number, offset: (id: string) => number, wanted: number): number {
  const sum = (shift: number) =>
    ids.reduce((s, id) => s + engaged * sigmoid(logit(BASE_POPULARITY[id] ?? 0.3) + offset(id) + shift), 0);
  let lo = -15;
  let hi = 15;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (sum(mid) < wanted) lo = mid;
    else hi = mid;
  }
  return lo;
}

function sinceOf(id: string): number {
  return Number(getCatalogue().initiatives.find((i) => i.id === id)?.since ?? 0);
}

const introductions = new Map<number, number>();
/**
 * The extra logit shift of the initiatives a version introduces in its first year `since`: the
 * initiatives asked before keep their trend (last year's sum plus last year's growth), the new
 * ones take what is left of the year's mean, and catch up in the following years.
 */
function introductionOffset(since: number): number {
  const known = introductions.get(since);
  if (known !== undefined) return known;
  const version = getVersion(versionForYear(since));
  if (!version) throw new Error(`no questionnaire for ${since}`);
  const target = targetFor(since);
  const engaged = 1 - target.zero;
  const before = targetFor(since - 1).mean;
  const continuing = before + (before - targetFor(since - 2).mean);
  const rates = publishedRates(version, since, engaged);
  const fixed = (ids: string[]) => ids.reduce((s, id) => s + (rates.get(id) ?? 0), 0);
  const old = version.initiativeIds.filter((id) => sinceOf(id) < since);
  const fresh = version.initiativeIds.filter((id) => sinceOf(id) === since);
  const offset = (id: string) => offsetOf(id, since);
  const shift = solveShift(
    old.filter((id) => !rates.has(id)),
    engaged,
    offset,
    continuing - fixed(old),
  );
  const extra =
    solveShift(
      fresh.filter((id) => !rates.has(id)),
      engaged,
      () => 0,
      target.mean - continuing - fixed(fresh),
    ) - shift;
  introductions.set(since, extra);
  return extra;
}

function offsetOf(id: string, year: number): number {
  const since = sinceOf(id);
  const first = Math.min(...getCatalogue().initiatives.map((i) => Number(i.since)));
  if (since <= first || since > year) return 0;
  return introductionOffset(since) * CATCH_UP ** (year - since);
}

function publishedRates(version: SurveyVersion, year: number, engaged: number): Map<string, number> {
  const rates = new Map<string, number>();
  for (const id of version.initiativeIds) {
    const points = PUBLISHED_RATES[id];
    if (points) rates.set(id, Math.min(interpolate(points, year), engaged));
  }
  return rates;
}

/**
 * Target adoption rate (share of the submitting farms) of each initiative of a version in a year:
 * the published rates, and the others from their base popularity, shifted together (plus the
 * catching-up offset of initiatives new in a recent version) so that all add up to the year's mean.
 */
export function adoptionRates(version: SurveyVersion, year: number): Map<string, number> {
  const target = targetFor(year);
  const engaged = 1 - target.zero;
  const rates = publishedRates(version, year, engaged);
  const fixed = [...rates.values()].reduce((s, r) => s + r, 0);
  const free = version.initiativeIds.filter((id) => !rates.has(id));
  const offset = (id: string) => offsetOf(id, year);
  const shift = solveShift(free, engaged, offset, target.mean - fixed);
  for (const id of free)
    rates.set(id, engaged * sigmoid(logit(BASE_POPULARITY[id] ?? 0.3) + offset(id) + shift));
  return rates;
}

/** A deterministic standard normal draw from integers (hash, then Box-Muller). */
function hashNormal(a: number, b: number, c: number): number {
  const u1 = (hash32(a, b, c, 1) + 0.5) / 4294967296;
  const u2 = (hash32(a, b, c, 2) + 0.5) / 4294967296;
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

function hash32(a: number, b: number, c: number, d: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ Math.imul(c + 0x1b873593, 0xcc9e2d51);
  h = Math.imul(h ^ (h >>> 13), 0x297a2d39) ^ d;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

interface SectorFarm {
  id: number;
  register: RegisterFarm;
  demo: boolean;
  engagement: number;
  reliability: number;
  startYear: number;
  /** Year it stops (submits nothing from then on); Infinity when active. */
  stopYear: number;
  stoppedOn: string | null;
  /** Dairy cows per campaign year (the herd grows, shrinks or jumps with a new barn). */
  herds: Map<number, number>;
  traits: FarmTraits;
  random: Random;
  /** The initiatives of its latest submission. */
  last: Set<string> | undefined;
}

const LOCALE_OF_REGION: Record<string, string> = {
  flanders: "nl",
  netherlands: "nl",
  wallonia: "fr",
  east_belgium: "de",
  france: "fr",
  germany: "de",
};

/**
 * Farms simulated together over all the years, then written and forgotten: memory stays bounded
 * whatever the size of the sector. Quotas are kept per block, so each block reproduces the
 * published figures and so does their sum.
 */
export const BLOCK_FARMS = 2000;
/** Score bonus for an initiative the farm took in its previous submission: initiatives persist. */
const STICKINESS = 3;
/** Chance that a farm loses that bonus for an initiative in a year (and may drop it). */
const DROP_CHANCE = 0.03;
const DAY = 86_400_000;

/**
 * Share of the periodically audited farms that had filled in the monitor by their audit, where
 * published (IKM annual report 2025: 903 audited farms, 94.46%); other years follow participation.
 */
export const AUDITED_FILLED_IN: Record<number, number> = { 2025: 0.9446 };
/** Share of the active farms with a draft (started, not submitted) in the open campaign. */
export const CURRENT_YEAR_DRAFTS = 0.22;
/** The farms audited in a year: a third of them, by id (as in audits.ts). */
export const auditedIn = (farmId: number, year: number) => farmId % 3 === year % 3;

function dateIn(random: Random, from: number, to: number): Date {
  return new Date(from + Math.floor(random.next() * Math.max(0, to - from)));
}

/**
 * Herd sizes per year from the register's first-year herd: a farm's own growth rate (the sector's
 * average herd grows about 2.5% a year, demo/README.md), yearly noise and now and then a jump of a
 * quarter to a half (a new barn). The demo farms end at their register size.
 */
function herdTrajectory(
  farm: RegisterFarm,
  demo: boolean,
  years: number[],
  random: Random,
): Map<number, number> {
  const herds = new Map<number, number>();
  const last = years[years.length - 1] ?? 0;
  if (demo) {
    for (const y of years) herds.set(y, Math.round(farm.herdSize / 1.025 ** (last - y)));
    return herds;
  }
  const growth = random.normal(0, 0.03);
  // the register's herd is the one of the first campaign ever (2014); a later start has grown
  let herd = farm.herdSize * 1.025 ** Math.max(0, (years[0] ?? FIRST_YEAR) - FIRST_YEAR);
  for (const y of years) {
    herds.set(y, Math.max(5, Math.round(herd)));
    const jump = random.next() < 0.02 ? 1.25 + random.next() * 0.25 : 1;
    herd *= (1 + growth + random.normal(0, 0.03)) * jump;
  }
  return herds;
}

export interface GenerateOptions extends SectorOptions {
  /** The register's farm with this index (0-based; its id is index + 1). */
  registerFarm(index: number): RegisterFarm;
  /** After each block of farms: farms done and total, for a progress bar. */
  onFarms?(done: number, total: number): void;
}

interface YearTotals {
  surveyVersionId: string;
  active: number;
  submitted: number;
  total: number;
  withAny: number;
}

/**
 * Generates the register (ids 1..farms) and its farms' monitors for the campaigns fromYear..toYear
 * (created when missing), block by block: each block of farms is simulated over all the years,
 * written in batches inside transactions, then dropped.
 */
export async function generateSector(
  db: Database,
  repos: Repositories,
  options: GenerateOptions,
): Promise<YearSummary[]> {
  const campaigns = await ensureCampaigns(repos, options.fromYear, options.toYear);
  const years: number[] = [];
  for (let y = options.fromYear; y <= options.toYear; y++) years.push(y);
  const totals = new Map<number, YearTotals>();
  const writer = await bulkWriter(db);
  try {
    for (let start = 0; start < options.farms; start += BLOCK_FARMS) {
      const end = Math.min(options.farms, start + BLOCK_FARMS);
      const register: RegisterFarm[] = [];
      for (let index = start; index < end; index++) register.push(options.registerFarm(index));
      await generateBlock(writer, repos, options, campaigns, years, register, start, totals);
      await writer.flush();
      options.onFarms?.(end, options.farms);
    }
  } finally {
    writer.close();
  }
  const summaries = years.map((year) => {
    const t = totals.get(year) as YearTotals;
    return {
      year,
      surveyVersionId: t.surveyVersionId,
      activeFarms: t.active,
      submitted: t.submitted,
      meanInitiatives: t.submitted ? t.total / t.submitted : 0,
      atLeastOne: t.submitted ? t.withAny / t.submitted : 0,
    };
  });
  for (const s of summaries)
    options.onProgress?.(
      `  ${s.year} (questionnaire ${s.surveyVersionId}): ${s.submitted} of ${s.activeFarms} active farms submitted${s.year === options.currentYear ? " so far" : ""}, ` +
        `${s.meanInitiatives.toFixed(1)} initiatives on average, ${(s.atLeastOne * 100).toFixed(1)}% with at least one`,
    );
  return summaries;
}

type Writer = BulkWriter;

async function generateBlock(
  writer: Writer,
  repos: Repositories,
  options: GenerateOptions,
  campaigns: Map<number, number>,
  years: number[],
  register: RegisterFarm[],
  firstIndex: number,
  totals: Map<number, YearTotals>,
): Promise<void> {
  const now = options.now ?? new Date();
  const seed = options.seed ?? 20_140_101;
  const random = seededRandom(hash32(seed, firstIndex, 11, 11));
  const laterYears = years.filter((y) => y > options.fromYear && y <= options.currentYear);
  const registered = `${options.fromYear - 1}-12-01T00:00:00.000Z`;

  const farms: SectorFarm[] = register.map((r, offset) => {
    const id = firstIndex + offset + 1;
    const demo = (DEMO_FARM_IDS as readonly number[]).includes(id);
    const farmRandom = seededRandom(hash32(seed, id, 7, 7));
    const herds = herdTrajectory(r, demo, years, farmRandom);
    const firstHerd = herds.get(years[0] as number) ?? r.herdSize;
    const late = !demo && laterYears.length > 0 && farmRandom.next() < LATE_STARTERS;
    return {
      id,
      register: r,
      demo,
      // larger farms are a little more engaged (more advice, more staff); the demo farms are
      // engaged farmers (above the median), so their benchmark is interesting
      engagement: id === 1 ? 0.8 : id === 2 ? 0.4 : farmRandom.normal(0, 1) + 0.3 * Math.log(firstHerd / 60),
      reliability: farmRandom.next(),
      startYear: late ? farmRandom.pick(laterYears) : options.fromYear,
      stopYear: Number.POSITIVE_INFINITY,
      stoppedOn: null,
      herds,
      traits: farmTraits(farmRandom, firstHerd, r.region),
      random: farmRandom,
      last: undefined,
    };
  });

  // The register first (the monitors refer to it): the herd of the last year, when it joined.
  await writer.add(
    farms.map((f) => ({
      sql: `INSERT INTO farms (id, herd_number, name, region, province, herd_size, dairy_buyer_id, certification_body_id, inspection_body_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [
        f.id,
        f.register.herdNumber,
        f.register.name,
        f.register.region,
        f.register.province,
        f.herds.get(years[years.length - 1] as number) ?? f.register.herdSize,
        f.register.dairyBuyerId,
        f.register.certificationBodyId,
        f.register.inspectionBodyId,
        f.startYear > options.fromYear
          ? // early in its first year, before its first monitor (submitted from 11 January on)
            new Date(
              Math.min(
                now.getTime(),
                dateIn(f.random, Date.UTC(f.startYear, 0, 2), Date.UTC(f.startYear, 0, 10)).getTime(),
              ),
            ).toISOString()
          : registered,
      ],
    })),
  );

  for (const year of years) {
    const campaignId = campaigns.get(year);
    const version = getVersion(versionForYear(year));
    if (campaignId === undefined || !version) throw new Error(`no campaign or questionnaire for ${year}`);
    const target = targetFor(year);
    const isCurrent = year === options.currentYear;
    const yearStart = Date.UTC(year, 0, 1);
    const yearEnd = Math.min(Date.UTC(year, 11, 31), isCurrent ? now.getTime() : Number.POSITIVE_INFINITY);

    // Stops: the smaller farms first, and a little the less engaged ones.
    const active = farms.filter((f) => f.startYear <= year && f.stopYear > year);
    if (year > options.fromYear && year <= options.currentYear) {
      const candidates = active.filter((f) => !f.demo && f.startYear < year);
      const stopping = Math.round(target.stop * active.length);
      const ranked = candidates
        .map((f) => ({
          f,
          key: Math.log(f.herds.get(year) ?? 50) + 0.1 * f.engagement + random.normal(0, 0.8),
        }))
        .sort((a, b) => a.key - b.key)
        .slice(0, stopping);
      for (const { f } of ranked) {
        f.stopYear = year;
        f.stoppedOn = dateIn(random, yearStart, Math.max(yearStart + DAY, yearEnd))
          .toISOString()
          .slice(0, 10);
      }
    }
    const stillActive = active.filter((f) => f.stopYear > year);

    // Participation: the same farms tend to lag; the demo farms submit every closed campaign. The
    // audited farms (a third) submit at the published audited share where there is one.
    const audited = AUDITED_FILLED_IN[year];
    const groups =
      audited !== undefined && !isCurrent
        ? [
            { farms: stillActive.filter((f) => auditedIn(f.id, year)), share: audited },
            { farms: stillActive.filter((f) => !auditedIn(f.id, year)), share: target.participation },
          ]
        : [{ farms: stillActive, share: isCurrent ? CURRENT_YEAR_SUBMITTED : target.participation }];
    const submitting: SectorFarm[] = [];
    for (const group of groups) {
      const demos = isCurrent ? [] : group.farms.filter((f) => f.demo);
      submitting.push(
        ...demos,
        ...group.farms
          .filter((f) => !f.demo)
          .map((f) => ({ f, key: f.reliability + random.normal(0, 0.25) }))
          .sort((a, b) => b.key - a.key)
          .slice(0, Math.max(0, Math.round(group.share * group.farms.length) - demos.length))
          .map((x) => x.f),
      );
    }
    submitting.sort((a, b) => a.id - b.id);

    const chosen = chooseInitiatives(version, year, submitting, target, seed, random);
    const yearTotals = totals.get(year) ?? {
      surveyVersionId: version.id,
      active: 0,
      submitted: 0,
      total: 0,
      withAny: 0,
    };
    totals.set(year, yearTotals);
    yearTotals.active += stillActive.length;
    yearTotals.submitted += submitting.length;

    for (const [index, farm] of submitting.entries()) {
      const taken = chosen[index] as Set<string>;
      farm.last = taken;
      const data = answersFor(version, taken, profileOf(farm, year), farm.random);
      const counted = deriveInitiatives(version, data);
      if (counted.total !== taken.size || counted.ids.some((id) => !taken.has(id)))
        throw new Error(
          `demo sector: answers of farm ${farm.id} in ${year} do not count as the chosen initiatives`,
        );
      yearTotals.total += counted.total;
      if (counted.total > 0) yearTotals.withAny++;
      const submittedAt = isCurrent
        ? dateIn(farm.random, yearStart + 10 * DAY, Math.max(yearStart + 11 * DAY, yearEnd - DAY))
        : dateIn(farm.random, Date.UTC(year, 1, 1), Date.UTC(year, 10, 30));
      await writer.add(
        importStatements(
          repos,
          {
            farmId: farm.id,
            campaignId,
            surveyVersionId: version.id,
            surveyHash: version.contentHash,
            data,
            locale: LOCALE_OF_REGION[farm.register.region] ?? "nl",
            submittedAt: (submittedAt.getTime() > now.getTime() ? now : submittedAt).toISOString(),
          },
          counted.initiatives,
        ),
      );
    }
    if (isCurrent) await writeDrafts(writer, version, campaignId, stillActive, submitting, year, now);
  }

  for (const f of farms) {
    if (f.stoppedOn)
      await writer.add([
        {
          sql: "UPDATE farms SET active = 0, stopped_on = ?, herd_size = ? WHERE id = ?",
          args: [f.stoppedOn, f.herds.get(f.stopYear - 1) ?? f.register.herdSize, f.id],
        },
      ]);
  }
  await writer.add(
    farms.flatMap((f) =>
      years
        .filter((y) => y >= f.startYear && y < f.stopYear)
        .map((y) => ({
          sql: "INSERT INTO farm_herd_sizes (farm_id, year, herd_size) VALUES (?, ?, ?)",
          args: [f.id, y, f.herds.get(y) ?? f.register.herdSize],
        })),
    ),
  );
}

const INITIATIVE_INSERT = "INSERT INTO response_initiatives";

/**
 * The repository's statements for an imported monitor, with its initiatives in one statement
 * instead of one each (a quarter of a million fewer statements per 10,000 monitors).
 */
function importStatements(
  repos: Repositories,
  response: Parameters<Repositories["responses"]["importSubmittedStatements"]>[0],
  initiatives: DerivedInitiative[],
): InStatement[] {
  const statements = repos.responses
    .importSubmittedStatements(response, initiatives)
    .filter((s) => typeof s === "string" || !s.sql.startsWith(INITIATIVE_INSERT));
  if (initiatives.length === 0) return statements;
  statements.push({
    sql: `${INITIATIVE_INSERT} (response_id, initiative_id, theme)
          SELECT (SELECT id FROM responses WHERE farm_id = ? AND campaign_id = ?), value ->> 0, value ->> 1 FROM json_each(?)`,
    args: [
      response.farmId,
      response.campaignId,
      JSON.stringify(initiatives.map((i) => [i.initiativeId, i.theme])),
    ],
  });
  return statements;
}

function profileOf(farm: SectorFarm, year: number): FarmProfile {
  return {
    herdSize: farm.herds.get(year) ?? farm.register.herdSize,
    region: farm.register.region,
    traits: farm.traits,
  };
}

/**
 * The open campaign's drafts: a share of the active farms that have not submitted started, and
 * got some pages into the questionnaire (the answers of those pages only). The demo farms have
 * not started, so their farmers begin with an empty form.
 */
async function writeDrafts(
  writer: Writer,
  version: SurveyVersion,
  campaignId: number,
  active: SectorFarm[],
  submitting: SectorFarm[],
  year: number,
  now: Date,
): Promise<void> {
  const submitted = new Set(submitting.map((f) => f.id));
  const candidates = active.filter((f) => !f.demo && !submitted.has(f.id));
  const drafts = candidates
    .sort((a, b) => b.reliability - a.reliability)
    .slice(0, Math.round(CURRENT_YEAR_DRAFTS * active.length));
  const pages = (version.json.pages ?? []) as { elements?: unknown }[];
  for (const farm of drafts) {
    const full = answersFor(version, new Set(), profileOf(farm, year), farm.random);
    const page = farm.random.int(1, Math.max(1, pages.length - 2));
    const names = new Set(pages.slice(0, page).flatMap((p) => questionNames(p.elements)));
    const data = Object.fromEntries(Object.entries(full).filter(([name]) => names.has(name)));
    const at = dateIn(farm.random, Date.UTC(year, 0, 5), Math.max(Date.UTC(year, 0, 6), now.getTime() - DAY));
    const json = JSON.stringify(data);
    await writer.add([
      {
        sql: `INSERT INTO responses (farm_id, campaign_id, survey_version_id, survey_hash, status, version, data, page, locale, created_at, updated_at)
              VALUES (?, ?, ?, ?, 'draft', 1, ?, ?, ?, ?, ?)`,
        args: [
          farm.id,
          campaignId,
          version.id,
          version.contentHash,
          json,
          page,
          LOCALE_OF_REGION[farm.register.region] ?? "nl",
          at.toISOString(),
          at.toISOString(),
        ],
      },
      {
        sql: `INSERT INTO response_revisions (response_id, version, kind, data, saved_at)
              VALUES ((SELECT id FROM responses WHERE farm_id = ? AND campaign_id = ?), 1, 'save', ?, ?)`,
        args: [farm.id, campaignId, json, at.toISOString()],
      },
    ]);
  }
}

function questionNames(elements: unknown): string[] {
  if (!Array.isArray(elements)) return [];
  return (elements as { type?: string; name?: string; elements?: unknown }[]).flatMap((e) =>
    e.type === "panel" ? questionNames(e.elements) : typeof e.name === "string" ? [e.name] : [],
  );
}

/**
 * For each submitting farm, the initiatives it takes this year (quotas per initiative, see the
 * model above).
 */
function chooseInitiatives(
  version: SurveyVersion,
  year: number,
  submitting: SectorFarm[],
  target: YearTarget,
  seed: number,
  random: Random,
): Set<string>[] {
  const n = submitting.length;
  const chosen = submitting.map(() => new Set<string>());
  if (n === 0) return chosen;
  // The zero group: the least engaged submitters (never the demo farms); a farm that declared
  // initiatives before rarely falls back into it.
  const zeroCount = Math.round(target.zero * n);
  const byEngagement = submitting
    .map((f, index) => ({
      index,
      key: f.demo
        ? Number.POSITIVE_INFINITY
        : f.engagement + random.normal(0, 0.1) + (f.last && f.last.size > 0 ? STICKINESS : 0),
    }))
    .sort((a, b) => a.key - b.key);
  const engaged = byEngagement.slice(zeroCount).map((x) => x.index);

  const rates = adoptionRates(version, year);
  const requires = answerPlan(version).requires;
  const order = [...version.initiativeIds].sort((a, b) => Number(requires.has(a)) - Number(requires.has(b)));
  const adopters = new Map<string, { index: number; score: number }[]>();
  for (const id of order) {
    const stableIndex = getCatalogue().initiatives.findIndex((i) => i.id === id);
    const energy = id.startsWith("energy.");
    const grass = GRASS_BASED.has(id);
    const needed = requires.get(id);
    const pool = engaged.filter((i) => {
      const farm = submitting[i] as SectorFarm;
      return (!needed || chosen[i]?.has(needed)) && !HOUSING_EXCLUDES[farm.traits.housing].includes(id);
    });
    const scored = pool.map((index) => {
      const farm = submitting[index] as SectorFarm;
      const size = Math.log((farm.herds.get(year) ?? farm.register.herdSize) / 100);
      let score =
        farm.engagement +
        hashNormal(seed, farm.id, stableIndex) +
        0.25 * hashNormal(seed + year, farm.id, stableIndex);
      // what a farm did last time it keeps doing, but for the odd one it gives up
      if (farm.last?.has(id) && random.next() >= DROP_CHANCE) score += STICKINESS;
      if (energy) score += 0.6 * size;
      if (grass) {
        score +=
          farm.register.region === "wallonia" || farm.register.region === "east_belgium"
            ? 0.7
            : farm.register.region === "netherlands"
              ? -0.4
              : 0;
        score -= 0.4 * size;
      }
      return { index, score };
    });
    scored.sort((a, b) => b.score - a.score);
    const quota = Math.min(scored.length, Math.round((rates.get(id) ?? 0) * n));
    const taken = scored.slice(0, quota);
    for (const t of taken) chosen[t.index]?.add(id);
    adopters.set(id, taken);
  }

  // Every engaged farm declares at least one initiative: it gets the one it came closest to, and
  // the weakest adopter of that initiative among farms with several gives it up (quotas unchanged).
  const prerequisites = new Set(requires.values());
  for (const index of engaged) {
    if ((chosen[index]?.size ?? 0) > 0) continue;
    const excluded = HOUSING_EXCLUDES[(submitting[index] as SectorFarm).traits.housing];
    const candidates = version.initiativeIds.filter(
      (id) => !requires.has(id) && !prerequisites.has(id) && !excluded.includes(id),
    );
    const id = random.pick(candidates.filter((c) => (adopters.get(c)?.length ?? 0) > 0));
    const list = adopters.get(id) ?? [];
    for (let k = list.length - 1; k >= 0; k--) {
      const weakest = list[k] as { index: number; score: number };
      if ((chosen[weakest.index]?.size ?? 0) > 1) {
        chosen[weakest.index]?.delete(id);
        list.splice(k, 1);
        break;
      }
    }
    chosen[index]?.add(id);
  }
  return chosen;
}

/** The published figures measured from the database: per campaign year, over the submitted monitors. */
export async function measureSector(db: Database) {
  const rows = await db.query<{ year: number; farms: number; mean: number; at_least_one: number }>(
    `SELECT c.year, count(*) AS farms, avg(x.n) AS mean, avg(x.n > 0) AS at_least_one
       FROM (SELECT r.campaign_id, (SELECT count(*) FROM response_initiatives ri WHERE ri.response_id = r.id) AS n
               FROM responses r WHERE r.status = 'submitted') x
       JOIN campaigns c ON c.id = x.campaign_id
      GROUP BY c.year ORDER BY c.year`,
  );
  const rates = await db.query<{ year: number; initiative_id: string; n: number }>(
    `SELECT c.year, ri.initiative_id, count(*) AS n
       FROM response_initiatives ri JOIN responses r ON r.id = ri.response_id JOIN campaigns c ON c.id = r.campaign_id
      WHERE r.status = 'submitted' AND ri.initiative_id IN (${Object.keys(PUBLISHED_RATES)
        .map(() => "?")
        .join(", ")})
      GROUP BY c.year, ri.initiative_id`,
    Object.keys(PUBLISHED_RATES),
  );
  const active = await db.query<{ year: number; farms: number }>(
    `SELECT c.year, count(f.id) AS farms FROM campaigns c JOIN farms f
         ON f.created_at < (c.year + 1) || '-01-01' AND (f.stopped_on IS NULL OR f.stopped_on >= (c.year + 1) || '-01-01')
      GROUP BY c.year`,
  );
  return rows.map((r) => {
    const year = Number(r.year);
    const farms = Number(r.farms);
    const rate = (id: string) =>
      Number(rates.find((x) => Number(x.year) === year && x.initiative_id === id)?.n ?? 0) / farms;
    return {
      year,
      farms,
      activeFarms: Number(active.find((a) => Number(a.year) === year)?.farms ?? 0),
      mean: Number(r.mean),
      atLeastOne: Number(r.at_least_one),
      rates: Object.fromEntries(Object.keys(PUBLISHED_RATES).map((id) => [id, rate(id)])),
    };
  });
}
