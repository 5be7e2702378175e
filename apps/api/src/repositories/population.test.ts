import { FARM_ATTRIBUTES } from "@monitor/domain";
import { describe, expect, it } from "vitest";
import { counterCondition, narrowing, type Population, populationCondition, without } from "./population.ts";

const all = { kind: "all" } as const;
const HOSTILE = "x' OR 1 = 1 --";

describe("population conditions", () => {
  it("read the unfiltered population from the roll-up rows, a grouped one from the attribute rows", () => {
    expect(counterCondition({ scope: all })).toEqual({ sql: "region = ?", args: ["*"] });
    expect(counterCondition({ scope: all }, true)).toEqual({ sql: "region <> ?", args: ["*"] });
    expect(populationCondition({ scope: all })).toEqual({ sql: "1 = 1", args: [] });
  });

  it.each(FARM_ATTRIBUTES.map((a) => [a.name, a] as const))("narrow by %s with a parameter", (name, a) => {
    const p: Population = { scope: all, [name]: HOSTILE };
    expect(counterCondition(p)).toEqual({
      sql: `region <> ? AND ${a.counterColumn} = ?`,
      args: ["*", HOSTILE],
    });
    expect(populationCondition(p)).toEqual({ sql: `1 = 1 AND ${a.sql} = ?`, args: [HOSTILE] });
  });

  it("keep the analyst's scope next to a filter on the same attribute", () => {
    const p: Population = {
      scope: { kind: "dairy_buyer", id: "milcobel" },
      dairyBuyer: "inex",
      region: "wallonia",
    };
    expect(counterCondition(p)).toEqual({
      sql: "region <> ? AND dairy_buyer_id = ? AND region = ? AND dairy_buyer_id = ?",
      args: ["*", "milcobel", "wallonia", "inex"],
    });
    expect(populationCondition(p).args).toEqual(["milcobel", "wallonia", "inex"]);
    const certified = counterCondition({ scope: { kind: "certification_body", id: "mcc" } });
    expect(certified).toEqual({ sql: "region <> ? AND certification_body_id = ?", args: ["*", "mcc"] });
  });

  it("list the narrowing attributes in the table's order, and widen one at a time", () => {
    const p: Population = { scope: all, sizeClass: "50_99", region: "flanders" };
    expect(narrowing(p).map((n) => [n.attribute.name, n.value])).toEqual([
      ["region", "flanders"],
      ["sizeClass", "50_99"],
    ]);
    expect(narrowing(without(p, "region")).map((n) => n.attribute.name)).toEqual(["sizeClass"]);
  });
});
