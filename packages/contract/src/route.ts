import type { z } from "zod";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** What a route reads: path parameters, query parameters, headers and a JSON body. */
export interface RouteRequest {
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** Header names as documented (matched without regard to case). */
  headers?: z.ZodObject;
  body?: z.ZodType;
}

/** The success answer: a JSON body with its schema, files of other media types, or no content. */
export interface RouteResponse {
  status: 200 | 204;
  description: string;
  /** The `application/json` body. */
  json?: z.ZodType;
  /** Media types of non-JSON answers (CSV, XLSX), described by `description`. */
  files?: readonly string[];
}

export interface RouteContract {
  /** Unique name, the OpenAPI operationId. */
  name: string;
  method: HttpMethod;
  /** Hono form: `/api/farms/:farmId/monitor/:campaignId`. */
  path: string;
  summary: string;
  /** Whether the route needs a session (the `monitor_session` cookie). */
  session: boolean;
  request: RouteRequest;
  response: RouteResponse;
  /** Failures particular to the route, by status (each a problem document, like every other 4xx/5xx). */
  errors?: Readonly<Record<number, string>>;
  /**
   * The answer holds figures about groups of farms for someone who is not one of them: every such
   * figure passes through disclosure control (checked by test/api/disclosure-routes.test.ts).
   */
  aggregates?: true;
  /** Answers other than the success one that are not problem documents (the health check's 503). */
  otherResponses?: Readonly<Record<number, { description: string; json: z.ZodType }>>;
}

export const ok = (json: z.ZodType, description = "OK"): RouteResponse => ({
  status: 200,
  description,
  json,
});
