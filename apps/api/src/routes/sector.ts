import { breakdownQuery, campaignViewQuery, exportQuery, populationQuery } from "@monitor/contract";
import { type AggregateScope, aggregateScope, type FarmAttributeName } from "@monitor/domain";
import { type Context, Hono, type MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { exportFileName, viewCsv, viewXlsx } from "../export/sectorExport.ts";
import { isLocale } from "../i18n/locale.ts";
import { currentUser, requireRole } from "../middleware/auth.ts";
import { queryParams } from "../middleware/validate.ts";
import { forbidden } from "../problem.ts";
import type { Population } from "../repositories/population.ts";
import { campaignById } from "../services/campaigns.ts";
import { exportTable } from "../services/sectorExport.ts";
import { filterOptions, populationOf } from "../services/sectorPopulation.ts";
import {
  adoptionView,
  breakdownView,
  distributionView,
  overviewView,
  participationView,
  trendView,
} from "../services/sectorViews.ts";

function analystScope(c: Context<AppEnv>): AggregateScope {
  const scope = aggregateScope(currentUser(c).grants);
  if (!scope) throw forbidden();
  return scope;
}

/** The analyst's scope narrowed by the farm attributes of the query. */
const population = (
  c: Context<AppEnv>,
  q: Partial<Record<FarmAttributeName, string>> & { by?: FarmAttributeName | undefined },
): Population => populationOf(analystScope(c), q);

/** Every view and export of aggregates is written in the audit log, with its parameters. */
function auditAggregates(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.res.status !== 200) return;
    const { repos, clock } = c.get("deps");
    const action = c.req.path.endsWith("/export") ? "export_aggregate" : "view_aggregate";
    await repos.audit.record(
      {
        userId: currentUser(c).id,
        action,
        entity: "sector",
        entityId: c.req.path.replace("/api/sector/", ""),
        detail: c.req.query(),
        requestId: c.get("requestId"),
      },
      clock(),
    );
  };
}

export const sectorRoutes = new Hono<AppEnv>()
  .use("/sector/*", requireRole("sector_analyst", "admin"))
  .use("/sector/*", auditAggregates())
  .get("/sector/overview", async (c) => {
    return c.json(await overviewView(c.get("deps"), analystScope(c)));
  })
  .get("/sector/options", async (c) => {
    return c.json(await filterOptions(c.get("deps"), analystScope(c), c.get("locale")));
  })
  .get("/sector/trend", async (c) => {
    return c.json(await trendView(c.get("deps"), population(c, queryParams(c, populationQuery))));
  })
  .get("/sector/participation", async (c) => {
    const q = queryParams(c, campaignViewQuery);
    return c.json(
      await participationView(c.get("deps"), await campaignById(c.get("deps"), q.campaign), population(c, q)),
    );
  })
  .get("/sector/adoption", async (c) => {
    const q = queryParams(c, campaignViewQuery);
    return c.json(
      await adoptionView(c.get("deps"), await campaignById(c.get("deps"), q.campaign), population(c, q)),
    );
  })
  .get("/sector/distribution", async (c) => {
    const q = queryParams(c, campaignViewQuery);
    return c.json(
      await distributionView(c.get("deps"), await campaignById(c.get("deps"), q.campaign), population(c, q)),
    );
  })
  .get("/sector/breakdown", async (c) => {
    const q = queryParams(c, breakdownQuery);
    const deps = c.get("deps");
    return c.json(
      await breakdownView(
        deps,
        await campaignById(deps, q.campaign),
        population(c, q),
        q.by,
        c.get("locale"),
      ),
    );
  })
  .get("/sector/export", async (c) => {
    const q = queryParams(c, exportQuery);
    const locale = isLocale(q.lang) ? q.lang : c.get("locale");
    // A breakdown narrows by its own attribute too (region when none is named), other views do not.
    const by = q.view === "breakdown" ? (q.by ?? "region") : undefined;
    const file = await exportTable(c.get("deps"), population(c, { ...q, by }), { ...q, by }, locale);
    const raw = q.raw === "1";
    const filename = exportFileName([...file.name, raw ? "raw" : locale], q.format);
    c.header("Content-Disposition", `attachment; filename="${filename}"`);
    if (q.format === "csv")
      return c.body(viewCsv(file.table, locale, file.about, raw), 200, {
        "Content-Type": "text/csv; charset=utf-8",
      });
    const body = await viewXlsx(file.table, q.view, locale, file.about);
    return c.body(new Uint8Array(body), 200, {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
  });
