import { describe, expect, it } from "vitest";
import {
  awardScore,
  combineScores,
  editionStatus,
  initiativeDifferences,
  rankByScore,
} from "./awardScore.ts";
import { pseudonymFromBytes } from "./pseudonym.ts";

const THEMES = ["energy", "animal_health", "social_economic"];

describe("the award score", () => {
  it("applies the weight of each theme to the initiatives taken in it (hand-computed)", () => {
    // energy 4 × 2 = 8, animal health 3 × 1.5 = 4.5, social & economic 5 × 0 = 0 → 12.5
    const result = awardScore(
      THEMES,
      { energy: 2, animal_health: 1.5 },
      { energy: 4, animal_health: 3, social_economic: 5 },
    );
    expect(result.score).toBe(12.5);
    expect(result.breakdown).toEqual([
      { theme: "energy", initiatives: 4, weight: 2, points: 8 },
      { theme: "animal_health", initiatives: 3, weight: 1.5, points: 4.5 },
      { theme: "social_economic", initiatives: 5, weight: 0, points: 0 },
    ]);
  });

  it("rounds the sum, not the parts, to one decimal", () => {
    // 0.35 × 1 + 0.35 × 1 = 0.7 (rounding each part first would give 0.8)
    expect(awardScore(["a", "b"], { a: 0.35, b: 0.35 }, { a: 1, b: 1 }).score).toBe(0.7);
  });

  it("ranks highest first and breaks ties by candidate id", () => {
    const ranked = rankByScore([
      { candidateId: 3, score: 10 },
      { candidateId: 1, score: 12 },
      { candidateId: 2, score: 10 },
    ]);
    expect(ranked.map((c) => c.candidateId)).toEqual([1, 2, 3]);
  });
});

describe("combined jury scores", () => {
  it("gives the count, the mean and the spread (highest − lowest)", () => {
    expect(combineScores([7, 9, 4])).toEqual({ count: 3, mean: 6.67, spread: 5 });
    expect(combineScores([8])).toEqual({ count: 1, mean: 8, spread: 0 });
  });

  it("has no mean or spread without scores", () => {
    expect(combineScores([])).toEqual({ count: 0, mean: null, spread: null });
  });
});

describe("comparing candidates", () => {
  it("highlights initiatives some take and others do not", () => {
    const differences = initiativeDifferences([
      ["a", "b", "c"],
      ["a", "c"],
      ["a", "d"],
    ]);
    expect([...differences].sort()).toEqual(["b", "c", "d"]);
  });
});

describe("the edition's status", () => {
  const edition = {
    opensAt: "2026-03-01T00:00:00Z",
    closesAt: "2026-06-30T23:59:59Z",
    shortlistClosedAt: null,
  };
  it("follows the entry window, then the shortlist", () => {
    expect(editionStatus(edition, new Date("2026-02-28T23:00:00Z"))).toBe("upcoming");
    expect(editionStatus(edition, new Date("2026-03-01T00:00:00Z"))).toBe("open");
    expect(editionStatus(edition, new Date("2026-06-30T23:59:59Z"))).toBe("open");
    expect(editionStatus(edition, new Date("2026-07-01T00:00:00Z"))).toBe("judging");
    expect(
      editionStatus({ ...edition, shortlistClosedAt: "2026-08-01T00:00:00Z" }, new Date("2026-04-01")),
    ).toBe("closed");
  });
});

describe("pseudonyms", () => {
  it("are four characters without look-alikes", () => {
    expect(pseudonymFromBytes(new Uint8Array([0, 1, 30, 31]))).toBe("23Z2");
    expect(() => pseudonymFromBytes(new Uint8Array([1, 2]))).toThrow();
  });
});
