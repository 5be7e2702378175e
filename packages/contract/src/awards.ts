import { z } from "zod";
import { surveyVersionId } from "./campaigns.ts";
import {
  count,
  figure,
  idParam,
  regionId,
  shownCount,
  sizeClassId,
  storedAnswers,
  surveyJson,
  timestamp,
} from "./common.ts";
import { ok, type RouteContract } from "./route.ts";

/** The categories an edition can award (labels in the web app's four languages). */
export const AWARD_CATEGORIES = [
  "overall",
  "energy_climate",
  "animal_health_welfare",
  "young_farmer",
] as const;
export const awardCategory = z.enum(AWARD_CATEGORIES);
export type AwardCategory = z.output<typeof awardCategory>;

export const editionStatus = z.enum(["upcoming", "open", "judging", "closed"]);
export type EditionStatusId = z.output<typeof editionStatus>;

export const editionParams = z.strictObject({ editionId: idParam });
export const candidateParams = z.strictObject({ editionId: idParam, candidateId: idParam });
export const farmEditionParams = z.strictObject({ farmId: idParam, editionId: idParam });

/** Theme id → weight; the ranking multiplies each theme's initiatives by it. */
export const themeWeights = z.record(z.string(), z.number().min(0).max(10));

export const editionSummary = z.strictObject({
  id: z.number().int().positive(),
  name: z.string(),
  year: z.number().int(),
  blind: z.boolean(),
  status: editionStatus,
  opensAt: timestamp,
  closesAt: timestamp,
  categories: z.array(awardCategory),
});
export type EditionSummary = z.output<typeof editionSummary>;

/** The editions the user has to do with: a juror's own, a farmer's open calls, every one for an administrator. */
export const awardListResponse = z.strictObject({ editions: z.array(editionSummary) });
export type AwardList = z.output<typeof awardListResponse>;

export const editionResponse = z.strictObject({
  edition: editionSummary.extend({
    campaign: z.strictObject({ id: z.number().int().positive(), year: z.number().int() }),
    /** The themes in the questionnaire's order, each with its weight. */
    weights: z.array(z.strictObject({ theme: z.string(), weight: z.number() })),
    shortlistClosedAt: timestamp.nullable(),
    jurors: count,
  }),
  /** What the user may do here. */
  you: z.strictObject({ juror: z.boolean(), chair: z.boolean(), admin: z.boolean() }),
});
export type EditionDocument = z.output<typeof editionResponse>;

export const candidatesQuery = z.strictObject({
  category: awardCategory.optional(),
  region: regionId.optional(),
  sizeClass: sizeClassId.optional(),
});

/**
 * One candidate as jurors see it. While the edition is blind and its shortlist open, `displayName`
 * is the pseudonym and no field names, numbers or places the farm.
 */
export const candidateSummary = z.strictObject({
  candidateId: z.number().int().positive(),
  displayName: z.string(),
  pseudonym: z.string(),
  /** The first category the farm entered; `categories` lists all. */
  category: awardCategory,
  categories: z.array(awardCategory),
  region: regionId,
  sizeClass: sizeClassId,
  score: z.number(),
  total: count,
  themes: z.record(z.string(), count),
  /** The user's own score (1–10), if given. */
  myScore: z.number().int().nullable(),
});
export type CandidateSummary = z.output<typeof candidateSummary>;

export const candidatesResponse = z.strictObject({
  blind: z.boolean(),
  weights: z.array(z.strictObject({ theme: z.string(), weight: z.number() })),
  candidates: z.array(candidateSummary),
});
export type CandidateList = z.output<typeof candidatesResponse>;

/** Revealed once the shortlist is closed (or in an open review); null while blind. */
export const candidateIdentity = z.strictObject({
  name: z.string(),
  herdNumber: z.string(),
  province: z.string(),
});

const themeScore = z.strictObject({
  theme: z.string(),
  initiatives: count,
  weight: z.number(),
  points: z.number(),
});

