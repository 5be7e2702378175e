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

/** An instant or a calendar date (midnight UTC); stored as an instant. */
const moment = z.union([z.iso.datetime(), z.iso.date()]);

export const campaignParams = z.strictObject({ campaignId: z.coerce.number().int().positive() });

/** A farm's own later deadline in a campaign. */
export const deadlineExtension = z.strictObject({
  farmId: z.number().int().positive(),
  herdNumber: z.string(),
  name: z.string(),
  closesAt: dateText,
});

/** A campaign as administrators manage it: how far it got, and the farms with a later deadline. */
export const adminCampaign = campaign.extend({
  started: z.number().int().nonnegative(),
  submitted: z.number().int().nonnegative(),
  extensions: z.array(deadlineExtension),
});
export type AdminCampaign = z.output<typeof adminCampaign>;

export const adminCampaignListResponse = z.strictObject({ campaigns: z.array(adminCampaign) });
export type AdminCampaignList = z.output<typeof adminCampaignListResponse>;
export const adminCampaignResponse = z.strictObject({ campaign: adminCampaign });
export type AdminCampaignResponse = z.output<typeof adminCampaignResponse>;

export const campaignCreateBody = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    year: z.number().int().min(2000).max(2100),
    surveyVersion: surveyVersionId,
    opensAt: moment,
    closesAt: moment,
  })
  .refine((c) => Date.parse(c.opensAt) < Date.parse(c.closesAt), {
    path: ["closesAt"],
    message: "closesAt must come after opensAt",
  });
export type CampaignCreateBody = z.input<typeof campaignCreateBody>;

/** New dates (open it now, close it, extend the deadline for everyone) or a new name. */
export const campaignPatchBody = z
  .strictObject({
    name: z.string().trim().min(1).max(100).optional(),
    opensAt: moment.optional(),
    closesAt: moment.optional(),
  })
  .refine((c) => c.name !== undefined || c.opensAt !== undefined || c.closesAt !== undefined, {
    message: "nothing to change",
  });
export type CampaignPatchBody = z.input<typeof campaignPatchBody>;

/** Publish a questionnaire version for a campaign. */
export const publishBody = z.strictObject({ surveyVersion: surveyVersionId });
export type PublishBody = z.input<typeof publishBody>;

/** A later deadline for one farm. */
export const extensionBody = z.strictObject({ farmId: z.number().int().positive(), closesAt: moment });
export type ExtensionBody = z.input<typeof extensionBody>;
