import type { InStatement } from "@libsql/client";
import {
  FARM_ATTRIBUTES,
  type FarmAttribute,
  type FarmAttributeName,
  type FarmFilter,
  type RegisterDiff,
  type RegisterFarm,
  type RegisterRow,
} from "@monitor/domain";
import type { Database } from "../db/client.ts";
import type { Campaign } from "./campaigns.ts";

export interface Farm {
  id: number;
  herdNumber: string;
  name: string;
  region: string;
  province: string;
  herdSize: number;
  dairyBuyerId: string | null;
  certificationBodyId: string | null;
  inspectionBodyId: string | null;
  active: boolean;
  stoppedOn: string | null;
  nextAuditOn: string | null;
}

interface FarmRow {
  id: number;
  herd_number: string;
  name: string;
  region: string;
  province: string;
  herd_size: number;
  dairy_buyer_id: string | null;
  certification_body_id: string | null;
  inspection_body_id: string | null;
  active: number;
  stopped_on: string | null;
  next_audit_on: string | null;
}

const toFarm = (r: FarmRow): Farm => ({
  id: Number(r.id),
  herdNumber: r.herd_number,
  name: r.name,
  region: r.region,
  province: r.province,
  herdSize: Number(r.herd_size),
  dairyBuyerId: r.dairy_buyer_id,
  certificationBodyId: r.certification_body_id,
  inspectionBodyId: r.inspection_body_id,
  active: r.active === 1,
  stoppedOn: r.stopped_on,
  nextAuditOn: r.next_audit_on ?? null,
});

/** The monitor's state in a campaign, as an auditor checks it before the audit. */
export interface Readiness {
  status: "not_started" | "draft" | "submitted";
  campaign: { id: number; year: number };
  submittedAt: string | null;
  surveyVersion: string | null;
}

export interface ListedFarm extends Farm {
  readiness: Readiness | null;
  lastAudit: { auditedOn: string; kind: "periodic" | "unannounced"; result: string | null } | null;
}

export interface ListOptions {
  /** The campaign readiness is about (none before the first campaign). */
  campaign: Campaign | null;
  readiness?: Readiness["status"] | undefined;
  sort: "name" | "nextAudit";
}

interface ListedFarmRow extends FarmRow {
  readiness: Readiness["status"] | null;
  submitted_at: string | null;
  response_version: string | null;
  audited_on: string | null;
  audit_kind: string | null;
  audit_result: string | null;
}

/** The register column of each field a register file can change. */
const COLUMN_OF = {
  name: "name",
  region: "region",
  province: "province",
  herdSize: "herd_size",
  dairyBuyerId: "dairy_buyer_id",
  certificationBodyId: "certification_body_id",
  inspectionBodyId: "inspection_body_id",
} as const;

/** A farm entering the register (the record key is drawn by the database). */
export interface NewFarm
  extends Pick<
    Farm,
    | "herdNumber"
    | "name"
    | "region"
    | "province"
    | "herdSize"
    | "dairyBuyerId"
    | "certificationBodyId"
    | "inspectionBodyId"
  > {
  /** When the farm entered the register: it counts in the campaigns of that year and later. */
  createdAt: string;
}

export type OrganisationKind = NonNullable<FarmAttribute["organisationKind"]>;

export class FarmRepository {
  constructor(private readonly db: Database) {}

  async get(id: number): Promise<Farm | undefined> {
    const row = await this.db.queryOne<FarmRow>("SELECT * FROM farms WHERE id = ?", [id]);
    return row && toFarm(row);
  }

  async ofFarmer(userId: number): Promise<Farm[]> {
    const rows = await this.db.query<FarmRow>(
      `SELECT f.* FROM farms f JOIN memberships m ON m.scope_type = 'farm' AND m.scope_id = CAST(f.id AS TEXT)
        WHERE m.user_id = ? AND m.role = 'farmer' ORDER BY f.name`,
      [userId],
    );
    return rows.map(toFarm);
  }

