import { openApiDocument } from "@monitor/contract";
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";

/** The OpenAPI 3.1 document, generated once from the contract's route table. */
const document = openApiDocument();

export const openApiRoutes = new Hono<AppEnv>().get("/openapi.json", (c) => c.json(document));
