import type { CandidateDocument, CandidateSummary, EditionSummary, ShortlistEntry } from "@monitor/contract";
import {
  awardScore,
  combineScores,
  editionStatus,
  initiativeDifferences,
  isJurorOf,
  rankByScore,
  redactAnswers,
  redactIdentity,
  sizeClassOf,
} from "@monitor/domain";
import { getCatalogue, getVersion } from "@monitor/surveys";
import type { AppDeps, CurrentUser } from "../env.ts";
import { forbidden, notFound, Problem } from "../problem.ts";
import type { CandidateRow, Edition } from "../repositories/awards.ts";
import { farmResults } from "./results.ts";

/** Who looks at an edition, and what they may do there. */
export interface EditionViewer {
  user: CurrentUser;
  edition: Edition;
  juror: boolean;
  chair: boolean;
  admin: boolean;
}

const themeIds = () => getCatalogue().themes.map((t) => t.id as string);

export function summaryOf(edition: Edition, now: Date): EditionSummary {
  return {
    id: edition.id,
    name: edition.name,
    year: edition.year,
    blind: edition.blind,
    status: editionStatus(edition, now),
    opensAt: edition.opensAt,
    closesAt: edition.closesAt,
    categories: edition.categories as EditionSummary["categories"],
  };
}

/** Identities stay hidden while the edition is blind and its shortlist open. */
export const isBlind = (edition: Edition) => edition.blind && edition.shortlistClosedAt === null;

/**
 * The edition for a juror sitting on it or an administrator; any other user gets 404, exactly
 * like an edition that does not exist.
 */
export async function editionFor(
  deps: AppDeps,
  user: CurrentUser,
  editionId: number,
): Promise<EditionViewer> {
  const edition = await deps.repos.awards.edition(editionId);
  const juror = isJurorOf(user.grants, editionId);
  const admin = user.grants.some((g) => g.role === "admin");
  if (!edition || !(juror || admin)) throw notFound();
  return { user, edition, juror, chair: juror && edition.chairUserId === user.id, admin };
}

/** The editions a user has to do with: a juror's own, the open calls for a farmer, all for an administrator. */
export async function editionsOf(deps: AppDeps, user: CurrentUser): Promise<EditionSummary[]> {
  const now = deps.clock();
  const admin = user.grants.some((g) => g.role === "admin");
  const farmer = user.grants.some((g) => g.role === "farmer");
  return (await deps.repos.awards.editions())
    .filter((e) => admin || isJurorOf(user.grants, e.id) || (farmer && editionStatus(e, now) === "open"))
    .map((e) => summaryOf(e, now));
}

export async function editionDocument(deps: AppDeps, viewer: EditionViewer) {
  const { edition } = viewer;
  const campaign = await deps.repos.campaigns.get(edition.campaignId);
  return {
    edition: {
      ...summaryOf(edition, deps.clock()),
      campaign: { id: edition.campaignId, year: campaign?.year ?? edition.year },
      weights: weightsOf(edition),
      shortlistClosedAt: edition.shortlistClosedAt,
      jurors: (await deps.repos.awards.jurors(edition.id)).length,
    },
    you: { juror: viewer.juror, chair: viewer.chair, admin: viewer.admin },
  };
}

const weightsOf = (edition: Edition) =>
  themeIds().map((theme) => ({ theme, weight: edition.weights[theme] ?? 0 }));

/** The candidates the viewer may see, scored and ranked; conflicts and missing consents never reach here. */
async function scored(deps: AppDeps, viewer: EditionViewer, only?: readonly number[]) {
  const { awards } = deps.repos;
  const rows = await awards.candidates(viewer.edition.id, viewer.user.id, only);
  const [counts, mine] = await Promise.all([
    awards.themeCounts(rows.map((r) => r.responseId)),
    awards.scoresOf(viewer.edition.id, viewer.user.id),
  ]);
  const themes = themeIds();
  const blind = isBlind(viewer.edition);
  return rankByScore(
    rows.map((row) => {
      const perTheme = counts.get(row.responseId) ?? {};
      const score = awardScore(themes, viewer.edition.weights, perTheme);
      const summary: CandidateSummary = {
        candidateId: row.candidateId,
        displayName: blind ? row.pseudonym : row.name,
        pseudonym: row.pseudonym,
        category: (row.categories[0] ?? "overall") as CandidateSummary["category"],
        categories: row.categories as CandidateSummary["categories"],
        region: row.region as CandidateSummary["region"],
        sizeClass: sizeClassOf(row.herdSize),
        score: score.score,
        total: row.total,
        themes: Object.fromEntries(themes.map((t) => [t, perTheme[t] ?? 0])),
        myScore: mine.get(row.candidateId)?.score ?? null,
      };
      return { ...summary, row, breakdown: score.breakdown };
    }),
  );
}

