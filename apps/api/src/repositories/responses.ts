import { randomUUID } from "node:crypto";
import type { InStatement } from "@libsql/client";
import { comparableInitiativeIds, declaredHerdSize } from "@monitor/surveys";
import type { Database } from "../db/client.ts";
import { COUNTER_KEY_SQL } from "./counters.ts";

export type ResponseStatus = "draft" | "submitted";
export type Answers = Record<string, unknown>;

export interface MonitorResponse {
  id: number;
  farmId: number;
  campaignId: number;
  surveyVersionId: string;
  surveyHash: string;
  status: ResponseStatus;
  version: number;
  data: Answers;
  carriedOver: string[];
  page: number;
  locale: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  submittedBy: number | null;
}

interface ResponseRow {
  id: number;
  farm_id: number;
  campaign_id: number;
  survey_version_id: string;
  survey_hash: string;
  status: ResponseStatus;
  version: number;
  data: string;
  carried_over: string;
  page: number;
  locale: string;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  submitted_by: number | null;
}

const toResponse = (r: ResponseRow): MonitorResponse => ({
  id: Number(r.id),
  farmId: Number(r.farm_id),
  campaignId: Number(r.campaign_id),
  surveyVersionId: r.survey_version_id,
  surveyHash: r.survey_hash,
  status: r.status,
  version: Number(r.version),
  data: JSON.parse(r.data) as Answers,
  carriedOver: JSON.parse(r.carried_over) as string[],
  page: Number(r.page),
  locale: r.locale,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  submittedAt: r.submitted_at,
  submittedBy: r.submitted_by === null ? null : Number(r.submitted_by),
});

export interface Save {
  farmId: number;
  campaignId: number;
  surveyVersionId: string;
  surveyHash: string;
  expectedVersion: number;
  data: Answers;
  carriedOver: string[];
  page: number;
  locale: string;
  userId: number;
  now: Date;
}

export interface DerivedInitiative {
  initiativeId: string;
  theme: string;
}

const comparableCount = (initiatives: readonly DerivedInitiative[]) => {
  const comparable = comparableInitiativeIds();
  return initiatives.filter((i) => comparable.has(i.initiativeId)).length;
};

/** Conditional writes: a statement with this runs only if the one before it changed a row. */
const ifChanged = "changes() = 1";

/** Statements (the audit record, the statistic counters) written only when the condition holds after the change. */
export type AlongWith = (condition: { sql: string; args: unknown[] }) => InStatement[];

export class ResponseRepository {
  constructor(private readonly db: Database) {}

  async find(farmId: number, campaignId: number): Promise<MonitorResponse | undefined> {
    const row = await this.db.queryOne<ResponseRow>(
      "SELECT * FROM responses WHERE farm_id = ? AND campaign_id = ?",
      [farmId, campaignId],
    );
    return row && toResponse(row);
  }

  async getById(id: number): Promise<MonitorResponse | undefined> {
    const row = await this.db.queryOne<ResponseRow>("SELECT * FROM responses WHERE id = ?", [id]);
    return row && toResponse(row);
  }

  /** The farm's most recent submission in an earlier campaign: the source of carry-over. */
  async latestSubmittedBefore(farmId: number, year: number): Promise<MonitorResponse | undefined> {
    const row = await this.db.queryOne<ResponseRow>(
      `SELECT r.* FROM responses r JOIN campaigns c ON c.id = r.campaign_id
        WHERE r.farm_id = ? AND r.status = 'submitted' AND c.year < ? ORDER BY c.year DESC LIMIT 1`,
      [farmId, year],
    );
    return row && toResponse(row);
  }

  async allOfFarm(farmId: number): Promise<(MonitorResponse & { campaignYear: number })[]> {
    const rows = await this.db.query<ResponseRow & { year: number }>(
      "SELECT r.*, c.year FROM responses r JOIN campaigns c ON c.id = r.campaign_id WHERE r.farm_id = ? ORDER BY c.year",
      [farmId],
    );
    return rows.map((r) => ({ ...toResponse(r), campaignYear: Number(r.year) }));
  }

