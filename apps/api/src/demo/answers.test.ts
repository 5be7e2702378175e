import { countInitiatives, getVersion, listVersions, validateAnswers } from "@monitor/surveys";
import { describe, expect, it } from "vitest";
import { answerPlan, answersFor, farmTraits, HOUSING_EXCLUDES } from "./answers.ts";
import { seededRandom } from "./random.ts";

/** A random set of a version's initiatives, with every initiative's prerequisite in it. */
function randomSet(versionId: string, share: number, random: ReturnType<typeof seededRandom>): Set<string> {
  const version = getVersion(versionId);
  if (!version) throw new Error(versionId);
  const requires = answerPlan(version).requires;
  const set = new Set(version.initiativeIds.filter(() => random.next() < share));
  for (const id of [...set]) {
    const needed = requires.get(id);
    if (needed) set.add(needed);
  }
  return set;
}

describe("demo answers built from a chosen set of initiatives", () => {
  for (const version of listVersions()) {
    it(`version ${version.id}: counting the answers gives exactly the chosen set, and they pass submission`, () => {
      const random = seededRandom(Number(version.id));
      const regions = ["flanders", "wallonia", "east_belgium", "netherlands"];
      for (let i = 0; i < 60; i++) {
        // from nothing to everything, and shares in between
        const share = i === 0 ? 0 : i === 1 ? 1 : random.next();
        const herdSize = random.int(15, 400);
        const region = random.pick(regions);
        const farm = { herdSize, region, traits: farmTraits(random, herdSize, region) };
        // a farm takes only what its housing allows (a tie stall has no cubicles)
        const taken = randomSet(version.id, share, random);
        for (const id of HOUSING_EXCLUDES[farm.traits.housing]) taken.delete(id);
        const data = answersFor(version, taken, farm, random);
        const counted = countInitiatives(version, data);
        expect(counted.initiatives.sort()).toEqual([...taken].sort());
        // validateAnswers builds a survey-core model: check a sample
        if (i < 15) expect(validateAnswers(version, data, "nl", "submit")).toEqual([]);
      }
    });
  }

  it("knows the follow-ups that tie one initiative to another", () => {
    const v2026 = getVersion("2026");
    if (!v2026) throw new Error("2026");
    expect(answerPlan(v2026).requires.get("animal_health.low_cell_count")).toBe(
      "animal_health.cell_count_testing",
    );
    expect(() =>
      answersFor(v2026, new Set(["animal_health.low_cell_count"]), { herdSize: 80 }, seededRandom(1)),
    ).toThrow(/cannot take/);
  });

  it("answers the profile from the farm and asks a document reference where a claim needs proof", () => {
    const v2026 = getVersion("2026");
    if (!v2026) throw new Error("2026");
    const data = answersFor(
      v2026,
      new Set([
        "animal_health.herd_health_vet",
        "energy.own_renewable_electricity",
        "animal_welfare.free_stall_comfort",
      ]),
      { herdSize: 120, region: "flanders" },
      seededRandom(7),
    );
    expect(data.dairy_cows).toBe(120);
    expect(data.herd_health_vet_contract_ref).toMatch(/^DOC-\d{4}$/);
    expect(data.own_renewable_electricity_kwh).toBeGreaterThanOrEqual(4000);
    expect(data.renewable_electricity_sources).toEqual(expect.any(Array));
    expect(["free_stall", "straw_yard"]).toContain(data.housing_type);
    expect(data.barn_volume_m3_per_animal).toBeGreaterThanOrEqual(40);
    expect(data.declaration_correct).toBe(true);
    expect(Number(data.grassland_ha)).toBeLessThanOrEqual(Number(data.land_ha));
  });
});
