// Answer sets shared by the tests (not a test file itself).

import type { Definitions } from "./check.ts";
import { getCatalogue, getVersion, listVersions } from "./files.ts";
import type { SurveyVersion } from "./types.ts";

export function version(id: string): SurveyVersion {
  const v = getVersion(id);
  if (!v) throw new Error(`no version ${id}`);
  return v;
}

/** A deep copy of the real definitions (every version folder), to break on purpose. */
export function realDefinitions(): Definitions {
  return structuredClone({
    catalogue: getCatalogue(),
    versions: listVersions().map((v) => ({ id: v.id, json: v.json, mapping: v.mapping })),
  });
}

type Json = Record<string, unknown>;
/** The element (question) of a survey JSON with this name. */
export function findElement(json: unknown, name: string): Json {
  const pages = (json as { pages: { elements: Json[] }[] }).pages;
  for (const page of pages) {
    const el = page.elements.find((e) => e.name === name);
    if (el) return el;
  }
  throw new Error(`no element ${name}`);
}

/** A SurveyVersion built from a (modified) copy, for tests that need a synthetic target version. */
export function syntheticVersion(id: string, json: Json, mapping: SurveyVersion["mapping"]): SurveyVersion {
  const order = getCatalogue().initiatives.map((i) => i.id);
  return {
    id,
    year: Number.parseInt(id.slice(0, 4), 10),
    json,
    mapping,
    contentHash: "test",
    initiativeIds: order.filter((i) => i in mapping.initiatives),
  };
}

/**
 * One farm ("Hoeve De Linde"), the same practices answered in each version.
 * Shared initiatives taken (20): animal health 5, animal welfare 2, energy 3, environment 3,
 * animal feed 2, water & soil 2, social & economic 3.
 */
export const FARM_SHARED_TAKEN = [
  "animal_health.herd_health_vet",
  "animal_health.cell_count_testing",
  "animal_health.low_cell_count",
  "animal_health.antibiotic_plan",
  "animal_health.disease_programme",
  "animal_welfare.cow_brush",
  "animal_welfare.grazing",
  "energy.energy_scan",
  "energy.heat_recovery_precooling",
  "energy.own_renewable_electricity",
  "environment.erosion_control",
  "environment.swallow_nests",
  "environment.tidy_farmyard",
  "animal_feed.food_industry_byproducts",
  "animal_feed.ration_calculation",
  "water_soil.alternative_water",
  "water_soil.water_meter",
  "social_economic.training",
  "social_economic.public_contact",
  "social_economic.bookkeeping_benchmark",
];

export const FARM_2014: Json = {
  herd_health_vet: true,
  cell_count_testing: true,
  low_cell_count: true,
  antibiotic_plan: true,
  milking_machine_test: false,
  disease_programme: true,
  free_stall_comfort: false,
  cow_brush: true,
  cow_clipping: false,
  herd_longevity: false,
  grazing: true,
  energy_scan: true,
  heat_recovery_precooling: true,
  vacuum_pump_frequency_drive: false,
  efficient_lighting: false,
  own_renewable_electricity: true,
  erosion_control: true,
  biodiversity_agreement: false,
  local_breeds: false,
  swallow_nests: true,
  waste_disposal_proven: true,
  eco_pest_control: false,
  feed_efficiency_monitored: false,
  food_industry_byproducts: true,
  home_grown_protein: false,
  ration_calculation: true,
  alternative_water: true,
  water_meter: true,
  soil_analysis: false,
  manure_analysis: false,
  training: true,
  farm_safety: false,
  succession: false,
  open_farm: true,
  bookkeeping_benchmark: true,
};

/** 2020: the same practices, plus permanent grassland and cover crops (2 of the 7 new criteria). */
export const FARM_2020: Json = {
  ...Object.fromEntries(
    Object.entries(FARM_2014).filter(
      ([k]) =>
        ![
          "disease_programme",
          "heat_recovery_precooling",
          "erosion_control",
          "biodiversity_agreement",
          "open_farm",
        ].includes(k),
    ),
  ),
  disease_programmes: ["bvd"],
  milk_cooling_energy: ["heat_recovery"],
  erosion_measures: ["non_inversion_tillage"],
  biodiversity_measures: ["none"],
  public_contact: ["school_visits"],
  selective_dry_off: false,
  welfare_scoring: false,
  local_manure_processing: false,
  permanent_grassland: true,
  carbon_footprint: false,
  soy_sourcing: "other_soy",
  cover_crops: true,
};

