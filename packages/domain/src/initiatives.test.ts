import { describe, expect, it } from "vitest";
import { countShared, sharedInitiativeIds, themeTotals, totalInitiatives } from "./initiatives.ts";

const taken = [
  { initiativeId: "energy-scan", theme: "energy" },
  { initiativeId: "led-lighting", theme: "energy" },
  { initiativeId: "cow-brush", theme: "animal_welfare" },
  { initiativeId: "led-lighting", theme: "energy" }, // listed twice: counts once
];

describe("totalInitiatives", () => {
  it("counts distinct initiatives", () => {
    expect(totalInitiatives(["energy-scan", "cow-brush", "energy-scan"])).toBe(2);
    expect(totalInitiatives([])).toBe(0);
  });
});

describe("themeTotals", () => {
  it("counts initiatives per theme", () => {
    expect(themeTotals(taken)).toEqual({ energy: 2, animal_welfare: 1 });
  });
  it("gives 0 for the listed themes a farm takes nothing in", () => {
    expect(themeTotals(taken, ["energy", "animal_welfare", "water_soil"])).toEqual({
      energy: 2,
      animal_welfare: 1,
      water_soil: 0,
    });
    expect(themeTotals([], ["energy"])).toEqual({ energy: 0 });
    expect(themeTotals([])).toEqual({});
  });
  it("refuses an initiative in two themes", () => {
    expect(() =>
      themeTotals([
        { initiativeId: "grazing", theme: "animal_welfare" },
        { initiativeId: "grazing", theme: "environment" },
      ]),
    ).toThrow(/two themes/);
  });
});

describe("comparable counting across versions", () => {
  const v2014 = ["energy-scan", "herd-vet", "cow-brush", "own-energy"];
  const v2020 = ["herd-vet", "own-energy", "carbon-footprint", "cow-brush"];
  const v2026 = ["own-energy", "cow-brush", "carbon-footprint", "water-meter"];

  it("finds the initiatives every version has", () => {
    expect(sharedInitiativeIds([v2014, v2020])).toEqual(["cow-brush", "herd-vet", "own-energy"]);
    expect(sharedInitiativeIds([v2014, v2020, v2026])).toEqual(["cow-brush", "own-energy"]);
    expect(sharedInitiativeIds([["b", "a", "b"]])).toEqual(["a", "b"]);
    expect(sharedInitiativeIds([])).toEqual([]);
  });
  it("counts a farm's initiatives among the shared ones only", () => {
    const shared = sharedInitiativeIds([v2014, v2020]); // cow-brush, herd-vet, own-energy
    expect(countShared(["herd-vet", "carbon-footprint", "own-energy", "own-energy"], shared)).toBe(2);
    expect(countShared(["carbon-footprint"], shared)).toBe(0);
    expect(countShared([], shared)).toBe(0);
  });
});
