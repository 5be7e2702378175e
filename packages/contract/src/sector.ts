import { FARM_ATTRIBUTE_NAMES, FARM_ATTRIBUTES } from "@monitor/domain";
import { z } from "zod";
import { campaignRef, campaignVersionRef, surveyVersionId } from "./campaigns.ts";
import { count, figure, idParam, locale, regionId, shownCount } from "./common.ts";

type FarmAttributeRow = (typeof FARM_ATTRIBUTES)[number];

/** An organisation id in a filter: a dairy buyer, a certification or an inspection body. */
export const organisationId = z.string().regex(/^[a-z0-9_]{1,40}$/);
/** A value of an attribute without a fixed list (a province): free text of a sensible length. */
const attributeText = z.string().trim().min(1).max(60);

/** The query parameter of one farm attribute: its fixed values, an organisation id, or text. */
type AttributeParam<A extends FarmAttributeRow> = A["values"] extends readonly (infer V extends string)[]
  ? z.ZodOptional<z.ZodEnum<{ [K in V]: K }>>
  : z.ZodOptional<z.ZodString>;
type PopulationShape = { [A in FarmAttributeRow as A["name"]]: AttributeParam<A> };

function attributeParam(attribute: FarmAttributeRow): z.ZodOptional<z.ZodEnum | z.ZodString> {
  if (attribute.values) return z.enum(attribute.values).optional();
  if (attribute.organisationKind) return organisationId.optional();
  return attributeText.optional();
}

/**
 * The farm attributes every sector view can be narrowed by: one optional parameter per row of the
 * farm-attribute table, named like it (`region`, `province`, `sizeClass`, `dairyBuyer`, …).
 */
export const populationQuery = z.strictObject(
  Object.fromEntries(FARM_ATTRIBUTES.map((a) => [a.name, attributeParam(a)])) as unknown as PopulationShape,
);
export type PopulationQuery = z.output<typeof populationQuery>;

const campaignParam = { campaign: idParam };
export const campaignViewQuery = populationQuery.extend(campaignParam);
export type CampaignViewQuery = z.output<typeof campaignViewQuery>;

/** A sector breakdown groups by one farm attribute. */
export const breakdownBy = z.enum(FARM_ATTRIBUTE_NAMES);
export type BreakdownBy = z.output<typeof breakdownBy>;
export const breakdownQuery = campaignViewQuery.extend({ by: breakdownBy });
export type BreakdownQuery = z.output<typeof breakdownQuery>;

export const SECTOR_VIEWS = ["trend", "participation", "adoption", "distribution", "breakdown"] as const;
export type SectorView = (typeof SECTOR_VIEWS)[number];
export const exportQuery = populationQuery.extend({
  view: z.enum(SECTOR_VIEWS),
  format: z.enum(["csv", "xlsx"]).default("csv"),
  lang: locale.optional(),
  campaign: campaignParam.campaign.optional(),
  by: breakdownBy.optional(),
  /** 1: the machine-friendly CSV (keys as headers, commas, fractions, no preamble) for scripts. */
  raw: z.enum(["0", "1"]).optional(),
});
export type ExportQuery = z.output<typeof exportQuery>;

/* Responses. Every figure is computed by the API; null means withheld (fewer than k farms). */

const minGroupSize = z.number().int().min(1);

/** The population an analyst's aggregates cover: all farms, or one organisation's. */
export const aggregateScope = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("all") }),
  z.strictObject({ kind: z.literal("dairy_buyer"), id: z.string() }),
  z.strictObject({ kind: z.literal("certification_body"), id: z.string() }),
]);

export const sectorOverviewResponse = z.strictObject({
  scope: aggregateScope,
  minGroupSize,
  farms: shownCount,
  regions: z.array(z.strictObject({ region: regionId, farms: shownCount, suppressed: z.boolean() })),
});
export type SectorOverview = z.output<typeof sectorOverviewResponse>;

export const sectorOption = z.strictObject({ id: z.string(), label: z.string() });
export type SectorOption = z.output<typeof sectorOption>;

