import { describe, expect, it } from "vitest";
import { cellText, neutraliseFormula } from "./cells.ts";

describe("neutraliseFormula", () => {
  it("prefixes text that a spreadsheet would run as a formula", () => {
    expect(neutraliseFormula('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(neutraliseFormula("+32 475")).toBe("'+32 475");
    expect(neutraliseFormula("-1+1")).toBe("'-1+1");
    expect(neutraliseFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseFormula("\tx")).toBe("'\tx");
  });
  it("leaves ordinary text alone", () => {
    expect(neutraliseFormula("Hoeve De Linde")).toBe("Hoeve De Linde");
  });
  it("writes numbers as numbers and lists as JSON", () => {
    expect(cellText(-5)).toBe("-5");
    expect(cellText(["solar", "wind"])).toBe('["solar","wind"]');
    expect(cellText(null)).toBe("");
  });
});