  /** Every campaign with this farm's status in it and, once submitted, its number of initiatives. */
  async campaignsOfFarm(farmId: number) {
    const rows = await this.db.query<{
      campaign_id: number;
      response_id: number | null;
      status: ResponseStatus | null;
      updated_at: string | null;
      submitted_at: string | null;
      initiatives: number;
    }>(
      `SELECT c.id AS campaign_id, r.id AS response_id, r.status, r.updated_at, r.submitted_at,
              (SELECT count(*) FROM response_initiatives ri WHERE ri.response_id = r.id) AS initiatives
         FROM campaigns c LEFT JOIN responses r ON r.campaign_id = c.id AND r.farm_id = ?
        ORDER BY c.year`,
      [farmId],
    );
    return rows.map((r) => ({
      campaignId: Number(r.campaign_id),
      responseId: r.response_id === null ? null : Number(r.response_id),
      status: r.status ?? ("not_started" as const),
      updatedAt: r.updated_at,
      submittedAt: r.submitted_at,
      initiatives: r.status === "submitted" ? Number(r.initiatives) : null,
    }));
  }

  /** The answers as they were at `version` (the start of a save that arrives late), from the revisions. */
  async answersAt(responseId: number, version: number): Promise<Answers | undefined> {
    const row = await this.db.queryOne<{ data: string }>(
      "SELECT data FROM response_revisions WHERE response_id = ? AND version = ? ORDER BY id DESC LIMIT 1",
      [responseId, version],
    );
    return row && (JSON.parse(row.data) as Answers);
  }

  async revisionCount(responseId: number): Promise<number> {
    const row = await this.db.queryOne<{ n: number }>(
      "SELECT count(*) AS n FROM response_revisions WHERE response_id = ?",
      [responseId],
    );
    return Number(row?.n ?? 0);
  }

  /**
   * Stores a draft if nobody saved since `expectedVersion` (0: not started yet), with its revision
   * and extra statements (an idempotency record, conditioned on `changes() = 1` by its maker) in one
   * atomic batch. False when stale.
   */
  async saveDraft(save: Save, extra: (version: number) => InStatement[]): Promise<boolean> {
    const at = save.now.toISOString();
    const data = JSON.stringify(save.data);
    const carried = JSON.stringify(save.carriedOver);
    const next = save.expectedVersion + 1;
    const write: InStatement =
      save.expectedVersion === 0
        ? {
            sql: `INSERT INTO responses (farm_id, campaign_id, survey_version_id, survey_hash, status, version, data, carried_over, page, locale, created_at, updated_at)
                  VALUES (?, ?, ?, ?, 'draft', 1, ?, ?, ?, ?, ?, ?) ON CONFLICT (farm_id, campaign_id) DO NOTHING`,
            args: [
              save.farmId,
              save.campaignId,
              save.surveyVersionId,
              save.surveyHash,
              data,
              carried,
              save.page,
              save.locale,
              at,
              at,
            ],
          }
        : {
            sql: `UPDATE responses SET version = ?, data = ?, carried_over = ?, page = ?, locale = ?, updated_at = ?
                   WHERE farm_id = ? AND campaign_id = ? AND version = ? AND status = 'draft'`,
            args: [
              next,
              data,
              carried,
              save.page,
              save.locale,
              at,
              save.farmId,
              save.campaignId,
              save.expectedVersion,
            ],
          };
    const results = await this.db.write([
      write,
      {
        sql: `INSERT INTO response_revisions (response_id, version, kind, data, saved_at, saved_by)
              SELECT id, version, 'save', data, ?, ? FROM responses WHERE farm_id = ? AND campaign_id = ? AND ${ifChanged}`,
        args: [at, save.userId, save.farmId, save.campaignId],
      },
      ...extra(next),
    ]);
    return results[0]?.rowsAffected === 1;
  }