/** 2026: the same practices in the digital questionnaire (numbers where it asks numbers). */
export const FARM_2026: Json = {
  dairy_cows: 95,
  land_ha: 62,
  grassland_ha: 40,
  grazing: true,
  grazing_days: 160,
  grazing_hours_per_day: 8,
  housing_type: "free_stall",
  milking_system: "milking_parlour",
  herd_health_vet: true,
  herd_health_vet_contract_ref: "Begeleidingscontract DAP Verhaegen, 12/03/2024",
  cell_count_testing: true,
  high_cell_count_pct: 8,
  antibiotic_plan: true,
  milking_machine_test: false,
  disease_programmes: ["bvd"],
  barn_volume_m3_per_animal: 32,
  cow_brush_count: 1,
  cow_clipping: false,
  average_herd_age_years: 5.2,
  replacement_rate_pct: 34,
  energy_scan: true,
  energy_scan_report_ref: "Energiescan Boerenbond 2023-11",
  milk_cooling_energy: ["heat_recovery"],
  vacuum_pump_frequency_drive: false,
  efficient_lighting: false,
  own_renewable_electricity_kwh: 12000,
  renewable_electricity_sources: ["solar"],
  erosion_measures: ["non_inversion_tillage"],
  biodiversity_measures: ["none"],
  local_breeds: false,
  swallow_nests: true,
  waste_disposal_proven: true,
  waste_disposal_ref: "Attest Agrirecover 2025",
  eco_pest_control: false,
  permanent_grassland: true,
  permanent_grassland_ha: 25,
  cover_crops: true,
  feed_efficiency_monitored: false,
  food_industry_byproducts: true,
  home_grown_protein: false,
  ration_calculation: true,
  alternative_water: true,
  alternative_water_sources: ["rain_water"],
  water_meter: true,
  soil_analysis: false,
  manure_analysis: false,
  training: true,
  farm_safety: false,
  succession: false,
  public_contact: ["school_visits"],
  bookkeeping_benchmark: true,
  declaration_correct: true,
};

/** A complete, valid 2026 response that takes all 72 initiatives. */
export const FULL_2026: Json = {
  dairy_cows: 80,
  young_stock: 60,
  milk_delivered_litres: 700000,
  land_ha: 60,
  grassland_ha: 40,
  grazing: true,
  grazing_days: 180,
  grazing_hours_per_day: 10,
  housing_type: "free_stall",
  milking_system: "milking_robot",
  organic: false,
  herd_health_vet: true,
  herd_health_vet_contract_ref: "Contract 2024-03",
  cell_count_testing: true,
  high_cell_count_pct: 9,
  antibiotic_plan: true,
  antibiotic_benchmark_zone: "yellow",
  antibiotic_benchmark_discussed: true,
  milking_machine_test: true,
  milking_machine_test_ref: "Test 2025-02-11 nr 4471",
  disease_programmes: ["ibr", "bvd"],
  paratuberculosis_programme: true,
  selective_dry_off: true,
  animal_purchase: "closed_herd",
  claw_health_recorded: true,
  colostrum_protocol: true,
  barn_volume_m3_per_animal: 45,
  lying_surface: ["mattresses"],
  cow_brush_count: 2,
  cow_clipping: true,
  average_herd_age_years: 5.5,
  replacement_rate_pct: 25,
  welfare_scoring: true,
  calf_pair_housing: true,
  disbudding_practice: "pain_relief_always",
  heat_stress_measures: ["fans"],
  energy_scan: true,
  energy_scan_report_ref: "Energy scan 2023",
  milk_cooling_energy: ["heat_recovery", "precooling"],
  vacuum_pump_frequency_drive: true,
  efficient_lighting: true,
  own_renewable_electricity_kwh: 25000,
  renewable_electricity_sources: ["solar"],
  renewable_heat: true,
  energy_use_monitored: true,
  energy_storage: true,
  green_electricity_contract: true,
  fuel_use_registered: true,
  erosion_measures: ["non_inversion_tillage"],
  biodiversity_measures: ["landscape_elements"],
  local_breeds: true,
  swallow_nests: true,
  waste_disposal_proven: true,
  waste_disposal_ref: "Collector certificate 2025",
  eco_pest_control: true,
  local_manure_processing: true,
  permanent_grassland: true,
  permanent_grassland_ha: 20,
  carbon_footprint: true,
  carbon_footprint_kg_co2e_per_kg_milk: 1.05,
  low_emission_manure: true,
  trees_hedges_planted: true,
  no_pesticides_grassland: true,
  nutrient_balance: true,
  feed_efficiency_monitored: true,
  food_industry_byproducts: true,
  byproduct_types: ["brewers_grains"],
  home_grown_protein: true,
  ration_calculation: true,
  soy_sourcing: "no_soy",
  methane_feed_additive: true,
  grass_share_ration_pct: 55,
  feed_losses_limited: true,
  roughage_self_sufficiency_pct: 95,
  alternative_water: true,
  alternative_water_sources: ["rain_water"],
  water_meter: true,
  water_use_m3: 3500,
  soil_analysis: true,
  manure_analysis: true,
  cover_crops: true,
  water_saving_cleaning: true,
  soil_organic_matter_monitored: true,
  water_retention: true,
  soil_compaction_measures: true,
  training: true,
  training_days: 3,
  farm_safety: true,
  succession: true,
  public_contact: ["school_visits"],
  bookkeeping_benchmark: true,
  relief_service: true,
  sustainability_advice: true,
  diversification: ["farm_shop"],
  study_group: true,
  declaration_correct: true,
};
