import { describe, expect, it } from "vitest";
import { countInitiatives } from "./count.ts";
import { listVersions } from "./files.ts";
import {
  createModel,
  describeQuestions,
  type QuestionInfo,
  visibleAnswers,
  visibleAnswersOf,
} from "./model.ts";
import { syntheticVersion, version } from "./test-fixtures.ts";

/** Small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomAnswers(questions: QuestionInfo[], rnd: () => number): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const q of questions) {
    if (rnd() < 0.2) continue; // unanswered
    if (q.kind === "boolean") data[q.name] = rnd() < 0.5;
    else if (q.choices && q.multiple) data[q.name] = q.choices.filter(() => rnd() < 0.4);
    else if (q.choices) data[q.name] = q.choices[Math.floor(rnd() * q.choices.length)];
    else if (q.kind === "number")
      data[q.name] = Math.round((q.min ?? 0) + rnd() * Math.min((q.max ?? 100) - (q.min ?? 0), 20000));
    else if (q.kind === "text") data[q.name] = "ref";
  }
  return data;
}

describe("fast visibility", () => {
  it.each(listVersions().map((v) => v.id))(
    "gives the same visible answers as the survey model (%s, 300 random farms)",
    (id) => {
      const json = version(id).json;
      const model = createModel(json);
      const questions = [...describeQuestions(model).values()];
      const computed = new Set(questions.filter((q) => q.kind === "expression").map((q) => q.name));
      const rnd = random(Number(id));
      for (let i = 0; i < 300; i++) {
        const data = randomAnswers(questions, rnd);
        const slow = visibleAnswers(model, data);
        for (const name of computed) delete slow[name];
        expect(visibleAnswersOf(json, data)).toEqual(slow);
      }
    },
  );

  it("falls back to the survey model for questionnaires with triggers", () => {
    const v = version("2026");
    const json = structuredClone(v.json);
    json.triggers = [
      { type: "setvalue", expression: "{grazing} = false", setToName: "grazing_days", setValue: 0 },
    ];
    const synthetic = syntheticVersion("2027", json, v.mapping);
    const data = { cell_count_testing: false, high_cell_count_pct: 5, own_renewable_electricity_kwh: 5000 };
    expect(countInitiatives(synthetic, data).initiatives).toEqual(["energy.own_renewable_electricity"]);
  });

  it("counts fast", () => {
    const v = version("2026");
    const data = randomAnswers([...describeQuestions(createModel(v.json)).values()], random(1));
    const start = performance.now();
    for (let i = 0; i < 500; i++) countInitiatives(v, data);
    expect((performance.now() - start) / 500).toBeLessThan(2);
  });
});
