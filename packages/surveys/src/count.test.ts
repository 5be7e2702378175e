import { describe, expect, it } from "vitest";
import { countInitiatives } from "./count.ts";
import { getCatalogue } from "./files.ts";
import { FARM_2014, FARM_2020, FARM_2026, FARM_SHARED_TAKEN, FULL_2026, version } from "./test-fixtures.ts";
import { THEME_IDS } from "./types.ts";

const v2014 = version("2014");
const v2020 = version("2020");
const v2026 = version("2026");

describe("countInitiatives, 2014", () => {
  it("counts yes answers per theme", () => {
    const r = countInitiatives(v2014, {
      herd_health_vet: true,
      cell_count_testing: true,
      low_cell_count: false,
      cow_brush: true,
      grazing: true,
      energy_scan: true,
      own_renewable_electricity: true,
      swallow_nests: true,
      food_industry_byproducts: true,
      alternative_water: true,
      training: true,
      farm_safety: false,
    });
    expect(r.perTheme).toEqual({
      animal_health: 2,
      animal_welfare: 2,
      energy: 2,
      environment: 1,
      animal_feed: 1,
      water_soil: 1,
      social_economic: 1,
    });
    expect(r.total).toBe(10);
    expect(r.initiatives).toContain("energy.own_renewable_electricity");
    expect(r.initiatives).not.toContain("animal_health.low_cell_count");
  });

  it("counts nothing for no answers, and everything for all yes", () => {
    expect(countInitiatives(v2014, {}).total).toBe(0);
    const all = Object.fromEntries(
      Object.values(v2014.mapping.initiatives).map((r) => ["question" in r ? r.question : "", true]),
    );
    expect(countInitiatives(v2014, all).total).toBe(35);
  });

  it("ignores values that are not exactly yes", () => {
    expect(countInitiatives(v2014, { herd_health_vet: "true", cow_brush: 1, grazing: null }).total).toBe(0);
  });
});

describe("countInitiatives, 2020", () => {
  it("counts multi-select answers that contain any counted choice, not 'none'", () => {
    const r = countInitiatives(v2020, {
      disease_programmes: ["bvd", "ibr"],
      milk_cooling_energy: ["none"],
      erosion_measures: ["direct_seeding"],
      biodiversity_measures: [],
      public_contact: ["open_farm_day"],
      soy_sourcing: "no_soy",
      permanent_grassland: true,
      carbon_footprint: true,
      cover_crops: false,
    });
    expect(r.perTheme).toEqual({
      animal_health: 1,
      animal_welfare: 0,
      energy: 0,
      environment: 3,
      animal_feed: 1,
      water_soil: 0,
      social_economic: 1,
    });
    expect(r.total).toBe(6);
  });

  it("does not count soy of unknown origin", () => {
    expect(countInitiatives(v2020, { soy_sourcing: "other_soy" }).initiatives).toEqual([]);
  });
});

