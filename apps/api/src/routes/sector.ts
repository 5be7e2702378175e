import {
  type AggregateScope,
  adoptionRates,
  aggregateScope,
  round,
  SIZE_CLASSES,
  summarizeHistogram,
  suppressComplementary,
  suppressSummary,
} from "@monitor/domain";
import { getCatalogue, getVersion } from "@monitor/surveys";
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env.ts";
import { currentUser, requireRole } from "../middleware/auth.ts";
import { forbidden } from "../middleware/problem.ts";
import { queryParams } from "../middleware/validate.ts";
import type { Population } from "../repositories/statistics.ts";

const REGIONS = ["flanders", "wallonia", "east_belgium", "netherlands", "france", "germany"] as const;
const organisationId = z.string().regex(/^[a-z0-9_]{1,40}$/);

/** The farm attributes every sector view can be narrowed by. */
export const populationQuery = z.strictObject({
  region: z.enum(REGIONS).optional(),
  province: z.string().trim().min(1).max(60).optional(),
  sizeClass: z.enum(SIZE_CLASSES.map((c) => c.id) as [string, ...string[]]).optional(),
  dairyBuyer: organisationId.optional(),
  certificationBody: organisationId.optional(),
  inspectionBody: organisationId.optional(),
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

const campaignQuery = z.strictObject({ campaign: z.coerce.number().int().positive() });

const figure = (value: number | null, digits: number) => (value === null ? null : round(value, digits));

export const sectorRoutes = new Hono<AppEnv>()
  .use("/sector/*", requireRole("sector_analyst", "admin"))
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
  .get("/sector/adoption", async (c) => {
    const { campaign, ...filters } = queryParams(c, campaignQuery.extend(populationQuery.shape));
    const { repos, config } = c.get("deps");
    const k = config.minGroupSize;
    const adoption = await repos.statistics.adoption(campaign, population(c, filters));
    const themeOf = new Map(getCatalogue().initiatives.map((i) => [i.id, i.theme]));
    const version = await repos.campaigns.get(campaign);
    const ids = version ? (getVersion(version.surveyVersionId)?.initiativeIds ?? []) : [];
    const shown = suppressSummary({ farms: adoption.farms }, k);
    return c.json({
      campaign,
      minGroupSize: k,
      farms: shown.farms,
      suppressed: shown.suppressed,
      initiatives: shown.suppressed
        ? []
        : adoptionRates(
            Object.fromEntries(ids.map((id) => [id, adoption.counts[id] ?? 0])),
            adoption.farms,
          ).map((a) => ({
            initiativeId: a.initiativeId,
            theme: themeOf.get(a.initiativeId) ?? null,
            farms: a.farms,
            rate: figure(a.rate, 4),
          })),
    });
  })
  .get("/sector/trend", async (c) => {
    const { repos, config } = c.get("deps");
    const k = config.minGroupSize;
    const points = await repos.statistics.trendHistograms(population(c, queryParams(c, populationQuery)));
    return c.json({
      minGroupSize: k,
      points: points.map((p) => {
        const summary = suppressSummary(summarizeHistogram(p.bins), k);
        return {
          campaign: p.campaignId,
          year: p.year,
          surveyVersion: p.surveyVersionId,
          farms: summary.farms,
          meanInitiatives: figure(summary.mean, 2),
          medianInitiatives: figure(summary.median, 2),
          shareWithAtLeastOne: figure(summary.shareWithAtLeastOne, 4),
          suppressed: summary.suppressed,
        };
      }),
    });
  });
