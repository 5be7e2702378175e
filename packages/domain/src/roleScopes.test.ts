import { describe, expect, it } from "vitest";
import { canRecordAudit } from "./access.ts";
import { isValidGrant } from "./roleScopes.ts";

describe("role scopes", () => {
  it("takes the scopes the access rules read", () => {
    expect(isValidGrant("farmer", "farm", "12")).toBe(true);
    expect(isValidGrant("auditor", "inspection_body", "sgs")).toBe(true);
    expect(isValidGrant("sector_analyst", "all", null)).toBe(true);
    expect(isValidGrant("sector_analyst", "dairy_buyer", "milcobel")).toBe(true);
    expect(isValidGrant("admin", "all", null)).toBe(true);
  });

  it("refuses a scope no rule reads, and a missing or superfluous id", () => {
    expect(isValidGrant("farmer", "all", null)).toBe(false);
    expect(isValidGrant("auditor", "dairy_buyer", "milcobel")).toBe(false);
    expect(isValidGrant("admin", "farm", "1")).toBe(false);
    expect(isValidGrant("farmer", "farm", null)).toBe(false);
    expect(isValidGrant("admin", "all", "x")).toBe(false);
  });
});

describe("canRecordAudit", () => {
  const farm = { id: 7, dairyBuyerId: "milcobel", certificationBodyId: "mcc", inspectionBodyId: "certalent" };
  it("lets the auditors of the farm's inspection body and administrators record, no one else", () => {
    expect(
      canRecordAudit([{ role: "auditor", scope: { type: "inspection_body", id: "certalent" } }], farm),
    ).toBe(true);
    expect(canRecordAudit([{ role: "admin", scope: { type: "all", id: null } }], farm)).toBe(true);
    expect(canRecordAudit([{ role: "auditor", scope: { type: "inspection_body", id: "sgs" } }], farm)).toBe(
      false,
    );
    expect(canRecordAudit([{ role: "farmer", scope: { type: "farm", id: "7" } }], farm)).toBe(false);
  });
});
