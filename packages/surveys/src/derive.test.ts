import { describe, expect, it } from "vitest";
import { countInitiatives } from "./count.ts";
import { deriveInitiatives, themeOf, withThemes } from "./derive.ts";
import { getCatalogue } from "./files.ts";
import { FARM_2014, FARM_2026, FULL_2026, version } from "./test-fixtures.ts";

describe("themeOf", () => {
  it("gives every catalogue initiative its catalogue theme", () => {
    for (const initiative of getCatalogue().initiatives)
      expect(themeOf(initiative.id), initiative.id).toBe(initiative.theme);
  });

  it("gives null for an id the catalogue does not know", () => {
    expect(themeOf("energy.no_such_initiative")).toBeNull();
    expect(themeOf("")).toBeNull();
  });
});

describe("withThemes", () => {
  it("keeps the order and marks unknown ids", () => {
    expect(withThemes(["energy.own_renewable_electricity", "gone.initiative"])).toEqual([
      { initiativeId: "energy.own_renewable_electricity", theme: "energy" },
      { initiativeId: "gone.initiative", theme: "unknown" },
    ]);
    expect(withThemes([])).toEqual([]);
  });
});

describe("deriveInitiatives", () => {
  it.each([
    ["2014", FARM_2014],
    ["2026", FARM_2026],
    ["2026", FULL_2026],
  ])("derives the counted initiatives of a %s monitor with their themes", (id, data) => {
    const v = version(id);
    const counted = countInitiatives(v, data);
    const derived = deriveInitiatives(v, data);
    expect(derived.ids).toEqual(counted.initiatives);
    expect(derived.total).toBe(counted.total);
    expect(derived.perTheme).toEqual(counted.perTheme);
    expect(derived.initiatives.map((i) => i.initiativeId)).toEqual(counted.initiatives);
    expect(derived.total).toBeGreaterThan(0);
    // The themes agree with the per-theme totals shown to the farmer.
    const perTheme: Record<string, number> = {};
    for (const i of derived.initiatives) perTheme[i.theme] = (perTheme[i.theme] ?? 0) + 1;
    for (const [theme, n] of Object.entries(derived.perTheme)) expect(perTheme[theme] ?? 0, theme).toBe(n);
  });

  it("derives nothing from no answers", () => {
    expect(deriveInitiatives(version("2026"), {})).toMatchObject({ initiatives: [], ids: [], total: 0 });
  });
});
