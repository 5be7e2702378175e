import { farmExportQuery } from "@monitor/contract";
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { currentUser, requestedFarm, requireFarm, requireUser } from "../middleware/auth.ts";
import { queryParams } from "../middleware/validate.ts";
import { farmExport } from "../services/farmExport.ts";

/** Everything the platform holds about one farm's monitors, for the farmer to take away. */
export const farmExportRoutes = new Hono<AppEnv>().get(
  "/farms/:farmId/export",
  requireUser(),
  requireFarm("read"),
  async (c) => {
    const { format } = queryParams(c, farmExportQuery);
    const result = await farmExport(
      c.get("deps"),
      requestedFarm(c),
      currentUser(c),
      format,
      c.get("requestId"),
    );
    c.header("Content-Disposition", `attachment; filename="${result.filename}"`);
    if (result.json) return c.json(result.json);
    return c.body(result.csv, 200, { "Content-Type": "text/csv; charset=utf-8" });
  },
);
