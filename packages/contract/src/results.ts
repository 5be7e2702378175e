import { z } from "zod";
import { surveyVersionId } from "./campaigns.ts";
import { count, figure, shownCount } from "./common.ts";

/** The farm against one comparison group (sector, region, size class); withheld below k farms. */
export const comparison = z.strictObject({
  key: z.string(),
  suppressed: z.boolean(),
  farms: shownCount,
  mean: figure,
  median: figure,
  q1: figure,
  q3: figure,
  /** The farm's percentile rank (0..100) in the group. */
  percentile: figure,
});
export type Comparison = z.output<typeof comparison>;

/** A farm's results for one campaign: its own counts, where it stands, its trend, suggestions. */
export const farmResultsResponse = z.strictObject({
  campaign: z.strictObject({
    id: z.number().int().positive(),
    year: z.number().int(),
    surveyVersion: surveyVersionId,
  }),
  minGroupSize: z.number().int().min(1),
  farm: z.strictObject({
    total: count,
    themes: z.record(z.string(), count),
    initiatives: z.array(z.string()),
  }),
  sector: z.strictObject({
    farms: shownCount,
    mean: figure,
    median: figure,
    q1: figure,
    q3: figure,
    suppressed: z.boolean(),
  }),
  percentile: figure,
  region: comparison,
  sizeClass: comparison,
  themes: z.array(
    z.strictObject({ theme: z.string(), farm: count, sectorMean: figure, sectorMedian: figure }),
  ),
  trend: z.array(
    z.strictObject({
      campaignId: z.number().int().positive(),
      year: z.number().int(),
      total: count,
      sectorMean: figure,
    }),
  ),
  suggestions: z.array(
    z.strictObject({ initiativeId: z.string(), theme: z.string().nullable(), adoption: figure }),
  ),
  /** The group the suggestions come from: same region and size class, else the region, else all. */
  suggestionsFrom: z
    .strictObject({ region: z.string().nullable(), sizeClass: z.string().nullable(), farms: count })
    .nullable(),
});
export type FarmResults = z.output<typeof farmResultsResponse>;