const identityOf = (edition: Edition, row: CandidateRow) =>
  isBlind(edition) ? null : { name: row.name, herdNumber: row.herdNumber, province: row.province };

/**
 * The one place where text a juror reads is cleared of the farm's identity while the review is
 * blind: the farmer's answers and the shortlist's reasons. Once the shortlist closes, text is shown as typed.
 */
function redactionFor(edition: Edition, row: CandidateRow) {
  const blind = isBlind(edition);
  return {
    text: (text: string) => (blind ? redactIdentity(text, row, row.pseudonym) : text),
    answers: <T>(data: T) => (blind ? redactAnswers(data, row, row.pseudonym) : data),
  };
}

const publicSummary = ({
  row: _row,
  breakdown: _breakdown,
  ...summary
}: Awaited<ReturnType<typeof scored>>[number]) => summary;

export async function candidateList(
  deps: AppDeps,
  viewer: EditionViewer,
  filter: { category?: string | undefined; region?: string | undefined; sizeClass?: string | undefined },
) {
  const all = await scored(deps, viewer);
  const candidates = all
    .filter((c) => !filter.category || c.categories.includes(filter.category as never))
    .filter((c) => !filter.region || c.region === filter.region)
    .filter((c) => !filter.sizeClass || c.sizeClass === filter.sizeClass)
    .map(publicSummary);
  return { blind: isBlind(viewer.edition), weights: weightsOf(viewer.edition), candidates };
}

/** One candidate's submitted monitor, score breakdown and benchmark; the view is written in the audit log. */
export async function candidateDocument(
  deps: AppDeps,
  viewer: EditionViewer,
  candidateId: number,
  requestId: string,
): Promise<CandidateDocument> {
  const { repos, clock } = deps;
  const [candidate] = await scored(deps, viewer, [candidateId]);
  if (!candidate) throw notFound();
  const [farm, campaign, response] = await Promise.all([
    repos.farms.get(candidate.row.farmId),
    repos.campaigns.get(viewer.edition.campaignId),
    repos.responses.getById(candidate.row.responseId),
  ]);
  if (!farm || !campaign || !response) throw notFound();
  const version = getVersion(response.surveyVersionId);
  if (!version)
    throw new Error(`response ${response.id} names unknown questionnaire ${response.surveyVersionId}`);
  const [results, taken, mine] = await Promise.all([
    farmResults(deps, farm, campaign),
    repos.awards.initiatives([response.id]),
    repos.awards.scoresOf(viewer.edition.id, viewer.user.id),
  ]);
  await repos.audit.record(
    {
      userId: viewer.user.id,
      action: "view",
      entity: "award_candidate",
      entityId: candidateId,
      detail: { editionId: viewer.edition.id, farmId: farm.id, what: "answers" },
      requestId,
    },
    clock(),
  );
  return {
    candidate: publicSummary(candidate),
    identity: identityOf(viewer.edition, candidate.row),
    breakdown: candidate.breakdown,
    initiatives: taken.get(response.id) ?? [],
    answers: {
      surveyVersion: version.id,
      submittedAt: response.submittedAt,
      survey: version.json,
      data: redactionFor(viewer.edition, candidate.row).answers(response.data),
    },
    benchmark: {
      sector: {
        farms: results.sector.farms,
        mean: results.sector.mean,
        median: results.sector.median,
        suppressed: results.sector.suppressed,
      },
      percentile: results.percentile,
      themes: results.themes,
      trend: results.trend.map((t) => ({ year: t.year, total: t.total, sectorMean: t.sectorMean })),
    },
    myScore: mine.get(candidateId) ?? null,
  };
}

/** 2–4 candidates side by side; each one's initiatives count as a view of its answers (logged). */
export async function compareCandidates(
  deps: AppDeps,
  viewer: EditionViewer,
  ids: readonly number[],
  requestId: string,
) {
  if (ids.length < 2 || ids.length > 4) throw new Problem(400, "invalid_request");
  const candidates = await scored(deps, viewer, ids);
  if (candidates.length !== ids.length) throw notFound();
  const taken = await deps.repos.awards.initiatives(candidates.map((c) => c.row.responseId));
  const now = deps.clock();
  await deps.db.write(
    candidates.map((c) =>
      deps.repos.audit.statement(
        {
          userId: viewer.user.id,
          action: "compare",
          entity: "award_candidate",
          entityId: c.candidateId,
          detail: { editionId: viewer.edition.id, farmId: c.row.farmId, with: ids },
          requestId,
        },
        now,
      ),
    ),
  );
  const initiatives = candidates.map((c) => taken.get(c.row.responseId) ?? []);
  return {
    themes: themeIds(),
    candidates: candidates.map((c, i) => ({
      candidateId: c.candidateId,
      displayName: c.displayName,
      score: c.score,
      total: c.total,
      themes: c.themes,
      initiatives: initiatives[i] ?? [],
    })),
    differences: [...initiativeDifferences(initiatives)].sort(),
  };
}