export const candidateResponse = z.strictObject({
  candidate: candidateSummary,
  identity: candidateIdentity.nullable(),
  breakdown: z.array(themeScore),
  initiatives: z.array(z.string()),
  answers: z.strictObject({
    surveyVersion: surveyVersionId,
    submittedAt: timestamp.nullable(),
    survey: surveyJson,
    data: storedAnswers,
  }),
  /** The farm against the sector, through the same disclosure control as the sector views. */
  benchmark: z.strictObject({
    sector: z.strictObject({ farms: shownCount, mean: figure, median: figure, suppressed: z.boolean() }),
    percentile: figure,
    themes: z.array(
      z.strictObject({ theme: z.string(), farm: count, sectorMean: figure, sectorMedian: figure }),
    ),
    trend: z.array(z.strictObject({ year: z.number().int(), total: count, sectorMean: figure })),
  }),
  myScore: z
    .strictObject({ score: z.number().int().nullable(), note: z.string(), updatedAt: timestamp })
    .nullable(),
});
export type CandidateDocument = z.output<typeof candidateResponse>;

export const compareQuery = z.strictObject({
  ids: z
    .string()
    .regex(/^\d+(,\d+){1,3}$/)
    .transform((text) => [...new Set(text.split(",").map(Number))])
    .refine((ids) => ids.length >= 2, "2 to 4 different candidates"),
});

export const compareResponse = z.strictObject({
  themes: z.array(z.string()),
  candidates: z.array(
    z.strictObject({
      candidateId: z.number().int().positive(),
      displayName: z.string(),
      score: z.number(),
      total: count,
      themes: z.record(z.string(), count),
      initiatives: z.array(z.string()),
    }),
  ),
  /** Initiatives some compared candidates take and others do not. */
  differences: z.array(z.string()),
});
export type CandidateComparison = z.output<typeof compareResponse>;

export const scoreBody = z.strictObject({
  score: z.number().int().min(1).max(10).nullable(),
  note: z.string().max(4000),
});
export const scoreResponse = z.strictObject({
  score: z.number().int().nullable(),
  note: z.string(),
  updatedAt: timestamp,
});

export const conflictBody = z.strictObject({ reason: z.string().max(500) });
export const conflictResponse = z.strictObject({ declaredAt: timestamp });

export const shortlistDecision = z.enum(["shortlisted", "not_shortlisted"]);
export const decisionBody = z.strictObject({
  decision: shortlistDecision,
  reason: z.string().trim().min(3).max(1000),
});

export const shortlistEntry = z.strictObject({
  candidateId: z.number().int().positive(),
  displayName: z.string(),
  identity: candidateIdentity.nullable(),
  categories: z.array(awardCategory),
  region: regionId,
  sizeClass: sizeClassId,
  score: z.number(),
  /** The jury's scores combined: how many jurors scored, their mean and spread (highest − lowest). */
  jury: z.strictObject({ count, mean: figure, spread: figure }),
  decision: shortlistDecision.nullable(),
  reason: z.string().nullable(),
  decidedAt: timestamp.nullable(),
});
export type ShortlistEntry = z.output<typeof shortlistEntry>;

export const shortlistResponse = z.strictObject({
  closedAt: timestamp.nullable(),
  canDecide: z.boolean(),
  candidates: z.array(shortlistEntry),
});
export type Shortlist = z.output<typeof shortlistResponse>;

export const decisionResponse = shortlistEntry;
export const closeShortlistResponse = z.strictObject({ closedAt: timestamp });
export const shortlistExportQuery = z.strictObject({ format: z.enum(["csv", "xlsx"]).default("csv") });

/** The columns of the shortlist export, in order. */
export const SHORTLIST_EXPORT_COLUMNS = [
  "rank",
  "candidate",
  "name",
  "herd_number",
  "province",
  "region",
  "size_class",
  "categories",
  "score",
  "jurors",
  "mean",
  "spread",
  "decision",
  "reason",
] as const;

/** A farm's place in the open calls: whether it entered, in which categories, and its consent history. */
export const farmAwardCall = z.strictObject({
  edition: editionSummary,
  entered: z.boolean(),
  categories: z.array(awardCategory),
  campaignYear: z.number().int(),
  history: z.array(
    z.strictObject({
      action: z.enum(["given", "withdrawn"]),
      at: timestamp,
      categories: z.array(awardCategory),
    }),
  ),
});
export type FarmAwardCall = z.output<typeof farmAwardCall>;
export const farmAwardsResponse = z.strictObject({ calls: z.array(farmAwardCall) });
export type FarmAwards = z.output<typeof farmAwardsResponse>;

