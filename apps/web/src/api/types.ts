export type Locale = "nl" | "fr" | "de" | "en";
export type Role = "farmer" | "sector_analyst" | "juror" | "auditor" | "admin";

export interface RoleGrant {
  role: Role;
  scope: { type: string; id: string | null };
}

export interface Me {
  user: { id: number; email: string; name: string; locale: Locale };
  roles: RoleGrant[];
  farms: { id: number; herdNumber: string; name: string }[];
}

export interface Farm {
  id: number;
  herdNumber: string;
  name: string;
  region: string;
  province: string;
  herdSize: number;
  dairyBuyerId: string | null;
  certificationBodyId: string | null;
  inspectionBodyId: string | null;
  active: boolean;
  stoppedOn: string | null;
}

export interface Page {
  total: number;
  limit: number;
  offset: number;
}

export interface SectorOverview {
  scope: { kind: string; id?: string };
  minGroupSize: number;
  farms: number | null;
  regions: { region: string; farms: number | null; suppressed: boolean }[];
}

export interface AdminUser {
  id: number;
  email: string;
  name: string;
  locale: Locale;
  active: boolean;
  roles: string[];
}

export interface AuditEntry {
  id: number;
  at: string;
  user: string | null;
  action: string;
  entity: string;
  entityId: string | null;
}
