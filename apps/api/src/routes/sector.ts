import {
  type AggregateScope,
  aggregateScope,
  SIZE_CLASSES,
  suppressComplementary,
  suppressSummary,
} from "@monitor/domain";
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env.ts";
import { catalogueLabels, type Table, toCsv, toXlsx } from "../export/sectorExport.ts";
import { REGION_IDS, regionLabel, sizeClassLabel } from "../i18n/labels.ts";
import { isLocale, LOCALES, type Locale } from "../i18n/locale.ts";
import { currentUser, requireRole } from "../middleware/auth.ts";
import { queryParams } from "../middleware/validate.ts";
import { forbidden } from "../problem.ts";
import { BREAKDOWN_COLUMNS, type BreakdownBy, type Population } from "../repositories/statistics.ts";
import { campaignById, campaignOrLatest } from "../services/campaigns.ts";
import {
  adoptionView,
  breakdownView,
  distributionView,
  participationView,
  trendView,
} from "../services/sectorViews.ts";

const organisationId = z.string().regex(/^[a-z0-9_]{1,40}$/);

/** The farm attributes every sector view can be narrowed by. */
export const populationQuery = z.strictObject({
  region: z.enum(REGION_IDS as [string, ...string[]]).optional(),
  province: z.string().trim().min(1).max(60).optional(),
  sizeClass: z.enum(SIZE_CLASSES.map((c) => c.id) as [string, ...string[]]).optional(),
  dairyBuyer: organisationId.optional(),
  certificationBody: organisationId.optional(),
  inspectionBody: organisationId.optional(),
});
const campaignParam = { campaign: z.coerce.number().int().positive() };
export const campaignViewQuery = populationQuery.extend(campaignParam);
export const breakdownQuery = campaignViewQuery.extend({
  by: z.enum(Object.keys(BREAKDOWN_COLUMNS) as [BreakdownBy, ...BreakdownBy[]]),
});
const VIEWS = ["trend", "participation", "adoption", "distribution", "breakdown"] as const;
export const exportQuery = populationQuery.extend({
  view: z.enum(VIEWS),
  format: z.enum(["csv", "xlsx"]).default("csv"),
  lang: z.enum(LOCALES).optional(),
  campaign: campaignParam.campaign.optional(),
  by: breakdownQuery.shape.by.optional(),
});

function analystScope(c: Context<AppEnv>): AggregateScope {
  const scope = aggregateScope(currentUser(c).grants);
  if (!scope) throw forbidden();
  return scope;
}

function population(c: Context<AppEnv>, q: z.infer<typeof populationQuery>): Population {
  return {
    scope: analystScope(c),
    region: q.region,
    province: q.province,
    sizeClass: q.sizeClass as Population["sizeClass"],
    dairyBuyerId: q.dairyBuyer,
    certificationBodyId: q.certificationBody,
    inspectionBodyId: q.inspectionBody,
  };
}

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

