import { createHash } from "node:crypto";
import { mergeAnswers, mergeCarriedOver } from "@monitor/domain";
import {
  carryOver,
  countInitiatives,
  deriveInitiatives,
  getVersion,
  validateAnswers,
} from "@monitor/surveys";
import type { AppDeps, CurrentUser } from "../env.ts";
import type { Locale } from "../i18n/locale.ts";
import { notFound, Problem } from "../problem.ts";
import type { Campaign } from "../repositories/campaigns.ts";
import { responseCounts } from "../repositories/counters.ts";
import type { Farm } from "../repositories/farms.ts";
import type { Answers, MonitorResponse } from "../repositories/responses.ts";
import { campaignForFarm, campaignSummary, isOpenForFarm, surveyVersionOf } from "./campaigns.ts";

function responseSummary(response: MonitorResponse) {
  return {
    status: response.status,
    version: response.version,
    data: response.data,
    page: response.page,
    updatedAt: response.updatedAt,
    submittedAt: response.submittedAt,
    carriedOver: response.carriedOver,
  };
}

/** Where a new monitor's answers come from: the farm's last submission, carried over to `version`. */
async function carriedOverStart(deps: AppDeps, farm: Farm, campaign: Campaign) {
  const version = surveyVersionOf(campaign);
  const previous = await deps.repos.responses.latestSubmittedBefore(farm.id, campaign.year);
  const previousVersion = previous && getVersion(previous.surveyVersionId);
  if (!previous || !previousVersion) return { data: {}, questions: [] as string[], from: null };
  const carried = carryOver(previousVersion, previous.data, version);
  const campaignOfPrevious = await deps.repos.campaigns.get(previous.campaignId);
  return {
    ...carried,
    from: { campaignYear: campaignOfPrevious?.year ?? 0, surveyVersion: previous.surveyVersionId },
  };
}

/** The monitor as the farmer opens it: a stored response, or a new one pre-filled from last time. */
export async function monitorDocument(deps: AppDeps, farm: Farm, campaign: Campaign) {
  const version = surveyVersionOf(campaign);
  const stored = await deps.repos.responses.find(farm.id, campaign.id);
  let response:
    | ReturnType<typeof responseSummary>
    | (Omit<ReturnType<typeof responseSummary>, "status"> & { status: "not_started" });
  let carriedOverFrom: { campaignYear: number; surveyVersion: string } | null = null;
  let reopened: { at: string; reason: string } | null = null;
  if (stored) {
    response = responseSummary(stored);
    // The notice names the year the carried answers come from, after a reload too.
    if (stored.carriedOver.length) carriedOverFrom = (await carriedOverStart(deps, farm, campaign)).from;
    if (stored.status === "draft") reopened = (await deps.repos.audit.lastReopening(stored.id)) ?? null;
  } else {
    const carried = await carriedOverStart(deps, farm, campaign);
    if (carried.questions.length) carriedOverFrom = carried.from;
    response = {
      status: "not_started",
      version: 0,
      data: carried.data,
      page: 0,
      updatedAt: null as unknown as string,
      submittedAt: null,
      carriedOver: carried.questions,
    };
  }
  return {
    campaign: campaignSummary(await campaignForFarm(deps, campaign, farm.id), deps.clock()),
    farm: { id: farm.id, herdNumber: farm.herdNumber, name: farm.name, nextAuditOn: farm.nextAuditOn },
    surveyVersion: { id: version.id, year: version.year, contentHash: version.contentHash },
    survey: version.json,
    response,
    carriedOverFrom,
    reopened,
  };
}

export interface SaveRequest {
  farm: Farm;
  campaign: Campaign;
  user: CurrentUser;
  locale: Locale;
  expectedVersion: number;
  data: Answers;
  page: number;
  carriedOver: string[];
  /** Merge a stale save per question with what was saved since, instead of refusing it. */
  merge: boolean;
  idempotencyKey: string | undefined;
}

export type SaveOutcome = { status: number; body: unknown };

/** Open for this farm: a deadline extension of its own counts. */
async function assertOpen(deps: AppDeps, campaign: Campaign, farmId: number) {
  if (!(await isOpenForFarm(deps, campaign, farmId))) throw new Problem(409, "campaign_closed");
}

function answerProblem(errors: { question: string; message: string }[]) {
  return new Problem(
    422,
    "invalid_answers",
    undefined,
    errors.map((e) => ({ path: e.question, message: e.message })),
  );
}

