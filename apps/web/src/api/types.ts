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
  nextAuditOn: string | null;
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

export type ThemeCounts = Record<string, number>;

export interface CampaignSummary {
  id: number;
  name: string;
  year: number;
  opensAt: string;
  closesAt: string;
  open: boolean;
}

export type ResponseStatus = "not_started" | "draft" | "submitted";

export interface MonitorDocument {
  campaign: CampaignSummary;
  farm: { id: number; herdNumber: string; name: string; nextAuditOn: string | null };
  surveyVersion: { id: string; year: number; contentHash: string };
  survey: Record<string, unknown>;
  response: {
    status: ResponseStatus;
    version: number;
    data: Record<string, unknown>;
    page: number;
    updatedAt: string | null;
    submittedAt: string | null;
    carriedOver: string[];
  };
  carriedOverFrom: { campaignYear: number; surveyVersion: string } | null;
}

export interface FarmMonitorSummary {
  campaign: CampaignSummary;
  responseId: number | null;
  surveyVersion: string;
  status: ResponseStatus;
  updatedAt: string | null;
  submittedAt: string | null;
  initiatives: number | null;
}

export interface Receipt {
  farm: { id: number; herdNumber: string; name: string; region: string; province: string };
  campaign: CampaignSummary;
  surveyVersion: { id: string; year: number; contentHash: string };
  submittedAt: string;
  submittedBy: string | null;
  responseVersion: number;
  initiatives: { total: number; perTheme: ThemeCounts; ids: string[] };
  survey: Record<string, unknown>;
  data: Record<string, unknown>;
}

export interface Comparison {
  key: string;
  suppressed: boolean;
  farms: number | null;
  mean: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  percentile: number | null;
}

export interface FarmResults {
  campaign: { id: number; year: number; surveyVersion: string };
  minGroupSize: number;
  farm: { total: number; themes: Record<string, number>; initiatives: string[] };
  sector: { farms: number | null; mean: number | null; median: number | null; suppressed: boolean };
  percentile: number | null;
  region: Comparison;
  sizeClass: Comparison;
  themes: { theme: string; farm: number; sectorMean: number | null; sectorMedian: number | null }[];
  trend: { campaignId: number; year: number; total: number; sectorMean: number | null }[];
  suggestions: { initiativeId: string; theme: string | null; adoption: number | null }[];
  suggestionsFrom: { region: string | null; sizeClass: string | null; farms: number } | null;
}

export interface Catalogue {
  themes: { id: string; label: Record<Locale, string> }[];
  initiatives: {
    id: string;
    theme: string;
    label: Record<Locale, string>;
    explanation: Record<Locale, string>;
  }[];
}

/* Sector dashboard (GET /api/sector/*). Every figure is computed by the API; null means suppressed. */

export interface Campaign extends CampaignSummary {
  surveyVersion: string;
}

export interface SectorOption {
  id: string;
  label: string;
}

export interface SectorOptions {
  regions: SectorOption[];
  provinces: SectorOption[];
  sizeClasses: SectorOption[];
  dairyBuyers: SectorOption[];
  certificationBodies: SectorOption[];
  inspectionBodies: SectorOption[];
}

export interface SectorTrendPoint {
  campaign: number;
  year: number;
  surveyVersion: string;
  farms: number | null;
  meanInitiatives: number | null;
  medianInitiatives: number | null;
  shareWithAtLeastOne: number | null;
  comparableMean: number | null;
  comparableShareWithAtLeastOne: number | null;
  suppressed: boolean;
}

export interface SectorTrend {
  minGroupSize: number;
  comparableInitiatives: string[];
  points: SectorTrendPoint[];
}

export interface SectorParticipation {
  campaign: { id: number; year: number };
  minGroupSize: number;
  suppressed: boolean;
  registered: number | null;
  started: number | null;
  submitted: number | null;
  shareSubmitted: number | null;
  audits: {
    audited: number | null;
    filledIn: number | null;
    shareFilledIn: number | null;
    suppressed: boolean;
  };
}

export interface SectorAdoption {
  campaign: { id: number; year: number } | number;
  previousCampaign: { id: number; year: number } | null;
  minGroupSize?: number;
  farms: number | null;
  suppressed: boolean;
  initiatives: {
    initiativeId: string;
    theme: string | null;
    farms: number | null;
    rate: number | null;
    previousRate: number | null;
    /** Change of the rate since the previous campaign (a fraction), computed by the API. */
    change: number | null;
  }[];
  themes: { theme: string; meanInitiatives: number | null; previousMean: number | null }[];
}

export interface SectorDistribution {
  minGroupSize?: number;
  farms: number | null;
  suppressed: boolean;
  bins: { from: number; to: number; farms: number | null }[];
}

export type BreakdownBy =
  | "region"
  | "province"
  | "sizeClass"
  | "dairyBuyer"
  | "certificationBody"
  | "inspectionBody";

export interface SectorBreakdown {
  by: BreakdownBy;
  minGroupSize?: number;
  suppressed?: boolean;
  groups: {
    key: string;
    label: string;
    farms: number | null;
    meanInitiatives: number | null;
    shareWithAtLeastOne: number | null;
    suppressed: boolean;
  }[];
}
