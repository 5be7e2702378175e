import type { InStatement } from "@libsql/client";
import { herdSizeSql } from "@monitor/domain";
import type { Database } from "../db/client.ts";

export interface Edition {
  id: number;
  name: string;
  year: number;
  campaignId: number;
  opensAt: string;
  closesAt: string;
  blind: boolean;
  weights: Record<string, number>;
  categories: string[];
  chairUserId: number | null;
  shortlistClosedAt: string | null;
}

interface EditionRow {
  id: number;
  name: string;
  year: number;
  campaign_id: number;
  opens_at: string;
  closes_at: string;
  blind: number;
  weights: string;
  categories: string | null;
  chair_user_id: number | null;
  shortlist_closed_at: string | null;
}

const toEdition = (r: EditionRow): Edition => ({
  id: Number(r.id),
  name: r.name,
  year: Number(r.year),
  campaignId: Number(r.campaign_id),
  opensAt: r.opens_at,
  closesAt: r.closes_at,
  blind: Number(r.blind) === 1,
  weights: JSON.parse(r.weights) as Record<string, number>,
  categories: r.categories ? r.categories.split(",") : [],
  chairUserId: r.chair_user_id === null ? null : Number(r.chair_user_id),
  shortlistClosedAt: r.shortlist_closed_at,
});

// Editions without a campaign or window (made before the awards existed) are not shown anywhere.
const EDITION_SELECT = `
  SELECT e.id, e.name, e.year, e.campaign_id, e.opens_at, e.closes_at, e.blind, e.weights,
         e.chair_user_id, e.shortlist_closed_at,
         (SELECT group_concat(category, ',') FROM
            (SELECT category FROM award_categories c WHERE c.edition_id = e.id ORDER BY position)) AS categories
    FROM award_editions e
   WHERE e.campaign_id IS NOT NULL AND e.opens_at IS NOT NULL AND e.closes_at IS NOT NULL`;

/** A farm entered in an edition with a current consent and a submitted monitor of its campaign. */
export interface CandidateRow {
  candidateId: number;
  pseudonym: string;
  farmId: number;
  name: string;
  herdNumber: string;
  region: string;
  province: string;
  /** The herd in the year of the edition's campaign. */
  herdSize: number;
  categories: string[];
  responseId: number;
  total: number;
  submittedAt: string | null;
}

interface CandidateSqlRow {
  candidate_id: number;
  pseudonym: string;
  farm_id: number;
  name: string;
  herd_number: string;
  region: string;
  province: string;
  herd_size: number;
  categories: string;
  response_id: number;
  initiative_total: number | null;
  submitted_at: string | null;
}

export interface NewEdition {
  name: string;
  year: number;
  campaignId: number;
  opensAt: string;
  closesAt: string;
  blind: boolean;
  weights: Record<string, number>;
  categories: readonly string[];
  jurorIds: readonly number[];
  chairUserId: number | null;
}

export type ConsentAction = "given" | "withdrawn";

export class AwardRepository {
  constructor(private readonly db: Database) {}

  async edition(id: number): Promise<Edition | undefined> {
    const row = await this.db.queryOne<EditionRow>(`${EDITION_SELECT} AND e.id = ?`, [id]);
    return row && toEdition(row);
  }

  async editions(): Promise<Edition[]> {
    return (await this.db.query<EditionRow>(`${EDITION_SELECT} ORDER BY e.year DESC, e.id DESC`)).map(
      toEdition,
    );
  }

  /** The users sitting on each edition's jury (juror memberships), with their e-mail addresses. */
  async jurors(editionId: number): Promise<{ id: number; email: string }[]> {
    const rows = await this.db.query<{ id: number; email: string }>(
      `SELECT u.id, u.email FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.role = 'juror' AND m.scope_type = 'award_edition' AND m.scope_id = ? ORDER BY u.email`,
      [String(editionId)],
    );
    return rows.map((r) => ({ id: Number(r.id), email: r.email }));
  }

