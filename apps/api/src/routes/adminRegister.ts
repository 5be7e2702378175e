import { registerImportQuery } from "@monitor/contract";
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { currentUser, requireRole } from "../middleware/auth.ts";
import { queryParams } from "../middleware/validate.ts";
import { Problem } from "../problem.ts";
import { importRegister } from "../services/registerImport.ts";

/** The farm register from a CSV file: a preview with `dryRun=true`, else all rows or none. */
export const adminRegisterRoutes = new Hono<AppEnv>().post(
  "/admin/register/import",
  requireRole("admin"),
  async (c) => {
    const { dryRun } = queryParams(c, registerImportQuery);
    const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (type !== "text/csv") throw new Problem(415, "unsupported_media_type");
    const result = await importRegister(c.get("deps"), await c.req.text(), {
      dryRun: dryRun === "true",
      actorId: currentUser(c).id,
      locale: c.get("locale"),
      requestId: c.get("requestId"),
      source: "web",
    });
    if (result.errors.length && !result.dryRun)
      throw new Problem(
        422,
        "register_invalid",
        undefined,
        result.errors.map((e) => ({ path: String(e.line), message: e.reason })),
      );
    return c.json(result);
  },
);