/** One view as a table with fixed columns; labels in the export's language. */
async function viewTable(c: Context<AppEnv>, q: z.infer<typeof exportQuery>, locale: Locale): Promise<Table> {
  const deps = c.get("deps");
  const p = population(c, q);
  if (q.view === "trend") {
    const view = await trendView(deps, p);
    return {
      columns: [
        "year",
        "questionnaire_version",
        "farms",
        "mean_initiatives",
        "median_initiatives",
        "share_with_at_least_one",
        "comparable_mean",
        "comparable_share_with_at_least_one",
        "suppressed",
      ],
      rows: view.points.map((x) => [
        x.year,
        x.surveyVersion,
        x.farms,
        x.meanInitiatives,
        x.medianInitiatives,
        x.shareWithAtLeastOne,
        x.comparableMean,
        x.comparableShareWithAtLeastOne,
        x.suppressed,
      ]),
    };
  }
  const campaign = await campaignOrLatest(c.get("deps"), q.campaign);
  if (q.view === "participation") {
    const v = await participationView(deps, campaign, p);
    return {
      columns: [
        "year",
        "registered",
        "started",
        "submitted",
        "share_submitted",
        "audited",
        "filled_in_at_audit",
        "share_filled_in_at_audit",
        "suppressed",
      ],
      rows: [
        [
          v.campaign.year,
          v.registered,
          v.started,
          v.submitted,
          v.shareSubmitted,
          v.audits.audited,
          v.audits.filledIn,
          v.audits.shareFilledIn,
          v.suppressed,
        ],
      ],
    };
  }
  if (q.view === "adoption") {
    const v = await adoptionView(deps, campaign, p);
    const labels = catalogueLabels(locale);
    const rows = [...v.initiatives].sort(
      (a, b) => (labels.order.get(a.initiativeId) ?? 0) - (labels.order.get(b.initiativeId) ?? 0),
    );
    return {
      columns: ["year", "initiative_id", "initiative", "theme", "farms", "rate", "previous_rate"],
      rows: rows.map((i) => [
        v.campaign.year,
        i.initiativeId,
        labels.initiative(i.initiativeId),
        labels.theme(i.theme),
        i.farms,
        i.rate,
        i.previousRate,
      ]),
    };
  }
  if (q.view === "distribution") {
    const v = await distributionView(deps, campaign, p);
    return {
      columns: ["year", "initiatives_from", "initiatives_to", "farms"],
      rows: v.bins.map((b) => [v.campaign.year, b.from, b.to, b.farms]),
    };
  }
  const v = await breakdownView(deps, campaign, p, q.by ?? "region", locale);
  return {
    columns: [
      "year",
      "by",
      "group_id",
      "group",
      "farms",
      "mean_initiatives",
      "share_with_at_least_one",
      "suppressed",
    ],
    rows: v.groups.map((g) => [
      v.campaign.year,
      v.by,
      g.key,
      g.label,
      g.farms,
      g.meanInitiatives,
      g.shareWithAtLeastOne,
      g.suppressed,
    ]),
  };
}

export const sectorRoutes = new Hono<AppEnv>()
  .use("/sector/*", requireRole("sector_analyst", "admin"))
  .use("/sector/*", auditAggregates())
  .get("/sector/overview", async (c) => {
    const scope = analystScope(c);
    const { repos, config } = c.get("deps");
    const k = config.minGroupSize;
    const regions = await repos.sector.activeFarmsByRegion(scope);
    const total = regions.reduce((sum, r) => sum + r.farms, 0);
    return c.json({
      scope,
      minGroupSize: k,
      farms: suppressSummary({ farms: total }, k).farms,
      regions: suppressComplementary(regions, k, ["region"]),
    });
  })
  .get("/sector/options", async (c) => {
    const scope = analystScope(c);
    const locale = c.get("locale");
    const { repos } = c.get("deps");
    const organisations = await repos.farms.organisations();
    const provinces = await repos.sector.provinces(scope);
    const ofKind = (kind: string) =>
      organisations
        .filter((o) => o.kind === kind)
        .filter((o) => kind !== "dairy_buyer" || scope.kind !== "dairy_buyer" || o.id === scope.id)
        .map((o) => ({ id: o.id, label: o.name }));
    return c.json({
      regions: REGION_IDS.map((id) => ({ id, label: regionLabel(id, locale) })),
      provinces: provinces.map((id) => ({ id, label: id })),
      sizeClasses: SIZE_CLASSES.map((s) => ({ id: s.id, label: sizeClassLabel(s.id, locale) })),
      dairyBuyers: ofKind("dairy_buyer"),
      certificationBodies: ofKind("certification_body"),
      inspectionBodies: ofKind("inspection_body"),
    });
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
    const table = await viewTable(c, q, locale);
    const filename = `sector-${q.view}${q.campaign ? `-${q.campaign}` : ""}.${q.format}`;
    c.header("Content-Disposition", `attachment; filename="${filename}"`);
    if (q.format === "csv") return c.body(toCsv(table), 200, { "Content-Type": "text/csv; charset=utf-8" });
    const body = await toXlsx(table, q.view);
    return c.body(new Uint8Array(body), 200, {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
  });