  async userIdsByEmail(emails: readonly string[]): Promise<Map<string, number>> {
    if (emails.length === 0) return new Map();
    const rows = await this.db.query<{ id: number; email: string }>(
      `SELECT id, email FROM users WHERE email IN (${emails.map(() => "?").join(",")})`,
      [...emails],
    );
    return new Map(rows.map((r) => [r.email.toLowerCase(), Number(r.id)]));
  }

  async entryCount(editionId: number): Promise<number> {
    const row = await this.db.queryOne<{ n: number }>(
      `SELECT count(*) AS n FROM award_candidates ac
        WHERE ac.edition_id = ?
          AND (SELECT action FROM award_consents WHERE candidate_id = ac.id ORDER BY id DESC LIMIT 1) = 'given'`,
      [editionId],
    );
    return Number(row?.n ?? 0);
  }

  /**
   * The one query through which a farm reaches a jury: entered with a current consent (the latest
   * ledger row is a given one), a submitted monitor of the edition's campaign, and no conflict the
   * viewer declared. `only` narrows it to some candidates.
   */
  async candidates(editionId: number, viewerId: number, only?: readonly number[]): Promise<CandidateRow[]> {
    const narrow = only ? `AND ac.id IN (${only.map(() => "?").join(",")})` : "";
    const rows = await this.db.query<CandidateSqlRow>(
      `SELECT ac.id AS candidate_id, ac.pseudonym, f.id AS farm_id, f.name, f.herd_number, f.region,
              f.province, ${herdSizeSql("c.year")} AS herd_size, cs.categories, r.id AS response_id, r.initiative_total, r.submitted_at
         FROM award_candidates ac
         JOIN award_editions e ON e.id = ac.edition_id
         JOIN campaigns c ON c.id = e.campaign_id
         JOIN award_consents cs ON cs.id = (SELECT max(id) FROM award_consents WHERE candidate_id = ac.id)
         JOIN farms f ON f.id = ac.farm_id
         JOIN responses r ON r.farm_id = ac.farm_id AND r.campaign_id = e.campaign_id AND r.status = 'submitted'
        WHERE ac.edition_id = ? AND cs.action = 'given'
          AND NOT EXISTS (SELECT 1 FROM award_conflicts x WHERE x.candidate_id = ac.id AND x.juror_id = ?)
          ${narrow}
        ORDER BY ac.id`,
      [editionId, viewerId, ...(only ?? [])],
    );
    return rows.map((r) => ({
      candidateId: Number(r.candidate_id),
      pseudonym: r.pseudonym,
      farmId: Number(r.farm_id),
      name: r.name,
      herdNumber: r.herd_number,
      region: r.region,
      province: r.province,
      herdSize: Number(r.herd_size),
      categories: JSON.parse(r.categories) as string[],
      responseId: Number(r.response_id),
      total: Number(r.initiative_total ?? 0),
      submittedAt: r.submitted_at,
    }));
  }

  /** Initiatives per theme of each response. */
  async themeCounts(responseIds: readonly number[]): Promise<Map<number, Record<string, number>>> {
    const counts = new Map<number, Record<string, number>>();
    if (responseIds.length === 0) return counts;
    const rows = await this.db.query<{ response_id: number; theme: string; n: number }>(
      `SELECT response_id, theme, count(*) AS n FROM response_initiatives
        WHERE response_id IN (${responseIds.map(() => "?").join(",")}) GROUP BY response_id, theme`,
      [...responseIds],
    );
    for (const r of rows) {
      const id = Number(r.response_id);
      counts.set(id, { ...counts.get(id), [r.theme]: Number(r.n) });
    }
    return counts;
  }

  async initiatives(responseIds: readonly number[]): Promise<Map<number, string[]>> {
    const taken = new Map<number, string[]>(responseIds.map((id) => [id, []]));
    if (responseIds.length === 0) return taken;
    const rows = await this.db.query<{ response_id: number; initiative_id: string }>(
      `SELECT response_id, initiative_id FROM response_initiatives
        WHERE response_id IN (${responseIds.map(() => "?").join(",")}) ORDER BY initiative_id`,
      [...responseIds],
    );
    for (const r of rows) taken.get(Number(r.response_id))?.push(r.initiative_id);
    return taken;
  }

