import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env.ts";
import { auditLogQuery, userListQuery } from "./admin.ts";
import { loginBody } from "./auth.ts";
import { farmListQuery } from "./farms.ts";
import { mePatchBody } from "./me.ts";

const json = (schema: z.ZodType) => ({
  "application/json": { schema: z.toJSONSchema(schema, { io: "input" }) },
});
const problem = { description: "Problem document", content: { "application/problem+json": {} } };
const queryOf = (schema: z.ZodObject) =>
  Object.keys(schema.shape).map((name) => ({
    name,
    in: "query",
    schema: z.toJSONSchema(schema.shape[name] as z.ZodType, { io: "input" }),
  }));
const farmId = { name: "farmId", in: "path", required: true, schema: { type: "integer" } };

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