function requireJuror(viewer: EditionViewer) {
  if (!viewer.juror) throw forbidden();
}

async function reachable(deps: AppDeps, viewer: EditionViewer, candidateId: number) {
  const [row] = await deps.repos.awards.candidates(viewer.edition.id, viewer.user.id, [candidateId]);
  if (!row) throw notFound();
  return row;
}

export async function scoreCandidate(
  deps: AppDeps,
  viewer: EditionViewer,
  candidateId: number,
  body: { score: number | null; note: string },
) {
  requireJuror(viewer);
  await reachable(deps, viewer, candidateId);
  if (viewer.edition.shortlistClosedAt) throw new Problem(409, "award_shortlist_closed");
  const now = deps.clock();
  await deps.repos.awards.saveScore(candidateId, viewer.user.id, body.score, body.note, now);
  return { score: body.score, note: body.note, updatedAt: now.toISOString() };
}

export async function declareConflict(
  deps: AppDeps,
  viewer: EditionViewer,
  candidateId: number,
  reason: string,
) {
  requireJuror(viewer);
  await reachable(deps, viewer, candidateId);
  const now = deps.clock();
  await deps.repos.awards.declareConflict(candidateId, viewer.user.id, reason, now);
  return { declaredAt: now.toISOString() };
}

const canDecide = (viewer: EditionViewer) => viewer.chair || viewer.admin;

/** The jury's combined scores and the decisions, ranked by the transparent score. */
export async function shortlist(deps: AppDeps, viewer: EditionViewer) {
  const [candidates, scores, decisions] = await Promise.all([
    scored(deps, viewer),
    deps.repos.awards.allScores(viewer.edition.id),
    deps.repos.awards.decisions(viewer.edition.id),
  ]);
  const entries: ShortlistEntry[] = candidates.map((c) => {
    const decision = decisions.get(c.candidateId);
    return {
      candidateId: c.candidateId,
      displayName: c.displayName,
      identity: identityOf(viewer.edition, c.row),
      categories: c.categories,
      region: c.region,
      sizeClass: c.sizeClass,
      score: c.score,
      jury: combineScores(scores.get(c.candidateId) ?? []),
      decision: (decision?.decision ?? null) as ShortlistEntry["decision"],
      reason: decision ? redactionFor(viewer.edition, c.row).text(decision.reason) : null,
      decidedAt: decision?.at ?? null,
    };
  });
  return {
    closedAt: viewer.edition.shortlistClosedAt,
    canDecide: canDecide(viewer) && viewer.edition.shortlistClosedAt === null,
    candidates: entries,
  };
}

function requireOpenShortlist(viewer: EditionViewer) {
  if (!canDecide(viewer)) throw forbidden();
  if (viewer.edition.shortlistClosedAt) throw new Problem(409, "award_shortlist_closed");
}

export async function decide(
  deps: AppDeps,
  viewer: EditionViewer,
  candidateId: number,
  body: { decision: string; reason: string },
  requestId: string,
) {
  requireOpenShortlist(viewer);
  await reachable(deps, viewer, candidateId);
  const now = deps.clock();
  await deps.db.write([
    deps.repos.awards.decisionStatement(candidateId, body.decision, body.reason, viewer.user.id, now),
    deps.repos.audit.statement(
      {
        userId: viewer.user.id,
        action: "decide",
        entity: "award_candidate",
        entityId: candidateId,
        detail: { editionId: viewer.edition.id, decision: body.decision },
        requestId,
      },
      now,
    ),
  ]);
  const entry = (await shortlist(deps, viewer)).candidates.find((c) => c.candidateId === candidateId);
  if (!entry) throw notFound();
  return entry;
}

/** Closing the shortlist reveals the candidates' identities to the jury; written in the audit log. */
export async function closeShortlist(deps: AppDeps, viewer: EditionViewer, requestId: string) {
  requireOpenShortlist(viewer);
  const now = deps.clock();
  const [closed] = await deps.db.write([
    deps.repos.awards.closeStatement(viewer.edition.id, viewer.user.id, now),
    deps.repos.audit.statement(
      {
        userId: viewer.user.id,
        action: "close_shortlist",
        entity: "award_edition",
        entityId: viewer.edition.id,
        detail: { revealed: viewer.edition.blind },
        requestId,
      },
      now,
      { sql: "changes() = 1", args: [] },
    ),
  ]);
  if (closed?.rowsAffected !== 1) throw new Problem(409, "award_shortlist_closed");
  return { closedAt: now.toISOString() };
}
