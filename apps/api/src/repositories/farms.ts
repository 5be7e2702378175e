import type { FarmAttribute, FarmFilter } from "@monitor/domain";
import type { Database } from "../db/client.ts";

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

  /** The register as one user may see it, searched by herd number or name. */
  async list(filter: FarmFilter, search: string | undefined, limit: number, offset: number) {
    if (filter.kind === "none") return { total: 0, farms: [] as Farm[] };
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.kind === "farms") {
      const parts: string[] = [];
      if (filter.farmIds.length) {
        parts.push(`id IN (${filter.farmIds.map(() => "?").join(", ")})`);
        args.push(...filter.farmIds);
      }
      if (filter.inspectionBodyIds.length) {
        parts.push(`inspection_body_id IN (${filter.inspectionBodyIds.map(() => "?").join(", ")})`);
        args.push(...filter.inspectionBodyIds);
      }
      where.push(`(${parts.join(" OR ")})`);
    }
    if (search) {
      where.push("(herd_number LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\')");
      const pattern = `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      args.push(pattern, pattern);
    }
    const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const rows = await this.db.query<FarmRow>(
      `SELECT * FROM farms ${clause} ORDER BY name, id LIMIT ? OFFSET ?`,
      [...args, limit, offset],
    );
    const total = await this.db.queryOne<{ n: number }>(`SELECT count(*) AS n FROM farms ${clause}`, args);
    return { total: Number(total?.n ?? 0), farms: rows.map(toFarm) };
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
