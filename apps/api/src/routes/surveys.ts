import { surveyVersionParams } from "@monitor/contract";
import { getCatalogue, getVersion, listVersions } from "@monitor/surveys";
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { requireUser } from "../middleware/auth.ts";
import { parseWith } from "../middleware/validate.ts";
import { notFound } from "../problem.ts";

/** The questionnaire versions and the initiative catalogue: published data, for every user. */
export const surveyRoutes = new Hono<AppEnv>()
  .use("/surveys/*", requireUser())
  .use("/surveys", requireUser())
  .get("/surveys", (c) =>
    c.json({
      versions: listVersions().map((v) => ({
        id: v.id,
        year: v.year,
        contentHash: v.contentHash,
        initiatives: v.initiativeIds.length,
      })),
    }),
  )
  .get("/surveys/catalogue", (c) => c.json(getCatalogue()))
  .get("/surveys/:versionId", (c) => {
    const version = getVersion(
      parseWith(surveyVersionParams.shape.versionId, c.req.param("versionId"), c.get("locale")),
    );
    if (!version) throw notFound();
    return c.json({
      id: version.id,
      year: version.year,
      contentHash: version.contentHash,
      initiativeIds: version.initiativeIds,
      survey: version.json,
    });
  });
