import type { Role, ScopeType } from "./access.ts";

/**
 * The scopes each role can hold: a farmer of one farm, a sector analyst of all farms or of one
 * dairy buyer's or certification body's, a juror of one award edition, an auditor of one inspection
 * body, an administrator of all. Anything else would be a membership no access rule reads.
 */
export const ROLE_SCOPES: Readonly<Record<Role, readonly ScopeType[]>> = {
  farmer: ["farm"],
  sector_analyst: ["all", "dairy_buyer", "certification_body"],
  juror: ["award_edition"],
  auditor: ["inspection_body"],
  admin: ["all"],
};

/** Whether a role may be granted within a scope of this type (with an id unless it is `all`). */
export function isValidGrant(role: Role, scopeType: ScopeType, scopeId: string | null): boolean {
  if (!ROLE_SCOPES[role].includes(scopeType)) return false;
  return scopeType === "all" ? scopeId === null : scopeId !== null && scopeId.trim() !== "";
}
