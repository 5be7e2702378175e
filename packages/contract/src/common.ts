import { type FARM_ATTRIBUTES, farmAttribute, ROLES, SCOPE_TYPES } from "@monitor/domain";
import { z } from "zod";

/** The four languages of the platform. */
export const LOCALES = ["nl", "fr", "de", "en"] as const;
export const locale = z.enum(LOCALES);
export type Locale = z.output<typeof locale>;

/** A database id in a path or a query: a positive whole number. */
export const idParam = z.coerce.number().int().positive();

/** A whole number of farms, answers, initiatives… */
export const count = z.number().int().nonnegative();
/** A count withheld (null) when it covers fewer farms than the minimum group size. */
export const shownCount = count.nullable();
/** A figure (mean, share, percentile); null when withheld or when there is nothing to compute it over. */
export const figure = z.number().nullable();
/** An instant the API wrote (`Date.toISOString()`). */
export const timestamp = z.iso.datetime();
/** A calendar date or an instant as stored in the register (campaign dates, audit dates). */
export const dateText = z.string().min(1);

/** Paging of a list: the query parameters, and the fields every page carries. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};
export const pageFields = { total: count, limit: z.number().int().min(1), offset: count };
export const page = z.strictObject(pageFields);
export type Page = z.output<typeof page>;

export const role = z.enum(ROLES);
export type Role = z.output<typeof role>;

/** A role with the scope it holds in: all farms, one farm, one organisation, one award edition. */
export const roleGrant = z.strictObject({
  role,
  scope: z.strictObject({ type: z.enum(SCOPE_TYPES), id: z.string().nullable() }),
});
export type RoleGrant = z.output<typeof roleGrant>;

/** Texts of the catalogue in every language. */
export const localizedText = z.strictObject({
  nl: z.string(),
  fr: z.string(),
  de: z.string(),
  en: z.string(),
});

/** A questionnaire (SurveyJS JSON), as the questionnaire files define it. */
export const surveyJson = z.record(z.string(), z.unknown()).meta({ description: "SurveyJS JSON" });

/** Answers by question name, as stored. */
export const storedAnswers = z
  .record(z.string(), z.unknown())
  .meta({ description: "Answers by question name" });

type FarmAttributeRow = (typeof FARM_ATTRIBUTES)[number];
/** The fixed values of a farm attribute (see FARM_ATTRIBUTES in the domain package), typed. */
export type AttributeValues<N extends FarmAttributeRow["name"]> = Extract<
  FarmAttributeRow,
  { name: N }
>["values"];
export const attributeValues = <N extends FarmAttributeRow["name"]>(name: N) =>
  farmAttribute(name).values as AttributeValues<N>;

export const regionId = z.enum(attributeValues("region"));
export const sizeClassId = z.enum(attributeValues("sizeClass"));
