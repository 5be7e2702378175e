import { z } from "zod";
import { dateText } from "./common.ts";

/** A questionnaire version id: the year it was introduced, e.g. `2020`. */
export const surveyVersionId = z.string().regex(/^\d{4}$/);

/** A monitor campaign as every page shows it; `open` is computed at the time of the request. */
export const campaignSummary = z.strictObject({
  id: z.number().int().positive(),
  name: z.string(),
  year: z.number().int(),
  opensAt: dateText,
  closesAt: dateText,
  open: z.boolean(),
});
export type CampaignSummary = z.output<typeof campaignSummary>;

/** A campaign with the questionnaire version it uses. */
export const campaign = campaignSummary.extend({ surveyVersion: surveyVersionId });
export type Campaign = z.output<typeof campaign>;

export const campaignListResponse = z.strictObject({ campaigns: z.array(campaign) });
export type CampaignList = z.output<typeof campaignListResponse>;

/** A campaign named in a figure: its id and year (and the questionnaire version where it matters). */
export const campaignRef = z.strictObject({ id: z.number().int().positive(), year: z.number().int() });
export const campaignVersionRef = campaignRef.extend({ surveyVersion: surveyVersionId });