  /**
   * The register as one user may see it, searched by herd number or name, each farm with its
   * readiness in the campaign (its monitor's state) and its last audit.
   */
  async list(
    filter: FarmFilter,
    search: string | undefined,
    limit: number,
    offset: number,
    options: ListOptions = { campaign: null, sort: "name" },
  ): Promise<{ total: number; farms: ListedFarm[] }> {
    if (filter.kind === "none") return { total: 0, farms: [] };
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.kind === "farms") {
      const parts: string[] = [];
      if (filter.farmIds.length) {
        parts.push(`f.id IN (${filter.farmIds.map(() => "?").join(", ")})`);
        args.push(...filter.farmIds);
      }
      if (filter.inspectionBodyIds.length) {
        parts.push(`f.inspection_body_id IN (${filter.inspectionBodyIds.map(() => "?").join(", ")})`);
        args.push(...filter.inspectionBodyIds);
      }
      where.push(`(${parts.join(" OR ")})`);
    }
    if (search) {
      where.push("(f.herd_number LIKE ? ESCAPE '\\' OR f.name LIKE ? ESCAPE '\\')");
      const pattern = `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      args.push(pattern, pattern);
    }
    const campaign = options.campaign;
    if (options.readiness) {
      if (!campaign) return { total: 0, farms: [] };
      where.push("coalesce(r.status, 'not_started') = ?");
      args.push(options.readiness);
    }
    const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const joinResponse = "LEFT JOIN responses r ON r.farm_id = f.id AND r.campaign_id = ?";
    const order =
      options.sort === "nextAudit"
        ? "f.next_audit_on IS NULL, f.next_audit_on, f.name, f.id"
        : "f.name, f.id";
    const rows = await this.db.query<ListedFarmRow>(
      `SELECT f.*, r.status AS readiness, r.submitted_at AS submitted_at, r.survey_version_id AS response_version,
              a.audited_on AS audited_on, a.kind AS audit_kind, a.result AS audit_result
         FROM farms f ${joinResponse}
         LEFT JOIN audits a ON a.id = (SELECT id FROM audits WHERE farm_id = f.id ORDER BY audited_on DESC, id DESC LIMIT 1)
         ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`,
      [campaign?.id ?? null, ...args, limit, offset],
    );
    const total = await this.db.queryOne<{ n: number }>(
      `SELECT count(*) AS n FROM farms f ${joinResponse} ${clause}`,
      [campaign?.id ?? null, ...args],
    );
    return {
      total: Number(total?.n ?? 0),
      farms: rows.map((r) => ({
        ...toFarm(r),
        readiness: campaign
          ? {
              status: r.readiness ?? "not_started",
              campaign: { id: campaign.id, year: campaign.year },
              submittedAt: r.submitted_at,
              surveyVersion: r.response_version ?? campaign.surveyVersionId,
            }
          : null,
        lastAudit: r.audited_on
          ? {
              auditedOn: r.audited_on,
              kind: r.audit_kind as "periodic" | "unannounced",
              result: r.audit_result,
            }
          : null,
      })),
    };
  }

  /** Every farm of the register, as a register file describes it. */
  async registerFarms(): Promise<(RegisterFarm & { id: number })[]> {
    const rows = await this.db.query<FarmRow>("SELECT * FROM farms ORDER BY id");
    return rows.map((r) => {
      const { id, herdNumber, name, region, province, herdSize, active } = toFarm(r);
      return {
        id,
        herdNumber,
        name,
        region,
        province,
        herdSize,
        dairyBuyerId: r.dairy_buyer_id,
        certificationBodyId: r.certification_body_id,
        inspectionBodyId: r.inspection_body_id,
        active,
      };
    });
  }

  /** A farm's value of each farm attribute in a campaign's year (its size class: that year's herd). */
  async attributesIn(farmId: number, campaignId: number): Promise<Record<FarmAttributeName, string>> {
    const row = await this.db.queryOne<Record<string, string>>(
      `SELECT ${FARM_ATTRIBUTES.map((a) => `${a.sql("c.year")} AS ${a.counterColumn}`).join(", ")}
         FROM farms f, campaigns c WHERE f.id = ? AND c.id = ?`,
      [farmId, campaignId],
    );
    if (!row) throw new Error(`no farm ${farmId} or campaign ${campaignId}`);
    return Object.fromEntries(FARM_ATTRIBUTES.map((a) => [a.name, String(row[a.counterColumn])])) as Record<
      FarmAttributeName,
      string
    >;
  }

  /**
   * Statements that apply a register diff: farms are added and updated in place (so their record
   * keys, and the statistic counters that sum them, stay as they are), stopped farms get the day.
   * Before a farm's herd size changes, the herd it had is kept for every campaign it submitted
   * without one kept, so those monitors keep their size class (and their counter rows).
   */
  registerStatements(diff: RegisterDiff, today: string, now: Date): InStatement[] {
    const byHerd = new Map<string, RegisterRow>();
    for (const row of [...diff.stops]) byHerd.set(row.herdNumber, row);
    const changed = new Map<string, Partial<Record<string, unknown>>>();
    for (const change of diff.changes) {
      const fields = changed.get(change.herdNumber) ?? {};
      fields[change.field] = change.to;
      changed.set(change.herdNumber, fields);
    }
    const statements: InStatement[] = diff.adds.map((row) => ({
      sql: `INSERT INTO farms (herd_number, name, region, province, herd_size, dairy_buyer_id, certification_body_id, inspection_body_id, active, stopped_on, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [
        row.herdNumber,
        row.name,
        row.region,
        row.province,
        row.herdSize,
        row.dairyBuyerId,
        row.certificationBodyId,
        row.inspectionBodyId,
        row.active ? 1 : 0,
        row.active ? null : today,
        now.toISOString(),
      ],
    }));
    for (const [herdNumber, fields] of changed) {
      const sets = Object.entries(fields).map(([field, value]) =>
        field === "active"
          ? { sql: "active = 1, stopped_on = NULL", args: [] }
          : { sql: `${COLUMN_OF[field as keyof typeof COLUMN_OF]} = ?`, args: [value] },
      );
      if (fields.herdSize !== undefined)
        statements.push({
          sql: `INSERT INTO farm_herd_sizes (farm_id, year, herd_size)
                SELECT f.id, c.year, f.herd_size
                  FROM farms f JOIN responses r ON r.farm_id = f.id AND r.status = 'submitted'
                  JOIN campaigns c ON c.id = r.campaign_id
                 WHERE f.herd_number = ? COLLATE NOCASE
                ON CONFLICT (farm_id, year) DO NOTHING`,
          args: [herdNumber],
        });
      statements.push({
        sql: `UPDATE farms SET ${sets.map((s) => s.sql).join(", ")} WHERE herd_number = ? COLLATE NOCASE`,
        args: [...sets.flatMap((s) => s.args), herdNumber] as never,
      });
    }
    for (const row of byHerd.values())
      statements.push({
        sql: "UPDATE farms SET active = 0, stopped_on = ? WHERE herd_number = ? COLLATE NOCASE",
        args: [today, row.herdNumber],
      });
    return statements;
  }

  setNextAuditStatement(farmId: number, nextAuditOn: string): InStatement {
    return { sql: "UPDATE farms SET next_audit_on = ? WHERE id = ?", args: [nextAuditOn, farmId] };
  }

  async create(farm: NewFarm): Promise<number> {
    const result = await this.db.writeOne(
      `INSERT INTO farms (herd_number, name, region, province, herd_size, dairy_buyer_id, certification_body_id, inspection_body_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [
        farm.herdNumber,
        farm.name,
        farm.region,
        farm.province,
        farm.herdSize,
        farm.dairyBuyerId,
        farm.certificationBodyId,
        farm.inspectionBodyId,
        farm.createdAt,
      ],
    );
    return Number(result.rows[0]?.id);
  }

  /** Adds an organisation farms can relate to; one already there (by id) is left as it is. */
  async addOrganisation(organisation: { id: string; kind: OrganisationKind; name: string }): Promise<void> {
    await this.db.writeOne(
      "INSERT INTO organisations (id, kind, name) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
      [organisation.id, organisation.kind, organisation.name],
    );
  }

  async organisations() {
    return this.db.query<{ id: string; kind: string; name: string }>(
      "SELECT id, kind, name FROM organisations ORDER BY kind, name",
    );
  }
}
