/**
 * The truth behind the views, read from the database (the test may, the attacker may not): which
 * farms a view covers (submitted in the campaign, matching the filters by each attribute's `sql` in
 * FARM_ATTRIBUTES in the campaign's year, within the analyst's scope), and each farm's initiatives
 * and total.
 */
import {
  type AggregateScope,
  type AttributeFilter,
  FARM_ATTRIBUTES,
  type FarmAttributeName,
} from "@monitor/domain";
import { getVersion } from "@monitor/surveys";
import type { Database } from "../../../apps/api/src/db/client.ts";

export interface FarmRecord {
  id: number;
  herdNumber: string;
  /** The farm's secret record key (0 when the database has none): only the simulation uses it. */
  recordKey: number;
}

export interface Submission {
  total: number;
  initiatives: ReadonlySet<string>;
}

export interface CampaignTruth {
  id: number;
  year: number;
  surveyVersionId: string;
  /** The questionnaire's initiatives: the most a farm's total can be. */
  initiativeIds: readonly string[];
  /** Submitting farms, by farm id. */
  submitted: ReadonlyMap<number, Submission>;
  /** Each farm's attributes in the campaign's year (a size class is that year's herd's), by farm id. */
  attributes: ReadonlyMap<number, Record<FarmAttributeName, string>>;
}

export interface Truth {
  farms: ReadonlyMap<number, FarmRecord>;
  campaigns: ReadonlyMap<number, CampaignTruth>;
}

export async function loadTruth(db: Database, campaignIds: readonly number[]): Promise<Truth> {
  const farmRows = await db.query<{ id: number; herd_number: string }>(
    "SELECT f.id, f.herd_number FROM farms f ORDER BY f.id",
  );
  const keys = new Map<number, number>();
  try {
    for (const row of await db.query<{ id: number; record_key: number | null }>(
      "SELECT id, record_key FROM farms",
    ))
      keys.set(Number(row.id), Number(row.record_key ?? 0));
  } catch {
    // no record keys in this database
  }
  const farms = new Map<number, FarmRecord>();
  for (const row of farmRows) {
    const id = Number(row.id);
    farms.set(id, { id, herdNumber: String(row.herd_number), recordKey: keys.get(id) ?? 0 });
  }
  const campaigns = new Map<number, CampaignTruth>();
  for (const id of campaignIds) {
    const campaign = await db.queryOne<{ year: number; survey_version_id: string }>(
      "SELECT year, survey_version_id FROM campaigns WHERE id = ?",
      [id],
    );
    if (!campaign) throw new Error(`no campaign ${id}`);
    const responses = await db.query<{ id: number; farm_id: number; total: number }>(
      "SELECT id, farm_id, initiative_total AS total FROM responses WHERE campaign_id = ? AND status = 'submitted'",
      [id],
    );
    const initiativeRows = await db.query<{ response_id: number; initiative_id: string }>(
      `SELECT ri.response_id, ri.initiative_id FROM response_initiatives ri
         JOIN responses r ON r.id = ri.response_id WHERE r.campaign_id = ? AND r.status = 'submitted'`,
      [id],
    );
    const byResponse = new Map<number, Set<string>>();
    for (const row of initiativeRows) {
      const set = byResponse.get(Number(row.response_id)) ?? new Set<string>();
      set.add(row.initiative_id);
      byResponse.set(Number(row.response_id), set);
    }
    const submitted = new Map<number, Submission>();
    for (const r of responses) {
      const initiatives = byResponse.get(Number(r.id)) ?? new Set<string>();
      submitted.set(Number(r.farm_id), { total: Number(r.total ?? initiatives.size), initiatives });
    }
    const attributeRows = await db.query<Record<string, unknown>>(
      `SELECT f.id, ${FARM_ATTRIBUTES.map((a, i) => `${a.sql("c.year")} AS a${i}`).join(", ")}
         FROM farms f, campaigns c WHERE c.id = ?`,
      [id],
    );
    const attributes = new Map(
      attributeRows.map((row) => [
        Number(row.id),
        Object.fromEntries(FARM_ATTRIBUTES.map((a, i) => [a.name, String(row[`a${i}`] ?? "")])) as Record<
          FarmAttributeName,
          string
        >,
      ]),
    );
    const version = getVersion(campaign.survey_version_id);
    if (!version) throw new Error(`no questionnaire version ${campaign.survey_version_id}`);
    campaigns.set(id, {
      id,
      year: Number(campaign.year),
      surveyVersionId: campaign.survey_version_id,
      initiativeIds: version.initiativeIds,
      submitted,
      attributes,
    });
  }
  return { farms, campaigns };
}

