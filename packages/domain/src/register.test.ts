import { describe, expect, it } from "vitest";
import { diffRegister, parseCsv, type RegisterFarm, readRegister } from "./register.ts";

const ORGANISATIONS = [
  { id: "milcobel", kind: "dairy_buyer", name: "Milcobel" },
  { id: "mcc", kind: "certification_body", name: "MCC-Vlaanderen" },
  { id: "sgs", kind: "inspection_body", name: "SGS" },
] as const;
const HEADER =
  "herd_number,name,region,province,herd_size,dairy_buyer,certification_body,inspection_body,status";

describe("parseCsv", () => {
  it("reads quotes, doubled quotes, semicolons and CRLF, with the line each record starts on", () => {
    const { records } = parseCsv('a;b\r\n"x;1";"say ""hi"""\r\n\r\n"two\nlines";z\r\n');
    expect(records).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["x;1", 'say "hi"'] },
      { line: 4, cells: ["two\nlines", "z"] },
    ]);
  });

  it("reports a quote that is never closed", () => {
    expect(parseCsv('a,b\n"x,1\n').error).toEqual({ line: 2, code: "unclosed_quote" });
  });
});

describe("readRegister", () => {
  it("reads good rows, organisations by id or name, any case", () => {
    const { rows, errors } = readRegister(
      `${HEADER}\nBE1,Hoeve A,Flanders,Antwerpen,120,MILCOBEL,MCC-Vlaanderen,sgs,active\nBE2,Hoeve B,flanders,Limburg,0,,,,stopped`,
      ORGANISATIONS,
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        herdNumber: "BE1",
        name: "Hoeve A",
        region: "flanders",
        province: "Antwerpen",
        herdSize: 120,
        dairyBuyerId: "milcobel",
        certificationBodyId: "mcc",
        inspectionBodyId: "sgs",
        active: true,
      },
      {
        line: 3,
        herdNumber: "BE2",
        name: "Hoeve B",
        region: "flanders",
        province: "Limburg",
        herdSize: 0,
        dairyBuyerId: null,
        certificationBodyId: null,
        inspectionBodyId: null,
        active: false,
      },
    ]);
  });

  it("reports every bad row by line and reason", () => {
    const { rows, errors } = readRegister(
      [
        HEADER,
        "BE1,A,flanders,Antwerpen,12,,,,active",
        "BE2,B,mars,Antwerpen,-3,nobody,,,sold",
        "BE1,C,flanders,Antwerpen,10,,,,active",
        "BE4,D,flanders",
        ",E,flanders,Antwerpen,10,,,,active",
      ].join("\n"),
      ORGANISATIONS,
    );
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(errors).toEqual([
      { line: 3, code: "invalid_region", column: "region", value: "mars" },
      { line: 3, code: "invalid_herd_size", column: "herd_size", value: "-3" },
      { line: 3, code: "invalid_status", column: "status", value: "sold" },
      { line: 3, code: "unknown_organisation", column: "dairy_buyer", value: "nobody" },
      { line: 4, code: "duplicate_herd_number", column: "herd_number", value: "2" },
      { line: 5, code: "column_count", value: "3" },
      { line: 6, code: "required", column: "herd_number" },
    ]);
  });

  it("names missing and unknown columns on the header line", () => {
    const { errors } = readRegister("herd_number,name,colour\n", ORGANISATIONS);
    expect(errors).toContainEqual({ line: 1, code: "unknown_column", column: "colour" });
    expect(errors).toContainEqual({ line: 1, code: "missing_column", column: "status" });
    expect(readRegister("", ORGANISATIONS).errors).toEqual([{ line: 1, code: "empty_file" }]);
  });
});

describe("diffRegister", () => {
  const stored = (herdNumber: string, changes: Partial<RegisterFarm> = {}): RegisterFarm => ({
    herdNumber,
    name: `Farm ${herdNumber}`,
    region: "flanders",
    province: "Antwerpen",
    herdSize: 100,
    dairyBuyerId: "milcobel",
    certificationBodyId: "mcc",
    inspectionBodyId: "sgs",
    active: true,
    ...changes,
  });
  const row = (line: number, farm: RegisterFarm) => ({ line, ...farm });

  it("splits rows into adds, field changes, stops and unchanged; absent farms stay", () => {
    const diff = diffRegister(
      [
        row(2, stored("NEW")),
        row(3, stored("BE1", { herdSize: 130, name: "Renamed" })),
        row(4, stored("BE2", { active: false })),
        row(5, stored("BE3")),
        row(6, stored("BE4")),
      ],
      [stored("BE1"), stored("BE2"), stored("BE3"), stored("BE4", { active: false }), stored("BE5")],
    );
    expect(diff.adds.map((r) => r.herdNumber)).toEqual(["NEW"]);
    expect(diff.changes).toEqual([
      { line: 3, herdNumber: "BE1", field: "name", from: "Farm BE1", to: "Renamed" },
      { line: 3, herdNumber: "BE1", field: "herdSize", from: 100, to: 130 },
      { line: 6, herdNumber: "BE4", field: "active", from: false, to: true },
    ]);
    expect(diff.stops.map((r) => r.herdNumber)).toEqual(["BE2"]);
    expect(diff.unchanged).toBe(1);
  });
});
