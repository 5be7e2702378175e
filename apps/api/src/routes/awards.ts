import {
  adminEditionBody,
  candidateParams,
  candidatesQuery,
  compareQuery,
  conflictBody,
  decisionBody,
  editionParams,
  entryBody,
  farmEditionParams,
  scoreBody,
  shortlistExportQuery,
} from "@monitor/contract";
import { type Context, Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { toCsv, toXlsx } from "../export/sectorExport.ts";
import { currentUser, requestedFarm, requireFarm, requireRole, requireUser } from "../middleware/auth.ts";
import { jsonBody, parseWith, pathParams, queryParams } from "../middleware/validate.ts";
import { adminEditions, createEdition, updateEdition } from "../services/awardEditions.ts";
import { enter, farmCalls, withdraw } from "../services/awardEntries.ts";
import {
  candidateDocument,
  candidateList,
  closeShortlist,
  compareCandidates,
  decide,
  declareConflict,
  editionDocument,
  editionFor,
  editionsOf,
  scoreCandidate,
  shortlist,
} from "../services/awards.ts";
import { shortlistTable } from "../services/awardsExport.ts";

/** The edition of the path, for a juror of it or an administrator (404 for anyone else). */
const viewerOf = (c: Context<AppEnv>) =>
  editionFor(
    c.get("deps"),
    currentUser(c),
    parseWith(editionParams.shape.editionId, c.req.param("editionId"), c.get("locale")),
  );
const candidateOf = (c: Context<AppEnv>) => pathParams(c, candidateParams).candidateId;
const editionIdOf = (c: Context<AppEnv>) => pathParams(c, farmEditionParams).editionId;

export const awardRoutes = new Hono<AppEnv>()
  .use("/awards", requireUser())
  .use("/awards/*", requireUser())
  .get("/awards", async (c) => c.json({ editions: await editionsOf(c.get("deps"), currentUser(c)) }))
  .get("/awards/:editionId", async (c) => c.json(await editionDocument(c.get("deps"), await viewerOf(c))))
  .get("/awards/:editionId/candidates", async (c) => {
    const viewer = await viewerOf(c);
    return c.json(await candidateList(c.get("deps"), viewer, queryParams(c, candidatesQuery)));
  })
  .get("/awards/:editionId/compare", async (c) => {
    const viewer = await viewerOf(c);
    const { ids } = queryParams(c, compareQuery);
    return c.json(await compareCandidates(c.get("deps"), viewer, ids, c.get("requestId")));
  })
  .get("/awards/:editionId/candidates/:candidateId", async (c) => {
    const viewer = await viewerOf(c);
    return c.json(await candidateDocument(c.get("deps"), viewer, candidateOf(c), c.get("requestId")));
  })
  .put("/awards/:editionId/candidates/:candidateId/score", async (c) => {
    const viewer = await viewerOf(c);
    const body = await jsonBody(c, scoreBody);
    return c.json(await scoreCandidate(c.get("deps"), viewer, candidateOf(c), body));
  })
  .post("/awards/:editionId/candidates/:candidateId/conflict", async (c) => {
    const viewer = await viewerOf(c);
    const { reason } = await jsonBody(c, conflictBody);
    return c.json(await declareConflict(c.get("deps"), viewer, candidateOf(c), reason));
  })
  .get("/awards/:editionId/shortlist", async (c) => c.json(await shortlist(c.get("deps"), await viewerOf(c))))
  .get("/awards/:editionId/shortlist/export", async (c) => {
    const viewer = await viewerOf(c);
    const { format } = queryParams(c, shortlistExportQuery);
    const table = await shortlistTable(c.get("deps"), viewer, format, c.get("requestId"));
    c.header("Content-Disposition", `attachment; filename="shortlist-${viewer.edition.id}.${format}"`);
    if (format === "csv") return c.body(toCsv(table), 200, { "Content-Type": "text/csv; charset=utf-8" });
    return c.body(new Uint8Array(await toXlsx(table, "shortlist")), 200, {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
  })
  .post("/awards/:editionId/shortlist/close", async (c) =>
    c.json(await closeShortlist(c.get("deps"), await viewerOf(c), c.get("requestId"))),
  )
  .put("/awards/:editionId/shortlist/:candidateId", async (c) => {
    const viewer = await viewerOf(c);
    const body = await jsonBody(c, decisionBody);
    return c.json(await decide(c.get("deps"), viewer, candidateOf(c), body, c.get("requestId")));
  })
  .get("/farms/:farmId/awards", requireUser(), requireFarm("fill_in"), async (c) =>
    c.json(await farmCalls(c.get("deps"), requestedFarm(c))),
  )
  .post("/farms/:farmId/awards/:editionId/entry", requireUser(), requireFarm("fill_in"), async (c) => {
    const editionId = editionIdOf(c);
    const { categories } = await jsonBody(c, entryBody);
    return c.json(await enter(c.get("deps"), currentUser(c), requestedFarm(c), editionId, categories));
  })
  .post("/farms/:farmId/awards/:editionId/withdraw", requireUser(), requireFarm("fill_in"), async (c) =>
    c.json(await withdraw(c.get("deps"), currentUser(c), requestedFarm(c), editionIdOf(c))),
  )
  .use("/admin/awards", requireRole("admin"))
  .use("/admin/awards/*", requireRole("admin"))
  .get("/admin/awards", async (c) => c.json(await adminEditions(c.get("deps"))))
  .post("/admin/awards", async (c) =>
    c.json(await createEdition(c.get("deps"), await jsonBody(c, adminEditionBody))),
  )
  .put("/admin/awards/:editionId", async (c) => {
    const { editionId } = pathParams(c, editionParams);
    return c.json(await updateEdition(c.get("deps"), editionId, await jsonBody(c, adminEditionBody)));
  });
