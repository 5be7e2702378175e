import { describe, expect, it } from "vitest";
import { aggregateScope, canFillInFarm, canReadFarm, listableFarms, type RoleGrant } from "./access.ts";

const farm = { id: 7, dairyBuyerId: "milcobel", certificationBodyId: "mcc", inspectionBodyId: "certalent" };
const grant = (role: RoleGrant["role"], type: RoleGrant["scope"]["type"], id: string | null): RoleGrant => ({
  role,
  scope: { type, id },
});

describe("canReadFarm", () => {
  it("lets a farmer read only their own farm", () => {
    expect(canReadFarm([grant("farmer", "farm", "7")], farm)).toBe(true);
    expect(canReadFarm([grant("farmer", "farm", "8")], farm)).toBe(false);
  });
  it("lets an auditor read only the farms of its inspection body", () => {
    expect(canReadFarm([grant("auditor", "inspection_body", "certalent")], farm)).toBe(true);
    expect(canReadFarm([grant("auditor", "inspection_body", "sgs")], farm)).toBe(false);
  });
  it("never lets a sector analyst or juror read a single farm", () => {
    expect(canReadFarm([grant("sector_analyst", "all", null)], farm)).toBe(false);
    expect(canReadFarm([grant("sector_analyst", "dairy_buyer", "milcobel")], farm)).toBe(false);
    expect(canReadFarm([grant("juror", "award_edition", "1")], farm)).toBe(false);
  });
  it("lets an administrator read every farm", () => {
    expect(canReadFarm([grant("admin", "all", null)], farm)).toBe(true);
  });
  it("grants nothing without roles", () => {
    expect(canReadFarm([], farm)).toBe(false);
  });
});

describe("canFillInFarm", () => {
  it("is for the farm's own farmers, not even administrators", () => {
    expect(canFillInFarm([grant("farmer", "farm", "7")], 7)).toBe(true);
    expect(canFillInFarm([grant("admin", "all", null)], 7)).toBe(false);
  });
});

describe("listableFarms", () => {
  it("combines own farms and inspection bodies", () => {
    expect(listableFarms([grant("farmer", "farm", "7"), grant("auditor", "inspection_body", "sgs")])).toEqual(
      {
        kind: "farms",
        farmIds: [7],
        inspectionBodyIds: ["sgs"],
      },
    );
    expect(listableFarms([grant("sector_analyst", "all", null)])).toEqual({ kind: "none" });
    expect(listableFarms([grant("admin", "all", null)])).toEqual({ kind: "all" });
  });
});

describe("aggregateScope", () => {
  it("restricts a dairy buyer to its suppliers", () => {
    expect(aggregateScope([grant("sector_analyst", "dairy_buyer", "milcobel")])).toEqual({
      kind: "dairy_buyer",
      id: "milcobel",
    });
  });
  it("prefers the widest grant", () => {
    expect(
      aggregateScope([
        grant("sector_analyst", "dairy_buyer", "milcobel"),
        grant("sector_analyst", "all", null),
      ]),
    ).toEqual({ kind: "all" });
  });
  it("gives farmers and jurors no aggregate scope", () => {
    expect(aggregateScope([grant("farmer", "farm", "7")])).toBeNull();
  });
});
