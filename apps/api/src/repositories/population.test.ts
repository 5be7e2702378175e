import { FARM_ATTRIBUTES } from "@monitor/domain";
import { describe, expect, it } from "vitest";
import { counterCondition, narrowing, type Population, populationCondition, without } from "./population.ts";

const all = { kind: "all" } as const;
const HOSTILE = "x' OR 1 = 1 --";

describe("population conditions", () => {
  const columns = FARM_ATTRIBUTES.map((a) => a.counterColumn);
  const cell = (...kept: string[]) =>
    columns.map((c) => (kept.includes(c) ? `${c} <> ?` : `${c} = ?`)).join(" AND ");
  const stars = columns.map(() => "*");

  it("read the unfiltered population from the roll-up row, a grouped one from one cell per group", () => {
    expect(counterCondition({ scope: all })).toEqual({ sql: cell(), args: stars });
    expect(counterCondition({ scope: all }, "sizeClass")).toEqual({ sql: cell("size_class"), args: stars });
    expect(populationCondition({ scope: all }, "c.year")).toEqual({ sql: "1 = 1", args: [] });
  });

  it.each(FARM_ATTRIBUTES.map((a) => [a.name, a] as const))("narrow by %s with a parameter", (name, a) => {
    const p: Population = { scope: all, [name]: HOSTILE };
    expect(counterCondition(p)).toEqual({
      sql: `${cell(a.counterColumn)} AND ${a.counterColumn} = ?`,
      args: [...stars, HOSTILE],
    });
    expect(populationCondition(p, "c.year")).toEqual({
      sql: `1 = 1 AND ${a.sql("c.year")} = ?`,
      args: [HOSTILE],
    });
  });

  it("keep the analyst's scope next to a filter on the same attribute", () => {
    const p: Population = {
      scope: { kind: "dairy_buyer", id: "milcobel" },
      dairyBuyer: "inex",
      region: "wallonia",
    };
    expect(counterCondition(p)).toEqual({
      sql: `${cell("region", "dairy_buyer_id")} AND dairy_buyer_id = ? AND region = ? AND dairy_buyer_id = ?`,
      args: [...stars, "milcobel", "wallonia", "inex"],
    });
    expect(populationCondition(p, "c.year").args).toEqual(["milcobel", "wallonia", "inex"]);
    const certified = counterCondition({ scope: { kind: "certification_body", id: "mcc" } });
    expect(certified).toEqual({
      sql: `${cell("certification_body_id")} AND certification_body_id = ?`,
      args: [...stars, "mcc"],
    });
  });

  it("sum the full combinations for a population narrowed by more than two attributes", () => {
    const p: Population = { scope: { kind: "dairy_buyer", id: "milcobel" }, region: "wallonia" };
    expect(counterCondition(p, "sizeClass")).toEqual({
      sql: `${cell(...columns)} AND dairy_buyer_id = ? AND region = ?`,
      args: [...stars, "milcobel", "wallonia"],
    });
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
