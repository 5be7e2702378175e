export const ROLES = ["farmer", "sector_analyst", "juror", "auditor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const SCOPE_TYPES = [
  "all",
  "farm",
  "dairy_buyer",
  "certification_body",
  "inspection_body",
  "award_edition",
] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

export interface Scope {
  type: ScopeType;
  id: string | null;
}

export interface RoleGrant {
  role: Role;
  scope: Scope;
}

/** What an access rule needs to know of a farm. */
export interface FarmOrganisations {
  id: number;
  dairyBuyerId: string | null;
  certificationBodyId: string | null;
  inspectionBodyId: string | null;
}

/**
 * Who may read one farm's individual data. Individual results are confidential: sector analysts
 * see aggregates only, never a single farm; an auditor sees the farms of its inspection body.
 */
export function canReadFarm(grants: readonly RoleGrant[], farm: FarmOrganisations): boolean {
  return grants.some(({ role, scope }) => {
    switch (role) {
      case "admin":
        return true;
      case "farmer":
        return scope.type === "farm" && scope.id === String(farm.id);
      case "auditor":
        return scope.type === "inspection_body" && scope.id === farm.inspectionBodyId;
      default:
        return false;
    }
  });
}

/** Who may record an audit of a farm: an auditor of its inspection body, or an administrator. */
export function canRecordAudit(grants: readonly RoleGrant[], farm: FarmOrganisations): boolean {
  return grants.some(
    ({ role, scope }) =>
      role === "admin" ||
      (role === "auditor" && scope.type === "inspection_body" && scope.id === farm.inspectionBodyId),
  );
}

/** Who may change one farm's monitor: its own farmers only. */
export function canFillInFarm(grants: readonly RoleGrant[], farmId: number): boolean {
  return grants.some(
    ({ role, scope }) => role === "farmer" && scope.type === "farm" && scope.id === String(farmId),
  );
}

/** Whether the user sits on the jury of an award edition (what a juror sees is decided per farm's consent). */
export function isJurorOf(grants: readonly RoleGrant[], editionId: number): boolean {
  return grants.some(
    ({ role, scope }) => role === "juror" && scope.type === "award_edition" && scope.id === String(editionId),
  );
}

export type FarmFilter =
  | { kind: "all" }
  | { kind: "none" }
  | { kind: "farms"; farmIds: number[]; inspectionBodyIds: string[] };

/** The farms of the register that a user may list individually. */
export function listableFarms(grants: readonly RoleGrant[]): FarmFilter {
  if (grants.some((g) => g.role === "admin")) return { kind: "all" };
  const farmIds = grants
    .filter((g) => g.role === "farmer" && g.scope.type === "farm" && g.scope.id !== null)
    .map((g) => Number(g.scope.id));
  const inspectionBodyIds = grants
    .filter((g) => g.role === "auditor" && g.scope.type === "inspection_body" && g.scope.id !== null)
    .map((g) => g.scope.id as string);
  if (farmIds.length === 0 && inspectionBodyIds.length === 0) return { kind: "none" };
  return { kind: "farms", farmIds, inspectionBodyIds };
}

export type AggregateScope =
  | { kind: "all" }
  | { kind: "dairy_buyer"; id: string }
  | { kind: "certification_body"; id: string };

/**
 * The population a sector analyst's aggregates are computed over. A dairy buyer sees its own
 * suppliers only; an analyst with several grants gets the widest one (all before a body).
 */
export function aggregateScope(grants: readonly RoleGrant[]): AggregateScope | null {
  const analyst = grants.filter((g) => g.role === "sector_analyst" || g.role === "admin");
  if (analyst.some((g) => g.scope.type === "all")) return { kind: "all" };
  for (const g of analyst) {
    if (g.scope.id === null) continue;
    if (g.scope.type === "dairy_buyer") return { kind: "dairy_buyer", id: g.scope.id };
    if (g.scope.type === "certification_body") return { kind: "certification_body", id: g.scope.id };
  }
  return null;
}
