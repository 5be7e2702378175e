import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkDefinitions } from "./check.ts";
import { checkSurveys, getCatalogue, latestVersion, listVersions, SURVEYS_DIR } from "./files.ts";
import { findElement, realDefinitions, version } from "./test-fixtures.ts";
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

  // versions come from the folders: adding one (say 2029) must not break these tests
  it("give every version its content hash and sorted ids", () => {
    const ids = listVersions().map((v) => v.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual(expect.arrayContaining(["2014", "2020", "2026"]));
    for (const v of listVersions()) {
      const bytes = readFileSync(`${SURVEYS_DIR}${v.id}/survey.json`);
      expect(v.contentHash).toBe(createHash("sha256").update(bytes).digest("hex"));
    }
  });

  it("2026 starts with the farm profile, shows a progress bar and asks numbers", () => {
    const json = version("2026").json as { showProgressBar: unknown; pages: { name: string }[] };
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
    const latest = latestVersion().id;
    delete versionOf(defs, latest).mapping.initiatives["water_soil.water_retention"];
    expectProblem(
      checkDefinitions(defs),
      new RegExp(`"water_soil.water_retention" is not mapped by the latest version ${latest}`),
      latest,
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

describe("checkDefinitions never throws: a broken shape is a finding with its path", () => {
  const localized = (en: string, nl: string, fr: string, de: string) => ({ default: en, en, nl, fr, de });
  const title = localized("Plot", "Perceel", "Parcelle", "Parzelle");
  /** The elements of the first page of 2026 in a copy of the definitions. */
  const firstPage = (defs: ReturnType<typeof realDefinitions>) =>
    (versionOf(defs, "2026").json as { pages: { elements: unknown[] }[] }).pages[0]?.elements ?? [];
  /** `depth` panels, each in the one before, with a question in the innermost. */
  function nestedPanels(depth: number): Json {
    const root: Json = { type: "panel", name: "panel_1", elements: [] };
    let inner = root;
    for (let i = 2; i <= depth; i++) {
      const panel: Json = { type: "panel", name: `panel_${i}`, elements: [] };
      (inner.elements as Json[]).push(panel);
      inner = panel;
    }
    (inner.elements as Json[]).push({ type: "boolean", name: "deep_question", title });
    return root;
  }

  it.each<[string, (json: Json, pages: Json[]) => void, string]>([
    [
      "a null element",
      (_json, pages) => {
        (pages[0]?.elements as unknown[])[2] = null;
      },
      "/pages/0/elements/2 an element must be an object, not null",
    ],
    [
      "pages: [null]",
      (json) => {
        json.pages = [null];
      },
      "/pages/0 a page must be an object, not null",
    ],
    [
      'pages: "oops"',
      (json) => {
        json.pages = "oops";
      },
      '/pages "pages" must be a list of pages, not a string',
    ],
    [
      "elements: 5",
      (_json, pages) => {
        (pages[1] as Json).elements = 5;
      },
      '/pages/1/elements "elements" must be a list of elements, not a number',
    ],
    [
      "a page that is a string",
      (_json, pages) => {
        (pages as unknown[])[3] = "energy";
      },
      "/pages/3 a page must be an object, not a string",
    ],
  ])("%s", (_what, change, finding) => {
    const defs = realDefinitions();
    const json = versionOf(defs, "2026").json;
    change(json, json.pages as Json[]);
    expect(messages(checkDefinitions(defs))).toEqual([`2026 2026/survey.json#${finding}`]);
  });

  it("panels nested 5,000 deep: refused at 20 levels, before survey-core recurses", () => {
    const defs = realDefinitions();
    const elements = firstPage(defs);
    elements.push(nestedPanels(5000));
    const at = `/pages/0/elements/${elements.length - 1}${"/elements/0".repeat(19)}/elements`;
    expect(messages(checkDefinitions(defs))).toEqual([
      `2026 2026/survey.json#${at} panels nest deeper than 20 levels`,
    ]);
  });

  it("panels nested 19 deep (a question at level 20) pass", () => {
    const defs = realDefinitions();
    firstPage(defs).push(nestedPanels(19));
    expect(messages(checkDefinitions(defs))).toEqual([]);
  });

  it("values and rules nested deeper than 100 levels", () => {
    const defs = realDefinitions();
    const v = versionOf(defs, "2026");
    let value: unknown = 1;
    let rule: unknown = { question: "grazing", equals: true };
    for (let i = 0; i < 100_000; i++) {
      value = { a: value };
      rule = { all: [rule] };
    }
    findElement(v.json, "dairy_cows").defaultValue = value;
    v.mapping.initiatives["animal_welfare.grazing"] = rule;
    const problems = checkDefinitions(defs);
    expectProblem(problems, /values nest deeper than 100 levels/, "2026");
    expectProblem(problems, /rules nest deeper than 100 levels/, "2026");
  });

  it.each<[string, Json, RegExp]>([
    [
      "a null validator",
      { validators: [null] },
      /#\/pages\/0\/elements\/\d+\/validators\/0 null is not a valid value/,
    ],
    ["a type that is not a text", { type: {} }, /#\/pages\/0\/elements\/\d+ an element needs a type/],
    ["a name that is not a text", { name: {} }, /#\/pages\/0\/elements\/\d+ an element needs a name/],
  ])("%s: a finding instead of survey-core's exception", (_what, change, finding) => {
    const defs = realDefinitions();
    Object.assign(findElement(versionOf(defs, "2026").json, "dairy_cows"), change);
    const problems = messages(checkDefinitions(defs));
    expect(problems).toContainEqual(expect.stringMatching(finding));
    expect(problems).toContainEqual(expect.stringMatching(/survey-core cannot load it/));
  });

  const feedPerGroup = () => ({
    type: "matrixdropdown",
    name: "feed_per_group",
    title: localized(
      "Feed per animal group",
      "Voeder per diergroep",
      "Aliments par groupe",
      "Futter pro Tiergruppe",
    ),
    columns: [
      {
        name: "kg_per_day",
        cellType: "text",
        title: localized("kg per day", "kg per dag", "kg par jour", "kg pro Tag"),
      },
    ] as Json[],
    rows: [
      { value: "dairy_cows", text: localized("Dairy cows", "Melkkoeien", "Vaches laitières", "Milchkühe") },
      { value: "young_stock", text: localized("Young stock", "Jongvee", "Jeune bétail", "Jungvieh") },
    ],
  });

  it("a matrixdropdown whose columns are translated by their title passes", () => {
    const defs = realDefinitions();
    firstPage(defs).push(feedPerGroup());
    expect(messages(checkDefinitions(defs))).toEqual([]);
  });

  it("a matrixdropdown column title without de, or a column with a text instead of a title", () => {
    const defs = realDefinitions();
    const matrix = feedPerGroup();
    delete (matrix.columns[0] as { title: Json }).title.de;
    matrix.columns.push({ name: "dry_matter_pct", text: localized("DM %", "DS %", "MS %", "TS %") });
    const elements = firstPage(defs);
    elements.push(matrix);
    const at = `2026/survey.json#/pages/0/elements/${elements.length - 1}/columns`;
    const problems = messages(checkDefinitions(defs));
    expect(problems).toContain(`2026 ${at}/0/title "title" lacks a text for: de`);
    expect(problems).toContain(`2026 ${at}/1 column "dry_matter_pct" has no localized "title"`);
  });

  it("a name that repeats in a dynamic panel's template, also in a panel inside it", () => {
    const defs = realDefinitions();
    const elements = firstPage(defs);
    elements.push({
      type: "paneldynamic",
      name: "plots",
      title,
      templateElements: [
        { type: "text", name: "plot_name", title },
        // a survey question's name: the answer is stored in plots[i], so it is no collision
        { type: "text", inputType: "number", name: "grassland_ha", title },
        { type: "panel", name: "plot_details", elements: [{ type: "text", name: "plot_name", title }] },
      ],
    });
    const at = `/pages/0/elements/${elements.length - 1}/templateElements`;
    expect(messages(checkDefinitions(defs))).toEqual([
      `2026 2026/survey.json#${at}/2/elements/0/name question name "plot_name" repeats within dynamic panel "plots" (first at ${at}/0)`,
    ]);
  });
});
