import { z } from "zod";
import {
  auditLogQuery,
  auditLogResponse,
  organisationListResponse,
  reopenBody,
  reopenResponse,
  responseParams,
  userActionResponse,
  userListQuery,
  userListResponse,
  userParams,
} from "./admin.ts";
import { ADMIN_ROUTES } from "./adminRoutes.ts";
import { loginBody, loginResponse } from "./auth.ts";
import { AWARD_ROUTES } from "./awards.ts";
import { campaignListResponse } from "./campaigns.ts";
import { farmExportQuery, farmExportResponse } from "./farmExport.ts";
import { farmListQuery, farmListResponse, farmParams, farmResponse } from "./farms.ts";
import { healthResponse } from "./health.ts";
import { mePatchBody, meResponse, passwordChangeBody, sessionListResponse } from "./me.ts";
import {
  farmCampaignParams,
  farmMonitorsResponse,
  monitorDocument,
  receiptResponse,
  saveBody,
  saveHeaders,
  saveResponse,
  submitResponse,
} from "./monitor.ts";
import { farmResultsResponse } from "./results.ts";
import { ok, type RouteContract } from "./route.ts";
import {
  breakdownQuery,
  campaignViewQuery,
  exportQuery,
  populationQuery,
  sectorAdoptionResponse,
  sectorBreakdownResponse,
  sectorDistributionResponse,
  sectorOptionsResponse,
  sectorOverviewResponse,
  sectorParticipationResponse,
  sectorTrendResponse,
} from "./sector.ts";
import {
  catalogueResponse,
  surveyVersionListResponse,
  surveyVersionParams,
  surveyVersionResponse,
} from "./surveys.ts";