describe("countInitiatives, 2026", () => {
  it.each([
    [3999, false],
    [4000, true],
    [4001, true],
  ])("own renewable electricity %i kWh counts: %s (min 4,000 inclusive)", (kwh, counted) => {
    const r = countInitiatives(v2026, { own_renewable_electricity_kwh: kwh });
    expect(r.initiatives.includes("energy.own_renewable_electricity")).toBe(counted);
  });

  it.each([
    [14.9, true],
    [15, false],
    [15.1, false],
  ])("%f%% of cows with a high cell count counts: %s (under 15%%, exclusive)", (pct, counted) => {
    const r = countInitiatives(v2026, { cell_count_testing: true, high_cell_count_pct: pct });
    expect(r.initiatives.includes("animal_health.low_cell_count")).toBe(counted);
  });

  it("does not count the answer of a hidden follow-up question", () => {
    // the cell-count share is only asked when cell counts are tested
    const hidden = countInitiatives(v2026, { cell_count_testing: false, high_cell_count_pct: 5 });
    expect(hidden.initiatives).toEqual([]);
    // barn volume is only asked for free-stall and straw-yard barns
    const tie = countInitiatives(v2026, { housing_type: "tie_stall", barn_volume_m3_per_animal: 50 });
    expect(tie.initiatives).not.toContain("animal_welfare.free_stall_comfort");
    // the discussion with the vet is only asked for a yellow or red report
    const green = countInitiatives(v2026, {
      antibiotic_benchmark_zone: "no_report",
      antibiotic_benchmark_discussed: true,
    });
    expect(green.initiatives).not.toContain("animal_health.antibiotic_benchmark");
  });

  it("combines rules with all / any", () => {
    const free = (volume: number) =>
      countInitiatives(v2026, { housing_type: "free_stall", barn_volume_m3_per_animal: volume }).initiatives;
    expect(free(39)).not.toContain("animal_welfare.free_stall_comfort");
    expect(free(40)).toContain("animal_welfare.free_stall_comfort");
    const longevity = (age: number, rate: number) =>
      countInitiatives(v2026, {
        average_herd_age_years: age,
        replacement_rate_pct: rate,
      }).initiatives.includes("animal_welfare.herd_longevity");
    expect(longevity(6, 30)).toBe(false); // both bounds exclusive
    expect(longevity(6.1, 40)).toBe(true);
    expect(longevity(5, 29.9)).toBe(true);
    const zone = (z: string, discussed?: boolean) =>
      countInitiatives(v2026, { antibiotic_benchmark_zone: z, antibiotic_benchmark_discussed: discussed })
        .total;
    expect(zone("green")).toBe(1);
    expect(zone("red", true)).toBe(1);
    expect(zone("red", false)).toBe(0);
  });

  it("counts the complete response as all initiatives, per theme as in the catalogue", () => {
    const r = countInitiatives(v2026, FULL_2026);
    expect(r.total).toBe(v2026.initiativeIds.length);
    const expected = Object.fromEntries(THEME_IDS.map((t) => [t, 0]));
    for (const i of getCatalogue().initiatives) expected[i.theme] = (expected[i.theme] ?? 0) + 1;
    expect(r.perTheme).toEqual(expected);
    expect(r.perTheme).toEqual({
      animal_health: 12,
      animal_welfare: 10,
      energy: 10,
      environment: 13,
      animal_feed: 9,
      water_soil: 9,
      social_economic: 9,
    });
  });

  it("counts the farm's own figures", () => {
    const r = countInitiatives(v2026, FARM_2026);
    // 20 shared + permanent grassland + cover crops; barn volume 32 m³, age 5.2 / 34% do not count
    expect(r.total).toBe(22);
    expect(r.perTheme).toEqual({
      animal_health: 5,
      animal_welfare: 2,
      energy: 3,
      environment: 4,
      animal_feed: 2,
      water_soil: 3,
      social_economic: 3,
    });
  });
});

describe("the same farm across versions", () => {
  const shared = v2014.initiativeIds.filter(
    (id) => v2020.initiativeIds.includes(id) && v2026.initiativeIds.includes(id),
  );

  it("shares the 35 initiatives of 2014", () => {
    expect(shared).toHaveLength(35);
  });

  it("gets the same count for the shared initiatives in 2014, 2020 and 2026", () => {
    const sharedOf = (ids: string[]) => ids.filter((id) => shared.includes(id));
    const r2014 = countInitiatives(v2014, FARM_2014);
    const r2020 = countInitiatives(v2020, FARM_2020);
    const r2026 = countInitiatives(v2026, FARM_2026);
    expect(r2014.initiatives).toEqual(FARM_SHARED_TAKEN);
    expect(sharedOf(r2020.initiatives)).toEqual(FARM_SHARED_TAKEN);
    expect(sharedOf(r2026.initiatives)).toEqual(FARM_SHARED_TAKEN);
    expect(r2014.perTheme).toEqual({
      animal_health: 5,
      animal_welfare: 2,
      energy: 3,
      environment: 3,
      animal_feed: 2,
      water_soil: 2,
      social_economic: 3,
    });
    expect(r2020.total).toBe(22); // + permanent grassland, cover crops
  });
});