  /**
   * Freezes the draft at `expectedVersion` and writes its derived initiatives, atomically. The farm's
   * herd in the campaign's year is kept first (the herd the answers state, else the register's), if
   * none is kept yet, so its size class there no longer follows the register.
   */
  async submit(
    response: MonitorResponse,
    initiatives: DerivedInitiative[],
    userId: number,
    now: Date,
    alongWith: AlongWith,
  ): Promise<boolean> {
    const at = now.toISOString();
    const token = randomUUID();
    const won = {
      sql: "EXISTS (SELECT 1 FROM responses WHERE id = ? AND write_token = ?)",
      args: [response.id, token],
    };
    const results = await this.db.write([
      // Only when the update below wins: the same condition, in the same transaction.
      {
        sql: `INSERT INTO farm_herd_sizes (farm_id, year, herd_size)
              SELECT f.id, c.year, coalesce(?, f.herd_size) FROM farms f, campaigns c
               WHERE f.id = ? AND c.id = ?
                 AND EXISTS (SELECT 1 FROM responses WHERE id = ? AND version = ? AND status = 'draft')
              ON CONFLICT (farm_id, year) DO NOTHING`,
        args: [
          declaredHerdSize(response.data),
          response.farmId,
          response.campaignId,
          response.id,
          response.version,
        ],
      },
      {
        sql: `UPDATE responses SET status = 'submitted', version = version + 1, submitted_at = ?, submitted_by = ?, updated_at = ?,
                     initiative_total = ?, comparable_total = ?, write_token = ?,
                     counter_key = (SELECT json_array(${COUNTER_KEY_SQL}) FROM farms f, campaigns c
                                     WHERE f.id = responses.farm_id AND c.id = responses.campaign_id)
               WHERE id = ? AND version = ? AND status = 'draft'`,
        args: [
          at,
          userId,
          at,
          initiatives.length,
          comparableCount(initiatives),
          token,
          response.id,
          response.version,
        ],
      },
      {
        sql: `INSERT INTO response_revisions (response_id, version, kind, data, saved_at, saved_by)
              SELECT id, version, 'submit', data, ?, ? FROM responses WHERE id = ? AND ${ifChanged}`,
        args: [at, userId, response.id],
      },
      {
        sql: `DELETE FROM response_initiatives WHERE response_id = ? AND ${won.sql}`,
        args: [response.id, ...won.args],
      },
      ...initiatives.map((i) => ({
        sql: `INSERT INTO response_initiatives (response_id, initiative_id, theme)
              SELECT id, ?, ? FROM responses WHERE id = ? AND write_token = ?`,
        args: [i.initiativeId, i.theme, response.id, token],
      })),
      ...alongWith(won),
    ]);
    return results[1]?.rowsAffected === 1;
  }

  /**
   * Statements that load a monitor submitted elsewhere (demo data, an import) with its derived rows.
   * The statistic counters are not touched: an import ends with `counters.rebuild()`.
   */
  importSubmittedStatements(
    response: {
      farmId: number;
      campaignId: number;
      surveyVersionId: string;
      surveyHash: string;
      data: Answers;
      locale: string;
      submittedAt: string;
    },
    initiatives: DerivedInitiative[],
  ): InStatement[] {
    const data = JSON.stringify(response.data);
    const at = response.submittedAt;
    const id = "(SELECT id FROM responses WHERE farm_id = ? AND campaign_id = ?)";
    const key = [response.farmId, response.campaignId];
    return [
      {
        sql: `INSERT INTO responses (farm_id, campaign_id, survey_version_id, survey_hash, status, version, data, locale, created_at, updated_at, submitted_at, initiative_total, comparable_total)
              VALUES (?, ?, ?, ?, 'submitted', 1, ?, ?, ?, ?, ?, ?, ?)`,
        args: [
          response.farmId,
          response.campaignId,
          response.surveyVersionId,
          response.surveyHash,
          data,
          response.locale,
          at,
          at,
          at,
          initiatives.length,
          comparableCount(initiatives),
        ],
      },
      {
        sql: `INSERT INTO response_revisions (response_id, version, kind, data, saved_at) VALUES (${id}, 1, 'submit', ?, ?)`,
        args: [...key, data, at],
      },
      ...initiatives.map((i) => ({
        sql: `INSERT INTO response_initiatives (response_id, initiative_id, theme) VALUES (${id}, ?, ?)`,
        args: [...key, i.initiativeId, i.theme],
      })),
    ];
  }

