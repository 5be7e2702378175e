import { describe, expect, it } from "vitest";
import { adoptionRates, farmBenchmark, suggestions } from "./benchmark.ts";

describe("adoptionRates", () => {
  it("gives the share of the group's farms taking each initiative, by id", () => {
    expect(adoptionRates({ "energy-scan": 3, "cow-brush": 6, "led-lighting": 0 }, 8)).toEqual([
      { initiativeId: "cow-brush", farms: 6, rate: 0.75 }, // 6 / 8
      { initiativeId: "energy-scan", farms: 3, rate: 0.375 }, // 3 / 8
      { initiativeId: "led-lighting", farms: 0, rate: 0 },
    ]);
  });
  it("gives null rates for a group without farms", () => {
    expect(adoptionRates({ "cow-brush": 0 }, 0)).toEqual([
      { initiativeId: "cow-brush", farms: 0, rate: null },
    ]);
    expect(adoptionRates({}, 10)).toEqual([]);
  });
  it("refuses more farms taking an initiative than in the group", () => {
    expect(() => adoptionRates({ "cow-brush": 9 }, 8)).toThrow(RangeError);
  });
});

describe("suggestions", () => {
  const adoption = [
    { initiativeId: "b-water-meter", rate: 0.75 },
    { initiativeId: "c-soil-analysis", rate: 0.5 },
    { initiativeId: "a-cover-crops", rate: 0.5 },
    { initiativeId: "d-energy-scan", rate: 0 },
    { initiativeId: "e-succession", rate: null },
    { initiativeId: "cow-brush", rate: 0.9 },
  ];
  it("lists what colleagues take and the farm does not, most adopted first, ties by id", () => {
    expect(suggestions(["cow-brush"], adoption, 2).map((s) => s.initiativeId)).toEqual([
      "b-water-meter",
      "a-cover-crops",
    ]);
  });
  it("leaves out initiatives no colleague takes, and stops at the limit", () => {
    expect(suggestions(["cow-brush"], adoption, 10).map((s) => s.initiativeId)).toEqual([
      "b-water-meter",
      "a-cover-crops",
      "c-soil-analysis",
    ]);
    expect(suggestions([], adoption, 0)).toEqual([]);
    expect(
      suggestions(["cow-brush", "b-water-meter", "a-cover-crops", "c-soil-analysis"], adoption, 5),
    ).toEqual([]);
    expect(() => suggestions([], adoption, -1)).toThrow(RangeError);
  });
  it("returns the adoption entries themselves, for their rates", () => {
    expect(suggestions([], adoption, 1)).toEqual([{ initiativeId: "cow-brush", rate: 0.9 }]);
  });
});

describe("farmBenchmark", () => {
  // The group: 0 12 12 12 20 25 25 25 (8 farms).
  const group = [
    { total: 0, farms: 1 },
    { total: 12, farms: 3 },
    { total: 20, farms: 1 },
    { total: 25, farms: 3 },
  ];
  it("places the farm in its group", () => {
    expect(farmBenchmark(12, group)).toEqual({
      farmTotal: 12,
      // 1 below, 3 equal: (1 + 3/2) / 8 = 31.25%
      percentileRank: 31.25,
      // mean 131 / 8; h = 7p -> q1 12, median 16, q3 25; at least one: 7 / 8
      group: {
        suppressed: false,
        farms: 8,
        mean: 16.375,
        median: 16,
        q1: 12,
        q3: 25,
        shareWithAtLeastOne: 0.875,
      },
    });
  });
  it("withholds the group and the rank in a group of fewer than k farms", () => {
    const small = [
      { total: 12, farms: 3 },
      { total: 20, farms: 1 },
    ];
    expect(farmBenchmark(20, small)).toEqual({
      farmTotal: 20,
      percentileRank: null,
      group: {
        suppressed: true,
        farms: null,
        mean: null,
        median: null,
        q1: null,
        q3: null,
        shareWithAtLeastOne: null,
      },
    });
    expect(farmBenchmark(20, small, 4).percentileRank).toBe(87.5); // (3 + 1/2) / 4
  });
});