  async scoresOf(
    editionId: number,
    jurorId: number,
  ): Promise<Map<number, { score: number | null; note: string; updatedAt: string }>> {
    const rows = await this.db.query<{
      candidate_id: number;
      score: number | null;
      note: string;
      updated_at: string;
    }>(
      `SELECT s.candidate_id, s.score, s.note, s.updated_at FROM award_scores s
         JOIN award_candidates ac ON ac.id = s.candidate_id WHERE ac.edition_id = ? AND s.juror_id = ?`,
      [editionId, jurorId],
    );
    return new Map(
      rows.map((r) => [
        Number(r.candidate_id),
        { score: r.score === null ? null : Number(r.score), note: r.note, updatedAt: r.updated_at },
      ]),
    );
  }

  /** Every juror's score per candidate (the shortlist overview combines them). */
  async allScores(editionId: number): Promise<Map<number, number[]>> {
    const rows = await this.db.query<{ candidate_id: number; score: number }>(
      `SELECT s.candidate_id, s.score FROM award_scores s JOIN award_candidates ac ON ac.id = s.candidate_id
        WHERE ac.edition_id = ? AND s.score IS NOT NULL`,
      [editionId],
    );
    const scores = new Map<number, number[]>();
    for (const r of rows)
      scores.set(Number(r.candidate_id), [...(scores.get(Number(r.candidate_id)) ?? []), Number(r.score)]);
    return scores;
  }

  async saveScore(
    candidateId: number,
    jurorId: number,
    score: number | null,
    note: string,
    now: Date,
  ): Promise<void> {
    await this.db.writeOne(
      `INSERT INTO award_scores (candidate_id, juror_id, score, note, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (candidate_id, juror_id) DO UPDATE SET score = excluded.score, note = excluded.note,
         updated_at = excluded.updated_at`,
      [candidateId, jurorId, score, note, now.toISOString()],
    );
  }

  async declareConflict(candidateId: number, jurorId: number, reason: string, now: Date): Promise<void> {
    await this.db.writeOne(
      `INSERT INTO award_conflicts (candidate_id, juror_id, reason, declared_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (candidate_id, juror_id) DO NOTHING`,
      [candidateId, jurorId, reason, now.toISOString()],
    );
  }

  /** The latest shortlist decision per candidate. */
  async decisions(editionId: number): Promise<Map<number, { decision: string; reason: string; at: string }>> {
    const rows = await this.db.query<{ candidate_id: number; decision: string; reason: string; at: string }>(
      `SELECT d.candidate_id, d.decision, d.reason, d.at FROM award_decisions d
         JOIN award_candidates ac ON ac.id = d.candidate_id
        WHERE ac.edition_id = ? AND d.id = (SELECT max(id) FROM award_decisions WHERE candidate_id = d.candidate_id)`,
      [editionId],
    );
    return new Map(
      rows.map((r) => [Number(r.candidate_id), { decision: r.decision, reason: r.reason, at: r.at }]),
    );
  }

  decisionStatement(
    candidateId: number,
    decision: string,
    reason: string,
    userId: number,
    now: Date,
  ): InStatement {
    return {
      sql: "INSERT INTO award_decisions (candidate_id, decision, reason, decided_by, at) VALUES (?, ?, ?, ?, ?)",
      args: [candidateId, decision, reason, userId, now.toISOString()],
    };
  }

  /** Closes the shortlist once: the statement changes nothing when it was closed already. */
  closeStatement(editionId: number, userId: number, now: Date): InStatement {
    return {
      sql: `UPDATE award_editions SET shortlist_closed_at = ?, shortlist_closed_by = ?
             WHERE id = ? AND shortlist_closed_at IS NULL`,
      args: [now.toISOString(), userId, editionId],
    };
  }

