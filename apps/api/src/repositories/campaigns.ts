import type { InStatement } from "@libsql/client";
import type { Database } from "../db/client.ts";

export interface Campaign {
  id: number;
  name: string;
  year: number;
  surveyVersionId: string;
  opensAt: string;
  closesAt: string;
}

interface CampaignRow {
  id: number;
  name: string;
  year: number;
  survey_version_id: string;
  opens_at: string;
  closes_at: string;
}

const toCampaign = (r: CampaignRow): Campaign => ({
  id: Number(r.id),
  name: r.name,
  year: Number(r.year),
  surveyVersionId: r.survey_version_id,
  opensAt: r.opens_at,
  closesAt: r.closes_at,
});

export class CampaignRepository {
  constructor(private readonly db: Database) {}

  async get(id: number): Promise<Campaign | undefined> {
    const row = await this.db.queryOne<CampaignRow>("SELECT * FROM campaigns WHERE id = ?", [id]);
    return row && toCampaign(row);
  }

  async list(): Promise<Campaign[]> {
    return (await this.db.query<CampaignRow>("SELECT * FROM campaigns ORDER BY year")).map(toCampaign);
  }

  /** The campaign open now; failing that, the latest one that has opened. */
  async current(now: Date): Promise<Campaign | undefined> {
    const at = now.toISOString();
    const row = await this.db.queryOne<CampaignRow>(
      `SELECT * FROM campaigns WHERE opens_at <= ?
        ORDER BY (closes_at > ?) DESC, year DESC LIMIT 1`,
      [at, at],
    );
    return row && toCampaign(row);
  }

  isOpen(campaign: Campaign, now: Date): boolean {
    const at = now.toISOString();
    return campaign.opensAt <= at && at < campaign.closesAt;
  }

  /** Registers a questionnaire version, or checks that its JSON is the one registered before. */
  async registerSurveyVersion(id: string, year: number, contentHash: string, now: Date): Promise<void> {
    await this.db.writeOne(
      "INSERT INTO survey_versions (id, year, content_hash, registered_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET content_hash = excluded.content_hash",
      [id, year, contentHash, now.toISOString()],
    );
  }

  async create(campaign: Omit<Campaign, "id">): Promise<number> {
    const result = await this.db.writeOne(
      "INSERT INTO campaigns (name, year, survey_version_id, opens_at, closes_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
      [campaign.name, campaign.year, campaign.surveyVersionId, campaign.opensAt, campaign.closesAt],
    );
    return Number(result.rows[0]?.id);
  }

  createStatement(campaign: Omit<Campaign, "id">): InStatement {
    return {
      sql: "INSERT INTO campaigns (name, year, survey_version_id, opens_at, closes_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
      args: [campaign.name, campaign.year, campaign.surveyVersionId, campaign.opensAt, campaign.closesAt],
    };
  }

  async byYear(year: number): Promise<Campaign | undefined> {
    const row = await this.db.queryOne<CampaignRow>("SELECT * FROM campaigns WHERE year = ?", [year]);
    return row && toCampaign(row);
  }

  updateStatement(id: number, fields: Partial<Pick<Campaign, "name" | "opensAt" | "closesAt">>): InStatement {
    const columns = { name: "name", opensAt: "opens_at", closesAt: "closes_at" } as const;
    const set = (Object.keys(columns) as (keyof typeof columns)[]).filter((k) => fields[k] !== undefined);
    return {
      sql: `UPDATE campaigns SET ${set.map((k) => `${columns[k]} = ?`).join(", ")} WHERE id = ?`,
      args: [...set.map((k) => fields[k] as string), id],
    };
  }

  /** Sets the campaign's questionnaire version, only while no farm has answered the campaign. */
  publishStatement(id: number, surveyVersionId: string): InStatement {
    return {
      sql: `UPDATE campaigns SET survey_version_id = ?
             WHERE id = ? AND NOT EXISTS (SELECT 1 FROM responses WHERE campaign_id = ?)`,
      args: [surveyVersionId, id, id],
    };
  }

  async responseCount(campaignId: number): Promise<number> {
    const row = await this.db.queryOne<{ n: number }>(
      "SELECT count(*) AS n FROM responses WHERE campaign_id = ?",
      [campaignId],
    );
    return Number(row?.n ?? 0);
  }

  /** Monitors started and submitted per campaign. */
  async progress(): Promise<Map<number, { started: number; submitted: number }>> {
    const rows = await this.db.query<{ campaign_id: number; started: number; submitted: number }>(
      `SELECT campaign_id, count(*) AS started, count(CASE WHEN status = 'submitted' THEN 1 END) AS submitted
         FROM responses GROUP BY campaign_id`,
    );
    return new Map(
      rows.map((r) => [
        Number(r.campaign_id),
        { started: Number(r.started), submitted: Number(r.submitted) },
      ]),
    );
  }

  /**
   * Per questionnaire version: the hash it was registered with, the monitors answering it, and the
   * hashes of the JSON those monitors answered (each response is pinned to the exact file it saw).
   */
  async surveyVersionUse(): Promise<
    Map<string, { answers: number; registeredHash: string; answeredHashes: string[] }>
  > {
    const rows = await this.db.query<{
      id: string;
      content_hash: string;
      answers: number;
      hashes: string | null;
    }>(
      `SELECT v.id, v.content_hash,
              (SELECT count(*) FROM responses r WHERE r.survey_version_id = v.id) AS answers,
              (SELECT group_concat(DISTINCT r.survey_hash) FROM responses r WHERE r.survey_version_id = v.id) AS hashes
         FROM survey_versions v`,
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          answers: Number(r.answers),
          registeredHash: r.content_hash,
          answeredHashes: r.hashes ? r.hashes.split(",") : [],
        },
      ]),
    );
  }

  /** The farm's own deadline in the campaign, if it was given a later one. */
  async extensionOf(campaignId: number, farmId: number): Promise<string | undefined> {
    const row = await this.db.queryOne<{ closes_at: string }>(
      "SELECT closes_at FROM deadline_extensions WHERE campaign_id = ? AND farm_id = ?",
      [campaignId, farmId],
    );
    return row?.closes_at;
  }

  async extensions(campaignId: number) {
    const rows = await this.db.query<{
      farm_id: number;
      herd_number: string;
      name: string;
      closes_at: string;
    }>(
      `SELECT e.farm_id, f.herd_number, f.name, e.closes_at FROM deadline_extensions e JOIN farms f ON f.id = e.farm_id
        WHERE e.campaign_id = ? ORDER BY f.name`,
      [campaignId],
    );
    return rows.map((r) => ({
      farmId: Number(r.farm_id),
      herdNumber: r.herd_number,
      name: r.name,
      closesAt: r.closes_at,
    }));
  }

  extensionStatement(
    campaignId: number,
    farmId: number,
    closesAt: string,
    by: number,
    now: Date,
  ): InStatement {
    return {
      sql: `INSERT INTO deadline_extensions (campaign_id, farm_id, closes_at, granted_by, granted_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (campaign_id, farm_id) DO UPDATE SET closes_at = excluded.closes_at,
              granted_by = excluded.granted_by, granted_at = excluded.granted_at`,
      args: [campaignId, farmId, closesAt, by, now.toISOString()],
    };
  }
}
