import { describe, expect, it } from "vitest";
import { createModel, isEmptyAnswer } from "./model.ts";
import { surelyValid } from "./quickCheck.ts";
import { FARM_2020, FARM_2026, FULL_2026, version } from "./test-fixtures.ts";
import type { SurveyVersion } from "./types.ts";
import { validateAnswers } from "./validate.ts";

type Answers = Record<string, unknown>;

/** survey-core's own errors for these answers, from a fresh model: the reference. */
function modelErrors(v: SurveyVersion, answers: Answers): string[] {
  const model = createModel(v.json);
  model.locale = "en";
  model.data = structuredClone(answers);
  model.clearIncorrectValues(true);
  model.validate(true, false);
  return model.getAllQuestions(true).flatMap((q) => q.errors.map((e) => `${q.name}: ${e.getText()}`));
}

/** Deterministic variations of a complete answer set: answers left out, flipped, out of bounds. */
function variations(base: Answers, count: number): Answers[] {
  let seed = 17;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const names = Object.keys(base);
  return Array.from({ length: count }, () => {
    const answers = { ...base };
    for (let i = 0; i < 1 + Math.floor(random() * 3); i++) {
      const name = names[Math.floor(random() * names.length)] as string;
      const value = answers[name];
      if (random() < 0.5) delete answers[name];
      else if (typeof value === "boolean") answers[name] = !value;
      else if (typeof value === "number") answers[name] = Math.round(value * (0.5 + random() * 2));
    }
    return Object.fromEntries(Object.entries(answers).filter(([, v]) => !isEmptyAnswer(v)));
  });
}

describe("the quick check of a submission", () => {
  const v2026 = version("2026");
  const v2020 = version("2020");

  it("takes complete answer sets without the model", () => {
    expect(surelyValid(v2026.json, FARM_2026)).toBe(true);
    expect(surelyValid(v2026.json, FULL_2026)).toBe(true);
    expect(surelyValid(v2020.json, FARM_2020)).toBe(true);
  });

  it("leaves a missing required answer or a failing validator to the model", () => {
    const { dairy_cows: _, ...withoutCows } = FARM_2026;
    expect(surelyValid(v2026.json, withoutCows)).toBe(false);
    expect(surelyValid(v2026.json, { ...FARM_2026, declaration_correct: false })).toBe(false);
    expect(surelyValid(v2026.json, { ...FARM_2026, grassland_ha: 70 })).toBe(false);
    expect(surelyValid(v2026.json, { ...FARM_2026, grazing_days: undefined })).toBe(false);
  });

  it("leaves a questionnaire with features it does not know to the model", () => {
    const json = structuredClone(v2026.json) as Answers & { pages: { elements: Answers[] }[] };
    (json.pages[0]?.elements[0] as Answers).requiredIf = "{grazing} = true";
    expect(surelyValid(json as never, FARM_2026)).toBe(false);
  });

  it("says valid only where survey-core finds no error, and the submission check agrees with it", () => {
    const cases = [...variations(FARM_2026, 120), ...variations(FULL_2026, 120)];
    const quick = cases.filter((answers) => surelyValid(v2026.json, answers));
    const doubtful = cases.filter((answers) => !surelyValid(v2026.json, answers));
    expect(quick.length).toBeGreaterThan(10);
    // Every answer set the quick check passes, against a fresh model (a sample keeps this fast).
    for (const answers of quick.filter((_, i) => i % Math.ceil(quick.length / 10) === 0))
      expect(modelErrors(v2026, answers)).toEqual([]);
    // Where it doubts, the submission check gives exactly the model's errors.
    const clean = doubtful.filter((answers) => !validateAnswers(v2026, answers, "en", "save").length);
    for (const answers of clean.slice(0, 4)) {
      const errors = validateAnswers(v2026, answers, "en", "submit").map(
        (e) => `${e.question}: ${e.message}`,
      );
      expect(errors).toEqual(modelErrors(v2026, answers));
    }
  });
});
