/**
 * The figures the disclosure module (packages/domain/src/disclosure.ts) would show for a view, as
 * docs/disclosure-control.md specifies them, computed from the truth: a preview of the attack after
 * the module is integrated in the routes (`DISCLOSURE_SOURCE=simulated`). Only the test uses it; the
 * attack reads the API otherwise.
 */
import {
  combineKeys,
  DEFAULT_DISCLOSURE_PARAMS,
  type DisclosureContext,
  type DisclosureParams,
  fixedBins,
  histogram,
  MEASURE,
  type NoiseKey,
  noiseKey,
  protectCount,
  protectedMean,
  protectFarms,
} from "@monitor/domain";
import type { ReadView, SectorRoute } from "./adapter.ts";
import type { Truth } from "./groundTruth.ts";

/** A fixed secret: the attacker does not know it, and the simulation need not hide it. */
export const SIMULATION_SECRET: NoiseKey = noiseKey("000102030405060708090a0b0c0d0e0f");

export function simulatedView(
  route: SectorRoute,
  truth: Truth,
  campaignId: number,
  farmIds: readonly number[],
  params: DisclosureParams = DEFAULT_DISCLOSURE_PARAMS,
  secret: NoiseKey = SIMULATION_SECRET,
): ReadView {
  const campaign = truth.campaigns.get(campaignId);
  if (!campaign) throw new Error(`campaign ${campaignId} not loaded`);
  const submissions = farmIds.flatMap((id) => {
    const s = campaign.submitted.get(id);
    return s ? [s] : [];
  });
  const ctx: DisclosureContext = {
    viewKey: combineKeys(farmIds.map((id) => truth.farms.get(id)?.recordKey ?? 0)),
    farms: submissions.length,
    campaignId: String(campaignId),
    secret,
    params,
  };
  const farms = protectFarms(ctx).value;
  if (route === "adoption") {
    return {
      bins: [],
      figures: [
        { measure: MEASURE.farms, kind: "count", value: farms },
        ...campaign.initiativeIds.map((id) => ({
          measure: MEASURE.initiative(id),
          kind: "count" as const,
          value: protectCount(
            submissions.filter((s) => s.initiatives.has(id)).length,
            ctx,
            MEASURE.initiative(id),
          ).value,
        })),
      ],
    };
  }
  if (route === "trend") {
    const sum = submissions.reduce((n, s) => n + s.total, 0);
    return {
      bins: [],
      figures: [
        { measure: MEASURE.farms, kind: "count", value: farms },
        {
          measure: MEASURE.sumTotal,
          kind: "mean",
          mean: protectedMean(sum, submissions.length, ctx, MEASURE.sumTotal).value,
          farms,
          decimals: 1,
        },
      ],
    };
  }
  const bins =
    farms === null
      ? []
      : fixedBins(histogram(submissions.map((s) => s.total)), campaign.initiativeIds.length, ctx);
  return {
    bins: bins.map((b) => ({ from: b.lo, to: b.hi, farms: b.value })),
    figures: [
      { measure: MEASURE.farms, kind: "count", value: farms },
      ...bins.map((b) => ({ measure: `bin:${b.lo}-${b.hi}`, kind: "count" as const, value: b.value })),
    ],
  };
}
