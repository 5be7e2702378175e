import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env.ts";
import { auditLogQuery, reopenBody, userListQuery } from "./admin.ts";
import { loginBody } from "./auth.ts";
import { farmExportQuery } from "./farmExport.ts";
import { farmListQuery } from "./farms.ts";
import { mePatchBody } from "./me.ts";
import { saveBody } from "./monitor.ts";
import { breakdownQuery, campaignViewQuery, exportQuery, populationQuery } from "./sector.ts";

const json = (schema: z.ZodType) => ({
  "application/json": { schema: z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) },
});
const problem = { description: "Problem document", content: { "application/problem+json": {} } };
const queryOf = (schema: z.ZodObject) =>
  Object.keys(schema.shape).map((name) => ({
    name,
    in: "query",
    schema: z.toJSONSchema(schema.shape[name] as z.ZodType, { io: "input" }),
  }));
const farmId = { name: "farmId", in: "path", required: true, schema: { type: "integer" } };
const campaignId = { name: "campaignId", in: "path", required: true, schema: { type: "integer" } };
const header = (name: string, required: boolean, description: string) => ({
  name,
  in: "header",
  required,
  description,
  schema: { type: "string" },
});

const operation = (summary: string, extra: Record<string, unknown> = {}) => ({
  summary,
  responses: { "200": { description: "OK" }, "4XX": problem },
  ...extra,
});

export const openApiDocument = {
  openapi: "3.1.0",
  info: { title: "Dairy sustainability monitor API", version: "1.0.0" },
  paths: {
    "/api/health": { get: operation("Liveness and database reachability") },
    "/api/auth/login": {
      post: operation("Log in; sets the session cookie", { requestBody: { content: json(loginBody) } }),
    },
    "/api/auth/logout": { post: operation("End the session server-side") },
    "/api/me": {
      get: operation("The current user, roles with scopes, and farms"),
      patch: operation("Change the user's language", { requestBody: { content: json(mePatchBody) } }),
    },
    "/api/farms": {
      get: operation("Farms of the register the user may see", { parameters: queryOf(farmListQuery) }),
    },
    "/api/farms/{farmId}": { get: operation("One farm of the register", { parameters: [farmId] }) },
    "/api/surveys": { get: operation("Questionnaire versions with their content hash") },
    "/api/surveys/catalogue": {
      get: operation("The initiative catalogue: themes and initiatives in nl, fr, de, en"),
    },
    "/api/surveys/{versionId}": {
      get: operation("One questionnaire version's SurveyJS JSON and initiatives"),
    },
    "/api/campaigns": { get: operation("Monitor campaigns with their questionnaire version and dates") },
    "/api/farms/{farmId}/monitors": {
      get: operation("The farm's status in every campaign", { parameters: [farmId] }),
    },
    "/api/farms/{farmId}/monitor": {
      get: operation(
        "The current campaign's monitor: survey JSON, answers, version, carried-over questions",
        { parameters: [farmId] },
      ),
    },
    "/api/farms/{farmId}/monitor/{campaignId}": {
      get: operation("One campaign's monitor", { parameters: [farmId, campaignId] }),
      put: operation("Save the draft (409 with the current state when If-Match is stale; 422 per question)", {
        parameters: [
          farmId,
          campaignId,
          header("If-Match", true, "The version being changed; 0 for a monitor not started yet"),
          header("Idempotency-Key", false, "Makes a retried save harmless"),
        ],
        requestBody: { content: json(saveBody) },
      }),
    },
    "/api/farms/{farmId}/monitor/{campaignId}/submit": {
      post: operation(
        "Submit after the full server check: 200 {submittedAt, initiatives} or 422 per question",
        { parameters: [farmId, campaignId] },
      ),
    },
    "/api/farms/{farmId}/monitor/{campaignId}/receipt": {
      get: operation("The receipt of a submitted monitor", { parameters: [farmId, campaignId] }),
    },
    "/api/farms/{farmId}/export": {
      get: operation("All the farm's monitor data as JSON or CSV", {
        parameters: [farmId, ...queryOf(farmExportQuery)],
      }),
    },
    "/api/admin/responses/{responseId}/reopen": {
      post: operation("Reopen a submitted monitor (logged)", { requestBody: { content: json(reopenBody) } }),
    },
    "/api/farms/{farmId}/results/{campaignId}": {
      get: operation(
        "The farm's benchmark: totals per theme, sector/region/size-class figures, percentile, trend, suggestions",
        {
          parameters: [farmId, campaignId],
        },
      ),
    },
    "/api/sector/options": {
      get: operation("Filter values the analyst may use, with labels in the user's language"),
    },
    "/api/sector/trend": {
      get: operation(
        "Per campaign: farms, mean initiatives (all, and comparable across versions), share with ≥ 1",
        {
          parameters: queryOf(populationQuery),
        },
      ),
    },
    "/api/sector/participation": {
      get: operation(
        "Registered, started, submitted farms; share of audited farms that had filled in the monitor",
        {
          parameters: queryOf(campaignViewQuery),
        },
      ),
    },
    "/api/sector/adoption": {
      get: operation("Per initiative and theme: adoption in the campaign against the previous one", {
        parameters: queryOf(campaignViewQuery),
      }),
    },
    "/api/sector/distribution": {
      get: operation("Farms per range of initiatives; every range holds at least k farms", {
        parameters: queryOf(campaignViewQuery),
      }),
    },
    "/api/sector/breakdown": {
      get: operation(
        "Per group: farms, mean initiatives, share with ≥ 1; small and complementary groups suppressed",
        {
          parameters: queryOf(breakdownQuery),
        },
      ),
    },
    "/api/sector/export": {
      get: operation("A view as CSV or XLSX: fixed columns, labels in the chosen language", {
        parameters: queryOf(exportQuery),
      }),
    },
    "/api/sector/overview": {
      get: operation("Active farms in the analyst's population, per region (suppressed under k)"),
    },
    "/api/admin/users": { get: operation("Users and their roles", { parameters: queryOf(userListQuery) }) },
    "/api/admin/audit-log": {
      get: operation("The audit log, newest first", { parameters: queryOf(auditLogQuery) }),
    },
    "/api/admin/organisations": { get: operation("Dairy buyers, certification and inspection bodies") },
  },
};

export const openApiRoutes = new Hono<AppEnv>().get("/openapi.json", (c) => c.json(openApiDocument));