/** Saves a draft: checked on the server, refused when stale, harmless when retried with its key. */
export async function saveAnswers(deps: AppDeps, request: SaveRequest): Promise<SaveOutcome> {
  const { repos } = deps;
  const requestHash = createHash("sha256")
    .update(
      JSON.stringify([
        request.farm.id,
        request.campaign.id,
        request.expectedVersion,
        request.data,
        request.page,
        request.carriedOver,
        request.merge,
      ]),
    )
    .digest("hex");
  if (request.idempotencyKey) {
    const earlier = await repos.idempotency.find(request.user.id, request.idempotencyKey);
    if (earlier) {
      if (earlier.requestHash !== requestHash) throw new Problem(422, "idempotency_key_reused");
      return { status: earlier.status, body: earlier.body };
    }
  }
  await assertOpen(deps, request.campaign, request.farm.id);
  const version = surveyVersionOf(request.campaign);
  const errors = validateAnswers(version, request.data, request.locale, "save");
  if (errors.length) throw answerProblem(errors);

  const current = await repos.responses.find(request.farm.id, request.campaign.id);
  if (current?.status === "submitted")
    throw new Problem(409, "already_submitted", undefined, undefined, { current: responseSummary(current) });
  const saved = await writeDraft(deps, request, requestHash, request.expectedVersion, {
    data: request.data,
    carriedOver: request.carriedOver,
  });
  if (saved) return saved;
  // A copy of this same request that won the race wrote its key with its save: answer as it did.
  const winner = request.idempotencyKey
    ? await repos.idempotency.find(request.user.id, request.idempotencyKey)
    : undefined;
  if (winner?.requestHash === requestHash) return { status: winner.status, body: winner.body };
  if (request.merge) return mergeStaleSave(deps, request, requestHash);
  const latest = await repos.responses.find(request.farm.id, request.campaign.id);
  throw new Problem(409, "stale_version", undefined, undefined, {
    current: latest ? responseSummary(latest) : null,
  });
}

/** Writes a draft over `expectedVersion`, with its idempotency record; undefined when stale. */
async function writeDraft(
  deps: AppDeps,
  request: SaveRequest,
  requestHash: string,
  expectedVersion: number,
  answers: { data: Answers; carriedOver: string[] },
  merged = false,
): Promise<SaveOutcome | undefined> {
  const { repos, clock } = deps;
  const version = surveyVersionOf(request.campaign);
  const now = clock();
  const known = new Set(Object.keys(answers.data));
  const carriedOver = answers.carriedOver.filter((name) => known.has(name));
  const body = {
    status: "draft",
    version: expectedVersion + 1,
    updatedAt: now.toISOString(),
    ...(merged ? { merged: { data: answers.data, carriedOver } } : {}),
  };
  const saved = await repos.responses.saveDraft(
    {
      farmId: request.farm.id,
      campaignId: request.campaign.id,
      surveyVersionId: version.id,
      surveyHash: version.contentHash,
      expectedVersion,
      data: answers.data,
      carriedOver,
      page: request.page,
      locale: request.locale,
      userId: request.user.id,
      now,
    },
    () =>
      request.idempotencyKey
        ? [repos.idempotency.statement(request.user.id, request.idempotencyKey, requestHash, 200, body, now)]
        : [],
  );
  return saved ? { status: 200, body } : undefined;
}

/** Questions the form calculates from other answers (expression questions), by questionnaire. */
const computedByQuestionnaire = new WeakMap<object, ReadonlySet<string>>();

function computedQuestions(json: object): ReadonlySet<string> {
  let names = computedByQuestionnaire.get(json);
  if (!names) {
    const found = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) for (const item of node) walk(item);
      else if (node && typeof node === "object") {
        const element = node as Record<string, unknown>;
        if (element.type === "expression" && typeof element.name === "string") found.add(element.name);
        for (const value of Object.values(element)) if (typeof value === "object") walk(value);
      }
    };
    walk(json);
    names = found;
    computedByQuestionnaire.set(json, names);
  }
  return names;
}

/** How often a merge is tried again when yet another save lands between reading and writing. */
const MERGE_ATTEMPTS = 3;

/**
 * A save that started from an older version: merged per question with what was saved since (the
 * revision at its version is the common base), so two devices changing different questions both
 * keep their change; the same question changed on both is a 409 with the conflicts to choose from.
 */
async function mergeStaleSave(
  deps: AppDeps,
  request: SaveRequest,
  requestHash: string,
): Promise<SaveOutcome> {
  const { repos } = deps;
  for (let attempt = 0; attempt < MERGE_ATTEMPTS; attempt++) {
    const current = await repos.responses.find(request.farm.id, request.campaign.id);
    if (!current || current.status === "submitted")
      throw new Problem(409, current ? "already_submitted" : "stale_version", undefined, undefined, {
        current: current ? responseSummary(current) : null,
      });
    const base =
      request.expectedVersion === 0
        ? (await carriedOverStart(deps, request.farm, request.campaign)).data
        : await repos.responses.answersAt(current.id, request.expectedVersion);
    if (!base || request.expectedVersion > current.version)
      throw new Problem(409, "stale_version", undefined, undefined, { current: responseSummary(current) });
    const questionnaire = surveyVersionOf(request.campaign);
    const merge = mergeAnswers(base, request.data, current.data, computedQuestions(questionnaire.json));
    const carriedOver = mergeCarriedOver(request.carriedOver, current.carriedOver);
    if (merge.conflicts.length)
      throw new Problem(409, "stale_version", undefined, undefined, {
        current: responseSummary(current),
        conflicts: merge.conflicts,
        merged: { data: merge.data, carriedOver },
      });
    const errors = validateAnswers(questionnaire, merge.data, request.locale, "save");
    if (errors.length) throw answerProblem(errors);
    const saved = await writeDraft(
      deps,
      request,
      requestHash,
      current.version,
      { data: merge.data, carriedOver },
      true,
    );
    if (saved) return saved;
  }
  const latest = await repos.responses.find(request.farm.id, request.campaign.id);
  throw new Problem(409, "stale_version", undefined, undefined, {
    current: latest ? responseSummary(latest) : null,
  });
}

