import { describe, expect, it } from "vitest";
import { carryOver } from "./carry.ts";
import { countInitiatives } from "./count.ts";
import { FARM_2014, FARM_2020, FULL_2026, findElement, syntheticVersion, version } from "./test-fixtures.ts";

const v2014 = version("2014");
const v2020 = version("2020");
const v2026 = version("2026");

describe("carryOver", () => {
  it("pre-fills 2026 from a 2020 response, copying same-name same-type answers", () => {
    const { data, questions } = carryOver(v2020, FARM_2020, v2026);
    expect(data).toMatchObject({
      herd_health_vet: true,
      cell_count_testing: true,
      antibiotic_plan: true,
      disease_programmes: ["bvd"],
      milk_cooling_energy: ["heat_recovery"],
      erosion_measures: ["non_inversion_tillage"],
      biodiversity_measures: ["none"],
      grazing: true,
      alternative_water: true,
      public_contact: ["school_visits"],
      soy_sourcing: "other_soy",
      permanent_grassland: true,
      cover_crops: true,
    });
    // questions 2026 no longer asks (asked as numbers now) are not copied
    for (const gone of [
      "own_renewable_electricity",
      "low_cell_count",
      "cow_brush",
      "free_stall_comfort",
      "herd_longevity",
    ]) {
      expect(data).not.toHaveProperty(gone);
    }
    expect(questions).toEqual(Object.keys(data));
    expect(questions[0]).toBe("grazing"); // questionnaire order: the profile comes first
  });

  it("carried-over answers count the same shared initiatives, except those 2026 asks as numbers", () => {
    const { data } = carryOver(v2020, FARM_2020, v2026);
    const taken2020 = countInitiatives(v2020, FARM_2020).initiatives;
    const asNumbers = [
      "animal_health.low_cell_count",
      "animal_welfare.cow_brush",
      "animal_welfare.free_stall_comfort",
      // 2026 counts grazing from 120 days of 6 hours: a yes alone no longer counts
      "animal_welfare.grazing",
      "animal_welfare.herd_longevity",
      "energy.own_renewable_electricity",
    ];
    const expected = taken2020.filter((id) => v2026.initiativeIds.includes(id) && !asNumbers.includes(id));
    expect(countInitiatives(v2026, data).initiatives).toEqual(expected);
    expect(expected.length).toBe(taken2020.length - 4); // the farm took low cell count, cow brush, own energy, grazing
  });

  it("never carries over figures of one period, the declaration, or computed values", () => {
    const { data, questions } = carryOver(v2026, FULL_2026, v2026);
    for (const yearly of v2026.mapping.askEachTime ?? []) expect(data).not.toHaveProperty(yearly);
    expect(data).not.toHaveProperty("cows_per_ha_grassland");
    expect(data).toMatchObject({
      land_ha: 60,
      grassland_ha: 40,
      housing_type: "free_stall",
      barn_volume_m3_per_animal: 45,
    });
    expect(questions).toContain("herd_health_vet_contract_ref");
  });

  it("drops answers of hidden questions of the source, and choices that no longer exist", () => {
    const json = structuredClone(v2026.json);
    const q = findElement(json, "disease_programmes") as { choices: { value: string }[] };
    q.choices = q.choices.filter((c) => c.value !== "bvd");
    const to = syntheticVersion("2027", json, v2026.mapping);
    const { data } = carryOver(
      v2026,
      { ...FULL_2026, disease_programmes: ["ibr", "bvd"], training: false, training_days: 4 },
      to,
    );
    expect(data.disease_programmes).toEqual(["ibr"]);
    expect(data).not.toHaveProperty("training_days"); // hidden in the source (training = no)
    const { data: only } = carryOver(v2026, { disease_programmes: ["bvd"] }, to);
    expect(only).not.toHaveProperty("disease_programmes");
  });

  it("sets the answer that makes a changed rule true when it is unambiguous", () => {
    // a later version asks the herd vet under a new name, and one disease programme as a choice
    const json = structuredClone(v2026.json);
    findElement(json, "herd_health_vet").name = "fixed_herd_vet";
    findElement(json, "herd_health_vet_contract_ref").visibleIf = "{fixed_herd_vet} = true";
    const mapping = structuredClone(v2026.mapping);
    mapping.initiatives["animal_health.herd_health_vet"] = { question: "fixed_herd_vet", equals: true };
    mapping.initiatives["social_economic.public_contact"] = {
      question: "public_contact",
      anyOf: ["school_visits"],
    };
    const to = syntheticVersion("2027", json, mapping);
    const { data, questions } = carryOver(v2014, FARM_2014, to);
    expect(data.fixed_herd_vet).toBe(true);
    expect(data.public_contact).toEqual(["school_visits"]);
    expect(questions).toEqual(expect.arrayContaining(["fixed_herd_vet", "public_contact"]));
    const counted = countInitiatives(to, data).initiatives;
    expect(counted).toEqual(
      expect.arrayContaining(["animal_health.herd_health_vet", "social_economic.public_contact"]),
    );
  });

  it("does not guess when several answers could make the rule true", () => {
    // 2014 said yes to "an extra disease programme"; 2020 asks which one: not guessed
    const { data } = carryOver(v2014, FARM_2014, v2020);
    expect(data).not.toHaveProperty("disease_programmes");
    expect(data).not.toHaveProperty("milk_cooling_energy");
    expect(data).toMatchObject({ herd_health_vet: true, grazing: true, own_renewable_electricity: true });
  });
});
