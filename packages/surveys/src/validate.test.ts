import { describe, expect, it } from "vitest";
import { FULL_2026, version } from "./test-fixtures.ts";
import { validateAnswers } from "./validate.ts";

const v2026 = version("2026");
const v2020 = version("2020");

describe("validateAnswers on save", () => {
  it("accepts an empty or partial draft: missing required answers are fine", () => {
    expect(validateAnswers(v2026, {}, "nl", "save")).toEqual([]);
    expect(validateAnswers(v2026, { dairy_cows: 80, grazing: true }, "nl", "save")).toEqual([]);
  });

  it("reports an unknown question", () => {
    expect(validateAnswers(v2026, { herd_size: 80 }, "en", "save")).toEqual([
      { question: "herd_size", message: "This question does not exist in this questionnaire." },
    ]);
  });

  it("reports impossible choice values", () => {
    const errors = validateAnswers(
      v2026,
      { housing_type: "castle", disease_programmes: ["bvd", "rabies"], soy_sourcing: 3 },
      "en",
      "save",
    );
    expect(errors).toEqual([
      { question: "housing_type", message: "“castle” is not one of the choices." },
      { question: "disease_programmes", message: "“rabies” is not one of the choices." },
      { question: "soy_sourcing", message: "“3” is not one of the choices." },
    ]);
  });

  it("reports wrong types", () => {
    const errors = validateAnswers(
      v2026,
      { dairy_cows: "80", grazing: "yes", disease_programmes: "bvd", energy_scan_report_ref: 12 },
      "en",
      "save",
    );
    expect(errors).toEqual([
      { question: "dairy_cows", message: "The answer must be a number." },
      { question: "grazing", message: "The answer must be yes or no." },
      { question: "disease_programmes", message: "The answer must be a list of choices." },
      { question: "energy_scan_report_ref", message: "The answer must be text." },
    ]);
  });

  it("reports numbers out of range, in the user's language", () => {
    expect(validateAnswers(v2026, { high_cell_count_pct: 120, dairy_cows: 0 }, "nl", "save")).toEqual([
      { question: "high_cell_count_pct", message: "De waarde mag hoogstens 100 zijn." },
      { question: "dairy_cows", message: "De waarde moet minstens 1 zijn." },
    ]);
    expect(validateAnswers(v2026, { own_renewable_electricity_kwh: -5 }, "de", "save")).toEqual([
      { question: "own_renewable_electricity_kwh", message: "Der Wert muss mindestens 0 betragen." },
    ]);
  });

  it.each([
    ["nl", "Het antwoord moet een getal zijn."],
    ["fr", "La réponse doit être un nombre."],
    ["de", "Die Antwort muss eine Zahl sein."],
    ["en", "The answer must be a number."],
  ] as const)("writes its own messages in %s", (locale, text) => {
    expect(validateAnswers(v2026, { land_ha: "60 ha" }, locale, "save")).toEqual([
      { question: "land_ha", message: text },
    ]);
  });

  it("does not treat a stale answer of a hidden question as an error", () => {
    const draft = { grazing: false, grazing_days: 200, cell_count_testing: false, high_cell_count_pct: 20 };
    expect(validateAnswers(v2026, draft, "fr", "save")).toEqual([]);
  });
});

describe("validateAnswers on submit", () => {
  it("accepts a complete response", () => {
    expect(validateAnswers(v2026, FULL_2026, "nl", "submit")).toEqual([]);
    expect(validateAnswers(v2020, { herd_health_vet: true }, "nl", "submit")).toEqual([]);
  });

  it("reports missing required answers, with survey-core's message in French", () => {
    const { dairy_cows: _omitted, ...rest } = FULL_2026;
    expect(validateAnswers(v2026, rest, "fr", "submit")).toEqual([
      { question: "dairy_cows", message: "La réponse à cette question est obligatoire." },
    ]);
  });

  it("asks the evidence of a claim, and a visible follow-up, only when visible", () => {
    const errors = validateAnswers(
      v2026,
      { ...FULL_2026, energy_scan_report_ref: undefined, grazing: false, training: false },
      "nl",
      "submit",
    );
    expect(errors).toEqual([{ question: "energy_scan_report_ref", message: "Dit is een vereiste vraag" }]);
  });

  it("runs the questionnaire's validators in the user's language", () => {
    const errors = validateAnswers(
      v2026,
      { ...FULL_2026, grassland_ha: 70, declaration_correct: false },
      "de",
      "submit",
    );
    expect(errors).toEqual([
      { question: "grassland_ha", message: "Das Grünland kann nicht größer sein als die Gesamtfläche." },
      { question: "declaration_correct", message: "Bitte bestätigen Sie die Erklärung, um abzusenden." },
    ]);
  });

  it("keeps the save errors and adds no survey-core error on the same question", () => {
    const errors = validateAnswers(v2026, { ...FULL_2026, dairy_cows: "many", extra: 1 }, "en", "submit");
    expect(errors).toEqual([
      { question: "dairy_cows", message: "The answer must be a number." },
      { question: "extra", message: "This question does not exist in this questionnaire." },
    ]);
  });

  it("does not treat a stale answer of a hidden question as an error", () => {
    const errors = validateAnswers(
      v2026,
      { ...FULL_2026, grazing: false, grazing_days: 400 },
      "fr",
      "submit",
    );
    expect(errors).toEqual([{ question: "grazing_days", message: "La valeur ne doit pas dépasser 366." }]);
    const stale = validateAnswers(v2026, { ...FULL_2026, grazing: false, grazing_days: 200 }, "fr", "submit");
    expect(stale).toEqual([]);
  });
});
