import { describe, expect, it } from "vitest";
import { adoptionRates, suggestions } from "./benchmark.ts";

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
