import { type AggregateScope, type FarmAttributeName, farmAttribute } from "@monitor/domain";
import type { Database } from "../db/client.ts";
import { AggregateCache } from "./aggregateCache.ts";

/** SQL condition restricting farms (alias f) to an analyst's population. */
export function scopeCondition(scope: AggregateScope): { sql: string; args: unknown[] } {
  switch (scope.kind) {
    case "all":
      return { sql: "1 = 1", args: [] };
    case "dairy_buyer":
      return { sql: "f.dairy_buyer_id = ?", args: [scope.id] };
    case "certification_body":
      return { sql: "f.certification_body_id = ?", args: [scope.id] };
  }
}

export class SectorRepository {
  private readonly cache: AggregateCache;

  constructor(private readonly db: Database) {
    this.cache = new AggregateCache(db);
  }

  /**
   * The values a farm attribute takes on the register within a scope (for an attribute without a
   * fixed list), kept until the register changes (aggregateCache.ts).
   */
  attributeValues(name: FarmAttributeName, scope: AggregateScope): Promise<string[]> {
    return this.cache.figures(`attribute-values:${name}`, { scope }, () =>
      this.countAttributeValues(name, scope),
    );
  }

  /** `attributeValues` read from the register, row by row. */
  async countAttributeValues(name: FarmAttributeName, scope: AggregateScope): Promise<string[]> {
    const where = scopeCondition(scope);
    const rows = await this.db.query<{ value: string }>(
      `SELECT DISTINCT ${farmAttribute(name).sql("NULL")} AS value FROM farms f WHERE ${where.sql} ORDER BY value`,
      where.args,
    );
    return rows.map((r) => r.value);
  }

  /** Active farms and their key sum per region, kept until the register changes (aggregateCache.ts). */
  activeFarmsByRegion(scope: AggregateScope): Promise<{ region: string; farms: number; keySum: number }[]> {
    return this.cache.figures("active-farms-by-region", { scope }, () =>
      this.countActiveFarmsByRegion(scope),
    );
  }

  /** `activeFarmsByRegion` counted from the register, row by row. */
  async countActiveFarmsByRegion(
    scope: AggregateScope,
  ): Promise<{ region: string; farms: number; keySum: number }[]> {
    const where = scopeCondition(scope);
    const rows = await this.db.query<{ region: string; farms: number; key_sum: number }>(
      `SELECT f.region, count(*) AS farms, sum(f.record_key) % 4294967296 AS key_sum
         FROM farms f WHERE f.active = 1 AND ${where.sql} GROUP BY f.region ORDER BY f.region`,
      where.args,
    );
    return rows.map((r) => ({ region: r.region, farms: Number(r.farms), keySum: Number(r.key_sum) }));
  }
}