const NOT_SUBMITTED = "The monitor is not submitted";
const SECTOR_ERRORS = { 403: "Not a sector analyst", 404: "No such campaign" };
const CSV = "text/csv; charset=utf-8";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The core routes, their requests and answers: the one description both sides use. */
const CORE_ROUTES: readonly RouteContract[] = [
  {
    name: "health",
    method: "GET",
    path: "/api/health",
    summary: "Liveness and database reachability",
    session: false,
    request: {},
    response: ok(healthResponse, "The database answers"),
    otherResponses: { 503: { description: "The database does not answer", json: healthResponse } },
  },
  {
    name: "login",
    method: "POST",
    path: "/api/auth/login",
    summary: "Log in; sets the session cookie",
    session: false,
    request: { body: loginBody },
    response: ok(loginResponse, "Logged in; the session cookie is set"),
    errors: {
      401: "Unknown e-mail address or wrong password",
      429: "Too many failed attempts from this address (for this account, or for all): wait the `Retry-After` seconds",
    },
  },
  {
    name: "logout",
    method: "POST",
    path: "/api/auth/logout",
    summary: "End the session server-side",
    session: false,
    request: {},
    response: { status: 204, description: "Logged out; the session cookie is cleared" },
  },
  {
    name: "getMe",
    method: "GET",
    path: "/api/me",
    summary: "The current user, roles with scopes, and farms",
    session: true,
    request: {},
    response: ok(meResponse),
  },
  {
    name: "updateMe",
    method: "PATCH",
    path: "/api/me",
    summary: "Change the user's language",
    session: true,
    request: { body: mePatchBody },
    response: ok(meResponse, "The user as changed"),
  },
  {
    name: "listMySessions",
    method: "GET",
    path: "/api/me/sessions",
    summary: "The user's active sessions: device (browser, OS), created, last seen, which one is this",
    session: true,
    request: {},
    response: ok(sessionListResponse),
  },
  {
    name: "logOutEverywhere",
    method: "POST",
    path: "/api/me/sessions/logout-all",
    summary: "End every session of the user, this one included",
    session: true,
    request: {},
    response: { status: 204, description: "All sessions ended; the session cookie is cleared" },
  },
  {
    name: "changePassword",
    method: "PATCH",
    path: "/api/me/password",
    summary: "Change the password (the current one is checked, throttled like a login); every session ends",
    session: true,
    request: { body: passwordChangeBody },
    response: {
      status: 204,
      description: "Changed; every session of the user ended and this client got a new session cookie",
    },
    errors: {
      422: "The current password is wrong, or the new one is the same",
      429: "Too many wrong passwords from this address: wait the `Retry-After` seconds",
    },
  },
  {
    name: "listFarms",
    method: "GET",
    path: "/api/farms",
    summary:
      "Farms of the register the user may see, searched by herd number or name, with readiness and last audit; filtered by readiness, sorted by name or next audit",
    session: true,
    request: { query: farmListQuery },
    response: ok(farmListResponse),
  },
  {
    name: "getFarm",
    method: "GET",
    path: "/api/farms/:farmId",
    summary: "One farm of the register (404 when out of reach, like one that does not exist)",
    session: true,
    request: { params: farmParams },
    response: ok(farmResponse),
  },
  {
    name: "listCampaigns",
    method: "GET",
    path: "/api/campaigns",
    summary: "Monitor campaigns with their questionnaire version and dates",
    session: true,
    request: {},
    response: ok(campaignListResponse),
  },
  {
    name: "getCurrentMonitor",
    method: "GET",
    path: "/api/farms/:farmId/monitor",
    summary: "The current campaign's monitor: survey JSON, answers, version, carried-over questions",
    session: true,
    request: { params: farmParams },
    response: ok(monitorDocument),
    errors: { 404: "No such farm, or no campaign has opened yet" },
  },
  {
    name: "listFarmMonitors",
    method: "GET",
    path: "/api/farms/:farmId/monitors",
    summary: "The farm's status in every campaign",
    session: true,
    request: { params: farmParams },
    response: ok(farmMonitorsResponse),
  },
  {
    name: "getMonitor",
    method: "GET",
    path: "/api/farms/:farmId/monitor/:campaignId",
    summary: "One campaign's monitor",
    session: true,
    request: { params: farmCampaignParams },
    response: ok(monitorDocument),
  },
  {
    name: "saveMonitor",
    method: "PUT",
    path: "/api/farms/:farmId/monitor/:campaignId",
    summary: "Save the draft; the new version comes back, also as the ETag",
    session: true,
    request: { params: farmCampaignParams, headers: saveHeaders, body: saveBody },
    response: ok(saveResponse, "Saved"),
    errors: {
      409: "Stale If-Match, already submitted (both with `current`), or the campaign is closed",
      422: "Answers the questionnaire refuses, per question; or an Idempotency-Key reused for another body",
      428: "If-Match is missing",
    },
  },
  {
    name: "submitMonitor",
    method: "POST",
    path: "/api/farms/:farmId/monitor/:campaignId/submit",
    summary: "Submit after the full server check",
    session: true,
    request: { params: farmCampaignParams },
    response: ok(submitResponse, "Submitted, with the initiatives counted"),
    errors: {
      409: "Not started, already submitted, or the campaign is closed",
      422: "Answers the questionnaire refuses, per question",
    },
  },
  {
    name: "getReceipt",
    method: "GET",
    path: "/api/farms/:farmId/monitor/:campaignId/receipt",
    summary: "The receipt of a submitted monitor",
    session: true,
    request: { params: farmCampaignParams },
    response: ok(receiptResponse),
    errors: { 409: NOT_SUBMITTED },
  },
  {
    name: "listSurveyVersions",
    method: "GET",
    path: "/api/surveys",
    summary: "Questionnaire versions with their content hash",
    session: true,
    request: {},
    response: ok(surveyVersionListResponse),
  },
  {
    name: "getCatalogue",
    method: "GET",
    path: "/api/surveys/catalogue",
    summary: "The initiative catalogue: themes and initiatives in nl, fr, de, en",
    session: true,
    request: {},
    response: ok(catalogueResponse),
  },
  {
    name: "getSurveyVersion",
    method: "GET",
    path: "/api/surveys/:versionId",
    summary: "One questionnaire version's SurveyJS JSON and initiatives",
    session: true,
    request: { params: surveyVersionParams },
    response: ok(surveyVersionResponse),
  },
  {
    name: "getFarmResults",
    aggregates: true,
    method: "GET",
    path: "/api/farms/:farmId/results/:campaignId",
    summary:
      "The farm's benchmark: totals per theme, sector/region/size-class figures, percentile, trend, suggestions",
    session: true,
    request: { params: farmCampaignParams },
    response: ok(farmResultsResponse),
    errors: { 409: NOT_SUBMITTED },
  },
  {
    name: "exportFarm",
    method: "GET",
    path: "/api/farms/:farmId/export",
    summary: "All the farm's monitor data as JSON or CSV (an attachment; logged)",
    session: true,
    request: { params: farmParams, query: farmExportQuery },
    response: {
      status: 200,
      description: "`format=json`: the JSON below; `format=csv`: one row per answer",
      json: farmExportResponse,
      files: [CSV],
    },
  },
  {
    name: "sectorOverview",
    aggregates: true,
    method: "GET",
    path: "/api/sector/overview",
    summary: "Active farms in the analyst's population, per region (suppressed under k)",
    session: true,
    request: {},
    response: ok(sectorOverviewResponse),
    errors: SECTOR_ERRORS,
  },
  {
    name: "sectorOptions",
    method: "GET",
    path: "/api/sector/options",
    summary: "Filter values the analyst may use, with labels in the user's language",
    session: true,
    request: {},
    response: ok(sectorOptionsResponse),
    errors: SECTOR_ERRORS,
  },
  {
    name: "sectorTrend",
    aggregates: true,
    method: "GET",
    path: "/api/sector/trend",
    summary: "Per campaign: farms, mean initiatives (all, and comparable across versions), share with ≥ 1",
    session: true,
    request: { query: populationQuery },
    response: ok(sectorTrendResponse),
    errors: SECTOR_ERRORS,
  },
  {
    name: "sectorParticipation",
    aggregates: true,
    method: "GET",
    path: "/api/sector/participation",
    summary: "Registered, started, submitted farms; share of audited farms that had filled in the monitor",
    session: true,
    request: { query: campaignViewQuery },
    response: ok(sectorParticipationResponse),
    errors: SECTOR_ERRORS,
  },
  {
    name: "sectorAdoption",
    aggregates: true,
    method: "GET",
    path: "/api/sector/adoption",
    summary: "Per initiative and theme: adoption in the campaign against the previous one",
    session: true,
    request: { query: campaignViewQuery },
    response: ok(sectorAdoptionResponse),
    errors: SECTOR_ERRORS,
  },
  {
    name: "sectorDistribution",
    aggregates: true,
    method: "GET",
    path: "/api/sector/distribution",
    summary: "Farms per range of initiatives; every range holds at least k farms",
    session: true,
    request: { query: campaignViewQuery },
    response: ok(sectorDistributionResponse),
    errors: SECTOR_ERRORS,
  },
  {
    name: "sectorBreakdown",
    aggregates: true,
    method: "GET",
    path: "/api/sector/breakdown",
    summary: "Per group: farms, mean initiatives, share with ≥ 1; small and complementary groups suppressed",
    session: true,
    request: { query: breakdownQuery },
    response: ok(sectorBreakdownResponse),
    errors: SECTOR_ERRORS,
  },
  {
    name: "sectorExport",
    aggregates: true,
    method: "GET",
    path: "/api/sector/export",
    summary: "A view as CSV or XLSX: fixed columns, labels in the chosen language (an attachment; logged)",
    session: true,
    request: { query: exportQuery },
    response: { status: 200, description: "The view as a table", files: [CSV, XLSX] },
    errors: SECTOR_ERRORS,
  },
  {
    name: "listUsers",
    method: "GET",
    path: "/api/admin/users",
    summary: "Users and their roles",
    session: true,
    request: { query: userListQuery },
    response: ok(userListResponse),
    errors: { 403: "Not an administrator" },
  },
  {
    name: "logOutUserEverywhere",
    method: "POST",
    path: "/api/admin/users/:userId/logout-all",
    summary: "End every session of a user (logged)",
    session: true,
    request: { params: userParams },
    response: ok(userActionResponse, "The user's sessions ended"),
    errors: { 403: "Not an administrator", 404: "No such user" },
  },
  {
    name: "disableUser",
    method: "POST",
    path: "/api/admin/users/:userId/disable",
    summary: "Disable a user: every session ends, logins fail until enabled (logged)",
    session: true,
    request: { params: userParams },
    response: ok(userActionResponse, "Disabled"),
    errors: {
      403: "Not an administrator",
      404: "No such user",
      409: "Administrators cannot disable themselves",
    },
  },
  {
    name: "enableUser",
    method: "POST",
    path: "/api/admin/users/:userId/enable",
    summary: "Enable a disabled user again (logged)",
    session: true,
    request: { params: userParams },
    response: ok(userActionResponse, "Enabled"),
    errors: { 403: "Not an administrator", 404: "No such user" },
  },
  {
    name: "listAuditLog",
    method: "GET",
    path: "/api/admin/audit-log",
    summary: "The audit log, newest first",
    session: true,
    request: { query: auditLogQuery },
    response: ok(auditLogResponse),
    errors: { 403: "Not an administrator" },
  },
  {
    name: "listOrganisations",
    method: "GET",
    path: "/api/admin/organisations",
    summary: "Dairy buyers, certification and inspection bodies",
    session: true,
    request: {},
    response: ok(organisationListResponse),
    errors: { 403: "Not an administrator" },
  },
  {
    name: "reopenMonitor",
    method: "POST",
    path: "/api/admin/responses/:responseId/reopen",
    summary: "Reopen a submitted monitor (logged with the reason)",
    session: true,
    request: { params: responseParams, body: reopenBody },
    response: ok(reopenResponse, "A draft again"),
    errors: {
      403: "Not an administrator",
      404: "No such response",
      409: "Not submitted, or the campaign is closed (extend its deadline first)",
    },
  },
  {
    name: "openApi",
    method: "GET",
    path: "/api/openapi.json",
    summary: "This description of the API (OpenAPI 3.1)",
    session: false,
    request: {},
    response: ok(
      z.looseObject({
        openapi: z.literal("3.1.0"),
        info: z.looseObject({}),
        paths: z.record(z.string(), z.unknown()),
      }),
      "The OpenAPI document",
    ),
  },
];