type OptionsShape = { [A in FarmAttributeRow as A["optionList"]]: z.ZodArray<typeof sectorOption> };
/** The values an analyst may filter by, one list per farm attribute (named by its `optionList`). */
export const sectorOptionsResponse = z.strictObject(
  Object.fromEntries(FARM_ATTRIBUTES.map((a) => [a.optionList, z.array(sectorOption)])) as OptionsShape,
);
export type SectorOptions = z.output<typeof sectorOptionsResponse>;

export const sectorTrendPoint = z.strictObject({
  campaign: z.number().int().positive(),
  year: z.number().int(),
  surveyVersion: surveyVersionId,
  farms: shownCount,
  meanInitiatives: figure,
  medianInitiatives: figure,
  shareWithAtLeastOne: figure,
  comparableMean: figure,
  comparableShareWithAtLeastOne: figure,
  suppressed: z.boolean(),
  /** The campaign is still open: its figures will change. */
  provisional: z.boolean(),
});
export type SectorTrendPoint = z.output<typeof sectorTrendPoint>;

export const sectorTrendResponse = z.strictObject({
  minGroupSize,
  /** The initiatives every questionnaire version asks: the comparable figures count these only. */
  comparableInitiatives: z.array(z.string()),
  points: z.array(sectorTrendPoint),
});
export type SectorTrend = z.output<typeof sectorTrendResponse>;

export const sectorParticipationResponse = z.strictObject({
  campaign: campaignRef,
  minGroupSize,
  suppressed: z.boolean(),
  registered: shownCount,
  started: shownCount,
  submitted: shownCount,
  shareSubmitted: figure,
  audits: z.strictObject({
    suppressed: z.boolean(),
    audited: shownCount,
    filledIn: shownCount,
    shareFilledIn: figure,
  }),
});
export type SectorParticipation = z.output<typeof sectorParticipationResponse>;

export const sectorAdoptionResponse = z.strictObject({
  campaign: campaignVersionRef,
  previousCampaign: campaignVersionRef.nullable(),
  minGroupSize,
  farms: shownCount,
  suppressed: z.boolean(),
  /** Empty when the view is withheld. */
  initiatives: z.array(
    z.strictObject({
      initiativeId: z.string(),
      theme: z.string().nullable(),
      /** Farms that take it, with noise; null when fewer than k (withheld). */
      farms: shownCount,
      suppressed: z.boolean(),
      rate: figure,
      previousRate: figure,
      /** Change of the rate since the previous campaign (a fraction: 0.05 is 5 points more). */
      change: figure,
      /** The questionnaire counts it differently than in the previous campaign: the change is not like for like. */
      definitionChanged: z.boolean(),
    }),
  ),
  themes: z.array(
    z.strictObject({
      theme: z.string(),
      meanInitiatives: figure,
      previousMean: figure,
      /** An initiative of the theme is counted differently than in the previous campaign. */
      definitionChanged: z.boolean(),
    }),
  ),
});
export type SectorAdoption = z.output<typeof sectorAdoptionResponse>;

export const sectorDistributionResponse = z.strictObject({
  campaign: campaignRef,
  minGroupSize,
  farms: shownCount,
  suppressed: z.boolean(),
  median: figure,
  q1: figure,
  q3: figure,
  /**
   * Farms per fixed range of initiatives (0–4, 5–9, …; the edges never depend on the data), with
   * noise; a range of fewer than k farms is withheld (empty when the whole view is withheld).
   */
  bins: z.array(z.strictObject({ from: count, to: count, farms: shownCount, suppressed: z.boolean() })),
});
export type SectorDistribution = z.output<typeof sectorDistributionResponse>;

export const sectorBreakdownResponse = z.strictObject({
  campaign: campaignRef,
  by: breakdownBy,
  minGroupSize,
  groups: z.array(
    z.strictObject({
      key: z.string(),
      label: z.string(),
      farms: shownCount,
      meanInitiatives: figure,
      shareWithAtLeastOne: figure,
      suppressed: z.boolean(),
    }),
  ),
});
export type SectorBreakdown = z.output<typeof sectorBreakdownResponse>;