export const entryBody = z.strictObject({
  categories: z.array(awardCategory).min(1).max(AWARD_CATEGORIES.length),
  /** The farmer's explicit consent to share the campaign's monitor with this edition's jury. */
  consent: z.literal(true),
});

export const adminEditionBody = z
  .strictObject({
    name: z.string().trim().min(3).max(200),
    year: z.number().int().min(2014).max(2100),
    campaignId: z.number().int().positive(),
    categories: z.array(awardCategory).min(1),
    opensAt: z.iso.datetime(),
    closesAt: z.iso.datetime(),
    weights: themeWeights,
    blind: z.boolean(),
    jurors: z.array(z.email()).max(50),
    chair: z.email().nullable(),
  })
  .refine((b) => Date.parse(b.opensAt) < Date.parse(b.closesAt), {
    path: ["closesAt"],
    message: "closes after it opens",
  })
  .refine((b) => b.chair === null || b.jurors.map((j) => j.toLowerCase()).includes(b.chair.toLowerCase()), {
    path: ["chair"],
    message: "the chair is one of the jurors",
  });
export type AdminEditionBody = z.input<typeof adminEditionBody>;

export const adminEdition = editionSummary.extend({
  campaignId: z.number().int().positive(),
  weights: themeWeights,
  jurors: z.array(z.string()),
  chair: z.string().nullable(),
  entries: count,
});
export type AdminEdition = z.output<typeof adminEdition>;
export const adminEditionListResponse = z.strictObject({ editions: z.array(adminEdition) });
export type AdminEditionList = z.output<typeof adminEditionListResponse>;

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV = "text/csv; charset=utf-8";
const EDITION_ERRORS = { 404: "No such edition, or not one of the user's" };
const CANDIDATE_ERRORS = { 404: "No such edition or candidate within the user's reach" };

