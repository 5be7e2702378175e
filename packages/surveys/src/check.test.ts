import { describe, expect, it } from "vitest";
import { checkDefinitions } from "./check.ts";
import { checkSurveys, getCatalogue, listVersions } from "./files.ts";
import { findElement, realDefinitions } from "./test-fixtures.ts";
import type { Problem } from "./types.ts";

type Json = Record<string, unknown>;
const versionOf = (defs: ReturnType<typeof realDefinitions>, id: string) => {
  const v = defs.versions.find((x) => x.id === id);
  if (!v) throw new Error(id);
  return v as {
    id: string;
    json: Json;
    mapping: { initiatives: Record<string, unknown>; askEachTime?: string[] };
  };
};
const messages = (problems: Problem[]) => problems.map((p) => `${p.version ?? "-"} ${p.path} ${p.message}`);
function expectProblem(problems: Problem[], pattern: RegExp, version?: string): void {
  const hit = problems.find(
    (p) => pattern.test(p.message) && (version === undefined || p.version === version),
  );
  expect(hit, `expected a problem matching ${pattern}; got:\n${messages(problems).join("\n")}`).toBeDefined();
}

describe("the real questionnaires", () => {
  it("pass the check", () => {
    expect(messages(checkSurveys())).toEqual([]);
  });

  it("have 35, 42 and 70+ initiatives and the catalogue ids the statistics rely on", () => {
    const counts = Object.fromEntries(listVersions().map((v) => [v.id, v.initiativeIds.length]));
    expect(counts["2014"]).toBe(35);
    expect(counts["2020"]).toBe(42);
    expect(counts["2026"]).toBeGreaterThanOrEqual(70);
    const ids = getCatalogue().initiatives.map((i) => i.id);
    for (const id of [
      "energy.own_renewable_electricity",
      "energy.heat_recovery_precooling",
      "energy.energy_scan",
      "animal_health.herd_health_vet",
      "animal_welfare.cow_brush",
      "water_soil.alternative_water",
      "animal_feed.food_industry_byproducts",
    ]) {
      expect(ids).toContain(id);
      for (const v of listVersions()) expect(v.initiativeIds).toContain(id);
    }
    expect(getCatalogue().themes.map((t) => t.id)).toEqual([
      "animal_health",
      "animal_welfare",
      "energy",
      "environment",
      "animal_feed",
      "water_soil",
      "social_economic",
    ]);
  });

  it("give every version its content hash and sorted ids", () => {
    const versions = listVersions();
    expect(versions.map((v) => v.id)).toEqual(["2014", "2020", "2026"]);
    for (const v of versions) expect(v.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(versions.map((v) => v.contentHash)).size).toBe(3);
  });

  it("2026 starts with the farm profile, shows a progress bar and asks numbers", () => {
    const json = listVersions()[2]?.json as { showProgressBar: unknown; pages: { name: string }[] };
    expect(json.pages[0]?.name).toBe("farm_profile");
    expect(json.showProgressBar).toBe(true);
    expect(findElement(json, "dairy_cows")).toMatchObject({ inputType: "number", isRequired: true });
    expect(findElement(json, "own_renewable_electricity_kwh")).toMatchObject({ inputType: "number" });
  });
});

