import { z } from "zod";
import { count, dateText, idParam, pageFields, pageQuery, regionId } from "./common.ts";

/** A farm of the register. */
export const farm = z.strictObject({
  id: z.number().int().positive(),
  herdNumber: z.string(),
  name: z.string(),
  region: regionId,
  province: z.string(),
  herdSize: count,
  dairyBuyerId: z.string().nullable(),
  certificationBodyId: z.string().nullable(),
  inspectionBodyId: z.string().nullable(),
  active: z.boolean(),
  stoppedOn: dateText.nullable(),
  nextAuditOn: dateText.nullable(),
});
export type Farm = z.output<typeof farm>;

export const farmParams = z.strictObject({ farmId: idParam });

export const farmListQuery = z.strictObject({
  search: z.string().trim().max(100).optional(),
  ...pageQuery,
});
export type FarmListQuery = z.input<typeof farmListQuery>;

export const farmListResponse = z.strictObject({ ...pageFields, farms: z.array(farm) });
export type FarmList = z.output<typeof farmListResponse>;

export const farmResponse = z.strictObject({ farm });
export type FarmResponse = z.output<typeof farmResponse>;