  /** Opens a submitted response again for changes; its derived initiatives no longer count. */
  async reopen(response: MonitorResponse, userId: number, now: Date, alongWith: AlongWith): Promise<boolean> {
    const at = now.toISOString();
    const responseId = response.id;
    const token = randomUUID();
    const won = {
      sql: "EXISTS (SELECT 1 FROM responses WHERE id = ? AND write_token = ?)",
      args: [responseId, token],
    };
    const results = await this.db.write([
      {
        sql: `UPDATE responses SET status = 'draft', version = version + 1, submitted_at = NULL, submitted_by = NULL, updated_at = ?,
                     initiative_total = NULL, comparable_total = NULL, write_token = ?
               WHERE id = ? AND status = 'submitted' AND version = ?`,
        args: [at, token, responseId, response.version],
      },
      {
        sql: `INSERT INTO response_revisions (response_id, version, kind, data, saved_at, saved_by)
              SELECT id, version, 'reopen', data, ?, ? FROM responses WHERE id = ? AND ${ifChanged}`,
        args: [at, userId, responseId],
      },
      ...alongWith(won),
      {
        sql: `DELETE FROM response_initiatives WHERE response_id = ? AND ${won.sql}`,
        args: [responseId, ...won.args],
      },
    ]);
    return results[0]?.rowsAffected === 1;
  }

  /** Recounts every submitted response's comparable initiatives (after the shared set changed). */
  async recountComparable(): Promise<void> {
    const ids = [...comparableInitiativeIds()];
    await this.db.writeOne(
      `UPDATE responses SET comparable_total =
         (SELECT count(*) FROM response_initiatives ri WHERE ri.response_id = responses.id AND ri.initiative_id IN (${ids.map(() => "?").join(", ")}))
       WHERE status = 'submitted'`,
      ids,
    );
  }

  /** The derived initiatives of every response of one farm, by response, in one query. */
  async initiativesOfFarm(farmId: number): Promise<Map<number, string[]>> {
    const rows = await this.db.query<{ response_id: number; initiative_id: string }>(
      `SELECT ri.response_id, ri.initiative_id FROM response_initiatives ri
         JOIN responses r ON r.id = ri.response_id WHERE r.farm_id = ? ORDER BY ri.theme, ri.initiative_id`,
      [farmId],
    );
    const byResponse = new Map<number, string[]>();
    for (const row of rows) {
      const id = Number(row.response_id);
      byResponse.set(id, [...(byResponse.get(id) ?? []), row.initiative_id]);
    }
    return byResponse;
  }

  async initiativesOf(responseId: number): Promise<DerivedInitiative[]> {
    const rows = await this.db.query<{ initiative_id: string; theme: string }>(
      "SELECT initiative_id, theme FROM response_initiatives WHERE response_id = ? ORDER BY theme, initiative_id",
      [responseId],
    );
    return rows.map((r) => ({ initiativeId: r.initiative_id, theme: r.theme }));
  }
}

export class IdempotencyRepository {
  constructor(private readonly db: Database) {}

  async find(userId: number, key: string) {
    const row = await this.db.queryOne<{ request_hash: string; status: number; body: string }>(
      "SELECT request_hash, status, body FROM idempotency_keys WHERE user_id = ? AND key = ?",
      [userId, key],
    );
    return (
      row && {
        requestHash: row.request_hash,
        status: Number(row.status),
        body: JSON.parse(row.body) as unknown,
      }
    );
  }

  /**
   * The record as a statement for the same batch as the change it answers, written only if the
   * statement before it changed a row: a refused change leaves no record, so its retry is judged again.
   */
  statement(
    userId: number,
    key: string,
    requestHash: string,
    status: number,
    body: unknown,
    now: Date,
  ): InStatement {
    return {
      sql: `INSERT INTO idempotency_keys (user_id, key, request_hash, status, body, created_at)
            SELECT ?, ?, ?, ?, ?, ? WHERE ${ifChanged}`,
      args: [userId, key, requestHash, status, JSON.stringify(body), now.toISOString()],
    };
  }
}
