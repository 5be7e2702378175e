import { FARM_ATTRIBUTES } from "@monitor/domain";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi.ts";
import { matchRoute, openApiPath, ROUTES } from "./routes.ts";
import { breakdownQuery, exportQuery, populationQuery, sectorOptionsResponse } from "./sector.ts";

type Operation = { parameters?: { name: string; in: string }[] };

describe("the OpenAPI document", () => {
  const doc = openApiDocument();

  it("describes every route once, with its path parameters", () => {
    for (const route of ROUTES) {
      const operation = doc.paths[openApiPath(route.path)]?.[route.method.toLowerCase()] as
        | Operation
        | undefined;
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      const inPath = (operation?.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name);
      expect(inPath.sort()).toEqual([...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]).sort());
    }
  });

  it("has every $ref resolved by a component", () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const id = ref.replace(/^"\$ref":"#\/components\/schemas\//, "").replace(/"$/, "");
      expect(doc.components.schemas, ref).toHaveProperty(id);
    }
    expect(doc.components.schemas).not.toHaveProperty("__shared");
  });
});

describe("the sector query schemas", () => {
  it("take one optional parameter per farm attribute", () => {
    expect(Object.keys(populationQuery.shape)).toEqual(FARM_ATTRIBUTES.map((a) => a.name));
    expect(populationQuery.parse({})).toEqual({});
    expect(Object.keys(sectorOptionsResponse.shape)).toEqual(FARM_ATTRIBUTES.map((a) => a.optionList));
  });

  it("keep fixed values to their list, organisations and provinces to their patterns", () => {
    expect(populationQuery.safeParse({ region: "wallonia", sizeClass: "50_99" }).success).toBe(true);
    expect(populationQuery.safeParse({ region: "atlantis" }).success).toBe(false);
    expect(populationQuery.safeParse({ dairyBuyer: "Milcobel!" }).success).toBe(false);
    expect(populationQuery.parse({ province: "  Namur " })).toEqual({ province: "Namur" });
    expect(populationQuery.safeParse({ unknown: "x" }).success).toBe(false);
  });

  it("group a breakdown by any attribute and default an export to CSV", () => {
    for (const a of FARM_ATTRIBUTES)
      expect(breakdownQuery.parse({ campaign: "3", by: a.name }).by).toBe(a.name);
    expect(exportQuery.parse({ view: "trend" })).toEqual({ view: "trend", format: "csv" });
  });
});

describe("matching a request to its route", () => {
  it("prefers a static segment and ignores the query string", () => {
    expect(matchRoute("GET", "/api/surveys/catalogue")?.name).toBe("getCatalogue");
    expect(matchRoute("get", "/api/surveys/2020?x=1")?.name).toBe("getSurveyVersion");
    expect(matchRoute("PUT", "/api/farms/1/monitor/2")?.name).toBe("saveMonitor");
    expect(matchRoute("DELETE", "/api/farms/1")).toBeUndefined();
  });
});