describe("checkDefinitions reports each defect", () => {
  it("JSON that survey-core does not load cleanly", () => {
    const defs = realDefinitions();
    findElement(versionOf(defs, "2020").json, "cow_brush").colour = "red";
    expectProblem(checkDefinitions(defs), /survey-core: .*colour/, "2020");
  });

  it.each([
    ["visibleIf", "grazing_days", "visibleIf", "{grazin} = true", "grazin"],
    ["enableIf", "grazing_days", "enableIf", "{dairy_cow} > 0", "dairy_cow"],
    ["requiredIf", "young_stock", "requiredIf", "{cows} > 0", "cows"],
    [
      "an expression question",
      "cows_per_ha_grassland",
      "expression",
      "{dairy_cows} / {grass_ha}",
      "grass_ha",
    ],
  ])("an expression (%s) that names an unknown question", (_what, question, key, expression, unknown) => {
    const defs = realDefinitions();
    findElement(versionOf(defs, "2026").json, question)[key] = expression;
    expectProblem(checkDefinitions(defs), new RegExp(`unknown question "${unknown}"`), "2026");
  });

  it("a validator expression that names an unknown question", () => {
    const defs = realDefinitions();
    const q = findElement(versionOf(defs, "2026").json, "grassland_ha") as { validators: Json[] };
    (q.validators[0] as Json).expression = "{grassland_ha} <= {land_hectares}";
    expectProblem(checkDefinitions(defs), /unknown question "land_hectares"/, "2026");
  });

  it("a question name that repeats within a version", () => {
    const defs = realDefinitions();
    const json = versionOf(defs, "2014").json as { pages: { elements: Json[] }[] };
    json.pages[6]?.elements.push(structuredClone(findElement(json, "energy_scan")));
    expectProblem(checkDefinitions(defs), /question name "energy_scan" repeats/, "2014");
  });

  it.each(["nl", "fr", "de", "en"])("a question title without %s", (locale) => {
    const defs = realDefinitions();
    delete (findElement(versionOf(defs, "2020").json, "swallow_nests").title as Json)[locale];
    expectProblem(checkDefinitions(defs), new RegExp(`"title" lacks a text for: ${locale}`), "2020");
  });

  it("other texts without a language: choice text, validator text, completedHtml, plain strings", () => {
    const defs = realDefinitions();
    const json = versionOf(defs, "2026").json;
    const soy = findElement(json, "soy_sourcing") as { choices: { text: Json }[] };
    delete soy.choices[1]?.text.de;
    const grass = findElement(json, "grassland_ha") as { validators: { text: Json }[] };
    delete grass.validators[0]?.text.nl;
    delete (json.completedHtml as Json).fr;
    findElement(json, "organic").description = "Organic farm";
    const problems = checkDefinitions(defs);
    expectProblem(problems, /"text" lacks a text for: de/);
    expectProblem(problems, /"text" lacks a text for: nl/);
    expectProblem(problems, /"completedHtml" lacks a text for: fr/);
    expectProblem(problems, /"description" is a plain string/);
  });

  it("a catalogue label without a language", () => {
    const defs = realDefinitions();
    const initiative = defs.catalogue.initiatives[3];
    if (!initiative) throw new Error("no initiative");
    delete (initiative.label as Partial<Record<string, string>>).de;
    expectProblem(checkDefinitions(defs), /label of ".*" lacks a text for: de/);
  });

  it("a mapped question that does not exist", () => {
    const defs = realDefinitions();
    versionOf(defs, "2014").mapping.initiatives["energy.energy_scan"] = {
      question: "energy_audit",
      equals: true,
    };
    expectProblem(checkDefinitions(defs), /mapped question "energy_audit" does not exist/, "2014");
  });

  it("a mapped choice that does not exist", () => {
    const defs = realDefinitions();
    versionOf(defs, "2020").mapping.initiatives["animal_feed.responsible_soy"] = {
      question: "soy_sourcing",
      anyOf: ["no_soy", "rtrs_soy"],
    };
    expectProblem(
      checkDefinitions(defs),
      /choice "rtrs_soy" does not exist in question "soy_sourcing"/,
      "2020",
    );
  });

  it.each([
    [{ question: "herd_health_vet", anyOf: ["yes"] }, /"anyOf" needs a question with choices/],
    [{ question: "herd_health_vet", min: 1 }, /a number bound needs a number question/],
    [{ question: "herd_health_vet", equals: "yes" }, /"equals" must be true or false/],
    [
      { question: "disease_programmes", equals: "bvd" },
      /"equals" does not suit question "disease_programmes"/,
    ],
    [{ question: "high_cell_count_pct", anyOf: [10] }, /"anyOf" needs a question with choices/],
    [{ any: [] }, /"any" needs a non-empty list/],
    [{ question: "high_cell_count_pct", under: 15 }, /unknown rule key/],
  ])("a rule on the wrong question type or of a wrong shape: %j", (rule, pattern) => {
    const defs = realDefinitions();
    versionOf(defs, "2026").mapping.initiatives["animal_health.herd_health_vet"] = rule;
    expectProblem(checkDefinitions(defs), pattern, "2026");
  });

  it("a mapped initiative that is not in the catalogue", () => {
    const defs = realDefinitions();
    versionOf(defs, "2026").mapping.initiatives["energy.windmill"] = {
      question: "renewable_heat",
      equals: true,
    };
    expectProblem(checkDefinitions(defs), /initiative "energy.windmill" is not in the catalogue/, "2026");
  });

  it("an initiative mapped in a version older than its 'since'", () => {
    const defs = realDefinitions();
    versionOf(defs, "2014").mapping.initiatives["energy.renewable_heat"] = {
      question: "energy_scan",
      equals: true,
    };
    expectProblem(
      checkDefinitions(defs),
      /"energy.renewable_heat" is mapped in 2014 but .* since 2026/,
      "2014",
    );
  });

  it("a catalogue initiative the latest version does not map", () => {
    const defs = realDefinitions();
    delete versionOf(defs, "2026").mapping.initiatives["water_soil.water_retention"];
    expectProblem(
      checkDefinitions(defs),
      /"water_soil.water_retention" is not mapped by the latest version 2026/,
      "2026",
    );
  });

  it("an initiative that the version of its 'since' year does not map", () => {
    const defs = realDefinitions();
    delete versionOf(defs, "2020").mapping.initiatives["animal_health.selective_dry_off"];
    expectProblem(
      checkDefinitions(defs),
      /"animal_health.selective_dry_off" exists since 2020 but version 2020 does not map it/,
    );
  });

  it("two versions that give one question name different types", () => {
    const defs = realDefinitions();
    const v = versionOf(defs, "2026");
    findElement(v.json, "own_renewable_electricity_kwh").name = "own_renewable_electricity";
    v.mapping.initiatives["energy.own_renewable_electricity"] = {
      question: "own_renewable_electricity",
      min: 4000,
    };
    v.mapping.askEachTime = v.mapping.askEachTime?.map((n) =>
      n === "own_renewable_electricity_kwh" ? "own_renewable_electricity" : n,
    );
    const q = findElement(v.json, "renewable_electricity_sources");
    q.visibleIf = "{own_renewable_electricity} > 0";
    const problems = checkDefinitions(defs);
    expectProblem(
      problems,
      /question "own_renewable_electricity" is of type number here but boolean in 2014/,
      "2026",
    );
    expect(problems).toHaveLength(1);
  });
});
