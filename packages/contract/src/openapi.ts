import { z } from "zod";
import { adminUser, auditEntry, organisation } from "./admin.ts";
import { sessionUser } from "./auth.ts";
import { campaign, campaignSummary } from "./campaigns.ts";
import { roleGrant } from "./common.ts";
import { farm } from "./farms.ts";
import { farmMonitorSummary, monitorDocument, receiptResponse, responseState } from "./monitor.ts";
import { fieldError, problemDocument } from "./problem.ts";
import { comparison } from "./results.ts";
import type { RouteContract } from "./route.ts";
import { openApiPath, ROUTES } from "./routes.ts";
import { aggregateScope, sectorOption, sectorTrendPoint } from "./sector.ts";

type JsonSchema = Record<string, unknown>;

/** Schemas that several answers share, named in `components.schemas`. */
const NAMED: [string, z.ZodType][] = [
  ["Problem", problemDocument],
  ["FieldError", fieldError],
  ["SessionUser", sessionUser],
  ["RoleGrant", roleGrant],
  ["Farm", farm],
  ["CampaignSummary", campaignSummary],
  ["Campaign", campaign],
  ["ResponseState", responseState],
  ["MonitorDocument", monitorDocument],
  ["FarmMonitorSummary", farmMonitorSummary],
  ["Receipt", receiptResponse],
  ["Comparison", comparison],
  ["AggregateScope", aggregateScope],
  ["SectorOption", sectorOption],
  ["SectorTrendPoint", sectorTrendPoint],
  ["AdminUser", adminUser],
  ["AuditEntry", auditEntry],
  ["Organisation", organisation],
];

const COMMON = { target: "draft-2020-12", unrepresentable: "any" } as const;
const PROBLEM_REF = { $ref: "#/components/schemas/Problem" };
const PROBLEM_MEDIA = "application/problem+json";

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function withoutHeader(schema: JsonSchema): JsonSchema {
  const { $schema: _, $id: __, ...rest } = schema;
  return rest;
}

/** A request schema as JSON Schema, as the client writes it (defaults and coercions on the way in). */
const inputSchema = (schema: z.ZodType) => withoutHeader(z.toJSONSchema(schema, { ...COMMON, io: "input" }));

/** The answers' schemas, each named once: the shared ones above, then `<Operation>Response`. */
function responseComponents(): { names: Map<z.ZodType, string>; schemas: Record<string, JsonSchema> } {
  const registry = z.registry<{ id: string }>();
  const names = new Map<z.ZodType, string>();
  const name = (schema: z.ZodType, id: string) => {
    if (names.has(schema)) return;
    names.set(schema, id);
    registry.add(schema, { id });
  };
  for (const [id, schema] of NAMED) name(schema, id);
  for (const route of ROUTES) {
    if (route.response.json) name(route.response.json, `${upperFirst(route.name)}Response`);
    for (const other of Object.values(route.otherResponses ?? {}))
      name(other.json, `${upperFirst(route.name)}Response`);
  }
  const { schemas } = z.toJSONSchema(registry, {
    ...COMMON,
    io: "output",
    uri: (id) => `#/components/schemas/${id}`,
  });
  return {
    names,
    schemas: Object.fromEntries(
      Object.entries(schemas).map(([id, schema]) => [id, withoutHeader(schema as JsonSchema)]),
    ),
  };
}

/** Path, query and header parameters, one per property of the route's request schemas. */
function parameters(route: RouteContract): JsonSchema[] {
  const groups: [string, z.ZodObject | undefined][] = [
    ["path", route.request.params],
    ["query", route.request.query],
    ["header", route.request.headers],
  ];
  return groups.flatMap(([where, schema]) => {
    if (!schema) return [];
    const json = inputSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
    return Object.entries(json.properties ?? {}).map(([name, property]) => {
      const { description, ...rest } = property;
      return {
        name,
        in: where,
        required: where === "path" || (json.required ?? []).includes(name),
        ...(description === undefined ? {} : { description }),
        schema: rest,
      };
    });
  });
}

function operation(route: RouteContract, names: Map<z.ZodType, string>): JsonSchema {
  const ref = (schema: z.ZodType) => ({ $ref: `#/components/schemas/${names.get(schema)}` });
  const { response } = route;
  const content: JsonSchema = {};
  if (response.json) content["application/json"] = { schema: ref(response.json) };
  for (const media of response.files ?? []) content[media] = { schema: { type: "string", format: "binary" } };
  const responses: JsonSchema = {
    [String(response.status)]: {
      description: response.description,
      ...(Object.keys(content).length ? { content } : {}),
    },
  };
  for (const [status, other] of Object.entries(route.otherResponses ?? {}))
    responses[status] = {
      description: other.description,
      content: { "application/json": { schema: ref(other.json) } },
    };
  const problem = (description: string) => ({
    description,
    content: { [PROBLEM_MEDIA]: { schema: PROBLEM_REF } },
  });
  for (const [status, description] of Object.entries(route.errors ?? {}))
    responses[status] = problem(description);
  responses["4XX"] = problem(
    "A problem document: bad parameters or body (400), no session (401), forbidden (403), not found (404), too large (413)",
  );
  responses["5XX"] = problem("A problem document: internal error, or the database is busy (503)");
  const params = parameters(route);
  return {
    operationId: route.name,
    summary: route.summary,
    ...(params.length ? { parameters: params } : {}),
    ...(route.request.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: inputSchema(route.request.body) } },
          },
        }
      : {}),
    responses,
    ...(route.session ? {} : { security: [] }),
  };
}

/** The OpenAPI 3.1 document of the API, generated from the route table. */
export function openApiDocument() {
  const { names, schemas } = responseComponents();
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of ROUTES) {
    const path = openApiPath(route.path);
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operation(route, names);
  }
  return {
    openapi: "3.1.0" as const,
    info: {
      title: "Dairy sustainability monitor API",
      version: "1.0.0",
      description:
        "Every failure is an application/problem+json document. Figures over fewer farms than `minGroupSize` come back null with `suppressed: true`.",
    },
    paths,
    components: {
      schemas,
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "monitor_session" } },
    },
    security: [{ session: [] }],
  };
}