/** The award routes: editions, the farmer's entry, the jury's workspace and the shortlist. */
export const AWARD_ROUTES: readonly RouteContract[] = [
  {
    name: "listAwards",
    method: "GET",
    path: "/api/awards",
    summary: "Award editions: a juror's own, the open calls for a farmer, all for an administrator",
    session: true,
    request: {},
    response: ok(awardListResponse),
  },
  {
    name: "getAward",
    method: "GET",
    path: "/api/awards/:editionId",
    summary: "One edition a juror sits on (or any, for an administrator): weights, categories, window",
    session: true,
    request: { params: editionParams },
    response: ok(editionResponse),
    errors: EDITION_ERRORS,
  },
  {
    name: "listAwardCandidates",
    method: "GET",
    path: "/api/awards/:editionId/candidates",
    summary: "The consenting candidates ranked by the transparent score; pseudonyms while blind",
    session: true,
    request: { params: editionParams, query: candidatesQuery },
    response: ok(candidatesResponse),
    errors: EDITION_ERRORS,
  },
  {
    name: "compareAwardCandidates",
    method: "GET",
    path: "/api/awards/:editionId/compare",
    summary: "2–4 candidates side by side, theme by theme and initiative by initiative (logged)",
    session: true,
    request: { params: editionParams, query: compareQuery },
    response: ok(compareResponse),
    errors: CANDIDATE_ERRORS,
  },
  {
    name: "getAwardCandidate",
    aggregates: true,
    method: "GET",
    path: "/api/awards/:editionId/candidates/:candidateId",
    summary: "A candidate's submitted monitor, score breakdown, benchmark and trend (every view logged)",
    session: true,
    request: { params: candidateParams },
    response: ok(candidateResponse),
    errors: CANDIDATE_ERRORS,
  },
  {
    name: "scoreAwardCandidate",
    method: "PUT",
    path: "/api/awards/:editionId/candidates/:candidateId/score",
    summary: "The juror's own score (1–10) and note, private until the shortlist overview",
    session: true,
    request: { params: candidateParams, body: scoreBody },
    response: ok(scoreResponse, "Saved"),
    errors: { ...CANDIDATE_ERRORS, 403: "Not a juror of this edition", 409: "The shortlist is closed" },
  },
  {
    name: "declareAwardConflict",
    method: "POST",
    path: "/api/awards/:editionId/candidates/:candidateId/conflict",
    summary: "The juror declares a conflict of interest: the farm is hidden from them from then on",
    session: true,
    request: { params: candidateParams, body: conflictBody },
    response: ok(conflictResponse, "Declared"),
    errors: { ...CANDIDATE_ERRORS, 403: "Not a juror of this edition" },
  },
  {
    name: "getAwardShortlist",
    method: "GET",
    path: "/api/awards/:editionId/shortlist",
    summary: "The jury's combined scores (count, mean, spread) and the shortlist decisions",
    session: true,
    request: { params: editionParams },
    response: ok(shortlistResponse),
    errors: EDITION_ERRORS,
  },
  {
    name: "decideAwardShortlist",
    method: "PUT",
    path: "/api/awards/:editionId/shortlist/:candidateId",
    summary: "Shortlist a candidate or not, with a reason (the chair or an administrator)",
    session: true,
    request: { params: candidateParams, body: decisionBody },
    response: ok(decisionResponse, "Decided"),
    errors: { ...CANDIDATE_ERRORS, 403: "Not the chair", 409: "The shortlist is closed" },
  },
  {
    name: "closeAwardShortlist",
    method: "POST",
    path: "/api/awards/:editionId/shortlist/close",
    summary: "Close the shortlist: the candidates' identities are revealed to the jury (logged)",
    session: true,
    request: { params: editionParams },
    response: ok(closeShortlistResponse, "Closed"),
    errors: { ...EDITION_ERRORS, 403: "Not the chair", 409: "Already closed" },
  },
  {
    name: "exportAwardShortlist",
    method: "GET",
    path: "/api/awards/:editionId/shortlist/export",
    summary: "The shortlist overview as CSV or XLSX (pseudonyms while blind; logged)",
    session: true,
    request: { params: editionParams, query: shortlistExportQuery },
    response: { status: 200, description: "One row per candidate, ranked", files: [CSV, XLSX] },
    errors: EDITION_ERRORS,
  },
  {
    name: "listFarmAwards",
    method: "GET",
    path: "/api/farms/:farmId/awards",
    summary: "The open calls for the farm, whether it entered, and its consent history",
    session: true,
    request: { params: z.strictObject({ farmId: idParam }) },
    response: ok(farmAwardsResponse),
  },
  {
    name: "enterAward",
    method: "POST",
    path: "/api/farms/:farmId/awards/:editionId/entry",
    summary: "Enter the farm in categories, consenting to share the campaign's monitor with the jury",
    session: true,
    request: { params: farmEditionParams, body: entryBody },
    response: ok(farmAwardCall, "Entered; the consent is in the ledger"),
    errors: { 404: "No such farm or edition", 409: "The entry window is closed" },
  },
  {
    name: "withdrawAward",
    method: "POST",
    path: "/api/farms/:farmId/awards/:editionId/withdraw",
    summary: "Withdraw the entry and the consent (until the window closes)",
    session: true,
    request: { params: farmEditionParams },
    response: ok(farmAwardCall, "Withdrawn; the withdrawal is in the ledger"),
    errors: { 404: "No such farm or edition", 409: "The entry window is closed, or not entered" },
  },
  {
    name: "listAdminAwards",
    method: "GET",
    path: "/api/admin/awards",
    summary: "Every edition with its settings, jurors and chair",
    session: true,
    request: {},
    response: ok(adminEditionListResponse),
    errors: { 403: "Not an administrator" },
  },
  {
    name: "createAward",
    method: "POST",
    path: "/api/admin/awards",
    summary: "Create an award edition",
    session: true,
    request: { body: adminEditionBody },
    response: ok(adminEdition, "Created"),
    errors: { 403: "Not an administrator", 422: "No such campaign or juror" },
  },
  {
    name: "updateAward",
    method: "PUT",
    path: "/api/admin/awards/:editionId",
    summary: "Change an edition's settings, jurors and chair",
    session: true,
    request: { params: editionParams, body: adminEditionBody },
    response: ok(adminEdition, "Changed"),
    errors: { 403: "Not an administrator", 404: "No such edition", 422: "No such campaign or juror" },
  },
];
