import { listVersions, validateAnswers } from "@monitor/surveys";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { questionSpecs, validAnswerSets } from "../support/answerSets.ts";

/**
 * Every validator in surveys/ lets an optional question stay empty: from any valid answer set
 * generated from the definition, leaving one optional question unanswered never gives that question
 * an error on submission (a rule such as "grassland at most the farmed area" holds only for an
 * answer that is there). Pure: no database, a few seconds for all versions.
 */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 8);
const SEED = Number(process.env.PROPERTY_SEED ?? 20261207);

describe.each(listVersions().map((v) => [v.id, v] as const))("questionnaire %s", (_id, version) => {
  const optional = questionSpecs(version)
    .filter((q) => !q.required)
    .map((q) => q.name);

  const errorsAt = (data: Record<string, unknown>, question: string) => {
    const { [question]: _, ...withoutIt } = data;
    return validateAnswers(version, withoutIt, "en", "submit").filter((e) => e.question === question);
  };

  it("accepts each answered optional question of a few valid answer sets left empty, one at a time", () => {
    expect(optional.length).toBeGreaterThan(0);
    for (const data of fc.sample(validAnswerSets(version), { numRuns: 3, seed: SEED }))
      for (const question of optional.filter((q) => q in data))
        expect(errorsAt(data, question), question).toEqual([]);
  });

  it("accepts every optional question left empty in an otherwise valid answer set", () => {
    fc.assert(
      fc.property(validAnswerSets(version), fc.constantFrom(...optional), (data, question) => {
        expect(errorsAt(data, question)).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
