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
}