/** Submits the stored draft after the full server check; derives its initiatives in the same batch. */
export async function submitMonitor(
  deps: AppDeps,
  farm: Farm,
  campaign: Campaign,
  user: CurrentUser,
  locale: Locale,
  requestId: string,
) {
  const { repos, clock } = deps;
  await assertOpen(deps, campaign, farm.id);
  const response = await repos.responses.find(farm.id, campaign.id);
  if (!response) throw new Problem(409, "not_started");
  if (response.status === "submitted") throw new Problem(409, "already_submitted");
  const version = surveyVersionOf(campaign);
  const errors = validateAnswers(version, response.data, locale, "submit");
  if (errors.length) throw answerProblem(errors);

  const counted = deriveInitiatives(version, response.data);
  const now = clock();
  const submitted = await repos.responses.submit(response, counted.initiatives, user.id, now, (condition) => [
    repos.audit.statement(
      {
        userId: user.id,
        action: "submit",
        entity: "response",
        entityId: response.id,
        detail: { farmId: farm.id, campaignId: campaign.id, initiatives: counted.total },
        requestId,
      },
      now,
      condition,
    ),
    ...repos.counters.changeStatements(
      campaign.id,
      farm.id,
      responseCounts(counted.initiatives),
      1,
      condition,
    ),
  ]);
  if (!submitted) throw new Problem(409, "stale_version");
  return {
    submittedAt: now.toISOString(),
    version: response.version + 1,
    initiatives: { total: counted.total, perTheme: counted.perTheme, ids: counted.ids },
  };
}

/** What the farmer shows the auditor: the submission, its counts per theme, and every answer. */
export async function receiptOf(deps: AppDeps, farm: Farm, campaign: Campaign) {
  const response = await deps.repos.responses.find(farm.id, campaign.id);
  if (!response) throw notFound();
  if (response.status !== "submitted") throw new Problem(409, "not_submitted");
  const version = getVersion(response.surveyVersionId);
  if (!version)
    throw new Error(`response ${response.id} names unknown questionnaire ${response.surveyVersionId}`);
  const counted = countInitiatives(version, response.data);
  const submitter = response.submittedBy ? await deps.repos.users.findById(response.submittedBy) : undefined;
  return {
    farm: {
      id: farm.id,
      herdNumber: farm.herdNumber,
      name: farm.name,
      region: farm.region,
      province: farm.province,
    },
    campaign: campaignSummary(campaign, deps.clock()),
    surveyVersion: { id: version.id, year: version.year, contentHash: response.surveyHash },
    submittedAt: response.submittedAt,
    submittedBy: submitter?.name ?? null,
    responseVersion: response.version,
    initiatives: { total: counted.total, perTheme: counted.perTheme, ids: counted.initiatives },
    survey: version.json,
    data: response.data,
  };
}

/** An administrator opens a submitted monitor again; its counts leave the statistics in the same batch. */
export async function reopenMonitor(
  deps: AppDeps,
  responseId: number,
  user: CurrentUser,
  reason: string,
  requestId: string,
) {
  const { repos, clock } = deps;
  const response = await repos.responses.getById(responseId);
  if (!response) throw notFound();
  if (response.status !== "submitted") throw new Problem(409, "not_submitted");
  // Reopened in a closed campaign, a monitor could never be submitted again and its farm would
  // drop out of that campaign's figures: the deadline must be extended first.
  const campaign = await repos.campaigns.get(response.campaignId);
  if (!campaign || !(await isOpenForFarm(deps, campaign, response.farmId)))
    throw new Problem(409, "campaign_closed_reopen");
  const derived = await repos.responses.initiativesOf(response.id);
  const now = clock();
  const reopened = await repos.responses.reopen(response, user.id, now, (condition) => [
    repos.audit.statement(
      {
        userId: user.id,
        action: "reopen",
        entity: "response",
        entityId: response.id,
        detail: { reason, farmId: response.farmId },
        requestId,
      },
      now,
      condition,
    ),
    ...repos.counters.changeStatements(
      response.campaignId,
      response.farmId,
      responseCounts(derived),
      -1,
      condition,
    ),
  ]);
  if (!reopened) throw new Problem(409, "stale_version");
  return { status: "draft" as const, version: response.version + 1 };
}