  /** The farm's candidate row in an edition, if it ever entered. */
  async candidateOfFarm(
    editionId: number,
    farmId: number,
  ): Promise<{ id: number; pseudonym: string } | undefined> {
    const row = await this.db.queryOne<{ id: number; pseudonym: string }>(
      "SELECT id, pseudonym FROM award_candidates WHERE edition_id = ? AND farm_id = ?",
      [editionId, farmId],
    );
    return row && { id: Number(row.id), pseudonym: row.pseudonym };
  }

  /** Makes the farm's candidate row with this pseudonym unless it has one; false when the pseudonym is taken. */
  async ensureCandidate(editionId: number, farmId: number, pseudonym: string): Promise<boolean> {
    try {
      await this.db.writeOne(
        `INSERT INTO award_candidates (edition_id, farm_id, pseudonym) VALUES (?, ?, ?)
         ON CONFLICT (edition_id, farm_id) DO NOTHING`,
        [editionId, farmId, pseudonym],
      );
      return true;
    } catch (error) {
      if (String(error).includes("UNIQUE")) return false;
      throw error;
    }
  }

  consentStatement(
    candidateId: number,
    action: ConsentAction,
    categories: readonly string[],
    userId: number,
    now: Date,
  ): InStatement {
    return {
      sql: "INSERT INTO award_consents (candidate_id, action, categories, user_id, at) VALUES (?, ?, ?, ?, ?)",
      args: [candidateId, action, JSON.stringify(categories), userId, now.toISOString()],
    };
  }

  /** The consent ledger of a farm in an edition, oldest first. */
  async consentHistory(editionId: number, farmId: number) {
    const rows = await this.db.query<{ action: ConsentAction; categories: string; at: string }>(
      `SELECT cs.action, cs.categories, cs.at FROM award_consents cs
         JOIN award_candidates ac ON ac.id = cs.candidate_id
        WHERE ac.edition_id = ? AND ac.farm_id = ? ORDER BY cs.id`,
      [editionId, farmId],
    );
    return rows.map((r) => ({
      action: r.action,
      at: r.at,
      categories: JSON.parse(r.categories) as string[],
    }));
  }

  async createEdition(edition: NewEdition): Promise<number> {
    const [inserted] = await this.db.write([
      {
        sql: `INSERT INTO award_editions (name, year, campaign_id, opens_at, closes_at, blind, weights, chair_user_id)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        args: [
          edition.name,
          edition.year,
          edition.campaignId,
          edition.opensAt,
          edition.closesAt,
          edition.blind ? 1 : 0,
          JSON.stringify(edition.weights),
          edition.chairUserId,
        ],
      },
    ]);
    const id = Number(inserted?.lastInsertRowid);
    await this.db.write(this.membersStatements(id, edition));
    return id;
  }

  async updateEdition(id: number, edition: NewEdition): Promise<void> {
    await this.db.write([
      {
        sql: `UPDATE award_editions SET name = ?, year = ?, campaign_id = ?, opens_at = ?, closes_at = ?, blind = ?,
                weights = ?, chair_user_id = ? WHERE id = ?`,
        args: [
          edition.name,
          edition.year,
          edition.campaignId,
          edition.opensAt,
          edition.closesAt,
          edition.blind ? 1 : 0,
          JSON.stringify(edition.weights),
          edition.chairUserId,
          id,
        ],
      },
      ...this.membersStatements(id, edition),
    ]);
  }

  /** The edition's categories and juror memberships, replaced by the given ones. */
  private membersStatements(id: number, edition: NewEdition): InStatement[] {
    return [
      { sql: "DELETE FROM award_categories WHERE edition_id = ?", args: [id] },
      ...edition.categories.map((category, position) => ({
        sql: "INSERT INTO award_categories (edition_id, category, position) VALUES (?, ?, ?)",
        args: [id, category, position],
      })),
      {
        sql: "DELETE FROM memberships WHERE role = 'juror' AND scope_type = 'award_edition' AND scope_id = ?",
        args: [String(id)],
      },
      ...edition.jurorIds.map((userId) => ({
        sql: "INSERT INTO memberships (user_id, role, scope_type, scope_id) VALUES (?, 'juror', 'award_edition', ?)",
        args: [userId, String(id)],
      })),
    ];
  }
}