/**
 * Every route of the API: the core ones above and each area's own list (kept beside its schemas).
 */
export const ROUTES: readonly RouteContract[] = [...CORE_ROUTES, ...ADMIN_ROUTES, ...AWARD_ROUTES];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const patternOf = (path: string) =>
  new RegExp(
    `^${path
      .split("/")
      .map((s) => (s.startsWith(":") ? "[^/]+" : escapeRegExp(s)))
      .join("/")}$`,
  );
const PATTERNS = new Map(ROUTES.map((r) => [r, patternOf(r.path)]));
const paramCount = (path: string) => path.split("/:").length - 1;

/**
 * The route a request reaches: the method and the path (a query string is ignored); a route with
 * fewer parameters wins, as static segments do in the router (`/api/surveys/catalogue`).
 */
export function matchRoute(method: string, path: string): RouteContract | undefined {
  const bare = path.split("?")[0] ?? path;
  const upper = method.toUpperCase();
  return ROUTES.filter((r) => r.method === upper && PATTERNS.get(r)?.test(bare))
    .sort((a, b) => paramCount(a.path) - paramCount(b.path))
    .at(0);
}

/** The route of a method and a Hono path, exactly. */
export const routeOf = (method: string, path: string) =>
  ROUTES.find((r) => r.method === method.toUpperCase() && r.path === path);

/** `/api/farms/:farmId` → `/api/farms/{farmId}`. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, "{$1}");
