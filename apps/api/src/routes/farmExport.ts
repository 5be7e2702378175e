import { FARM_EXPORT_CSV_COLUMNS, farmExportQuery } from "@monitor/contract";
import { stringify } from "csv-stringify/sync";
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { cellText } from "../export/cells.ts";
import { currentUser, requestedFarm, requireFarm, requireUser } from "../middleware/auth.ts";
import { queryParams } from "../middleware/validate.ts";

/** Everything the platform holds about one farm's monitors, for the farmer to take away. */
export const farmExportRoutes = new Hono<AppEnv>().get(
  "/farms/:farmId/export",
  requireUser(),
  requireFarm("read"),
  async (c) => {
    const { format } = queryParams(c, farmExportQuery);
    const farm = requestedFarm(c);
    const { repos, clock } = c.get("deps");
    const responses = await repos.responses.allOfFarm(farm.id);
    const now = clock();
    await repos.audit.record(
      {
        userId: currentUser(c).id,
        action: "export",
        entity: "farm",
        entityId: farm.id,
        detail: { format },
        requestId: c.get("requestId"),
      },
      now,
    );
    const filename = `monitor-${farm.herdNumber}.${format}`;
    c.header("Content-Disposition", `attachment; filename="${filename}"`);
    if (format === "json") {
      const monitors = await Promise.all(
        responses.map(async (r) => ({
          campaignYear: r.campaignYear,
          surveyVersion: r.surveyVersionId,
          surveyHash: r.surveyHash,
          status: r.status,
          version: r.version,
          createdAt: r.createdAt,
          updatedAt: r.updatedAt,
          submittedAt: r.submittedAt,
          initiatives: (await repos.responses.initiativesOf(r.id)).map((i) => i.initiativeId),
          answers: r.data,
        })),
      );
      return c.json({ exportedAt: now.toISOString(), farm, monitors });
    }
    const rows = responses.flatMap((r) =>
      Object.entries(r.data).map(([question, answer]) => [
        farm.herdNumber,
        r.campaignYear,
        r.surveyVersionId,
        r.status,
        r.submittedAt ?? "",
        question,
        cellText(answer),
      ]),
    );
    return c.body(stringify([[...FARM_EXPORT_CSV_COLUMNS], ...rows]), 200, {
      "Content-Type": "text/csv; charset=utf-8",
    });
  },
);