/** The farm attribute an analyst's scope is (a dairy buyer's suppliers: `dairyBuyer = id`). */
export function scopeFilters(scope: AggregateScope): AttributeFilter {
  if (scope.kind === "all") return {};
  const attribute = FARM_ATTRIBUTES.find((a) => a.organisationKind === scope.kind);
  if (!attribute) throw new Error(`no farm attribute for a scope of kind ${scope.kind}`);
  return { [attribute.name]: scope.id };
}

const matches = (attributes: Record<FarmAttributeName, string> | undefined, filters: AttributeFilter) =>
  attributes !== undefined &&
  FARM_ATTRIBUTES.every((a) => filters[a.name] === undefined || attributes[a.name] === filters[a.name]);

/** The farms a view covers: submitted in the campaign, in the scope, matching the filters; sorted by id. */
export function farmsOfView(
  truth: Truth,
  campaignId: number,
  scope: AttributeFilter,
  filters: AttributeFilter,
): number[] {
  const campaign = truth.campaigns.get(campaignId);
  if (!campaign) throw new Error(`campaign ${campaignId} not loaded`);
  const ids: number[] = [];
  for (const id of campaign.submitted.keys()) {
    const attributes = campaign.attributes.get(id);
    if (matches(attributes, scope) && matches(attributes, filters)) ids.push(id);
  }
  return ids.sort((a, b) => a - b);
}

/** The figures a farm contributes to, by target: `initiative:<id>` (0 or 1) and `total`. */
export function farmValue(truth: Truth, campaignId: number, farmId: number, target: string): number {
  const submission = truth.campaigns.get(campaignId)?.submitted.get(farmId);
  if (!submission) throw new Error(`farm ${farmId} did not submit campaign ${campaignId}`);
  if (target === TOTAL_TARGET) return submission.total;
  if (target.startsWith("initiative:"))
    return submission.initiatives.has(target.slice("initiative:".length)) ? 1 : 0;
  throw new Error(`unknown target ${target}`);
}

/** The target figure "a farm's total" (observed through `sum:total` and the distribution bins). */
export const TOTAL_TARGET = "total";

/** The exact figure of a measure over a set of farms (`farms`, `initiative:<id>`, `sum:total`, `bin:<lo>-<hi>`). */
export function trueFigure(
  truth: Truth,
  campaignId: number,
  farmIds: readonly number[],
  measure: string,
): number {
  const campaign = truth.campaigns.get(campaignId);
  if (!campaign) throw new Error(`campaign ${campaignId} not loaded`);
  const bin = parseBin(measure);
  let figure = 0;
  for (const id of farmIds) {
    const s = campaign.submitted.get(id);
    if (!s) continue;
    if (measure === "farms") figure += 1;
    else if (measure === "sum:total") figure += s.total;
    else if (bin) figure += s.total >= bin.lo && s.total <= bin.hi ? 1 : 0;
    else if (measure.startsWith("initiative:"))
      figure += s.initiatives.has(measure.slice("initiative:".length)) ? 1 : 0;
    else throw new Error(`unknown measure ${measure}`);
  }
  return figure;
}

/** `bin:<lo>-<hi>` → its range. */
export function parseBin(measure: string): { lo: number; hi: number } | null {
  const match = /^bin:(\d+)-(\d+)$/.exec(measure);
  return match ? { lo: Number(match[1]), hi: Number(match[2]) } : null;
}
