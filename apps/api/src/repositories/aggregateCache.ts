import type { Database } from "../db/client.ts";
import type { Population } from "./population.ts";

/**
 * Figures counted row by row from the register, kept per view and population until the register,
 * the monitors' existence or status, the audits or the campaigns change (migration 015: triggers
 * move one generation number on). A kept figure is one indexed read; a stale or missing one is
 * counted again and kept. Every instance on one database sees the same generation.
 */
export class AggregateCache {
  constructor(private readonly db: Database) {}

  async figures<T>(view: string, population: Population, count: () => Promise<T>): Promise<T> {
    const key = populationKey(population);
    const kept = await this.db.queryOne<{ figures: string | null; generation: number }>(
      `SELECT g.generation, (SELECT a.figures FROM aggregate_cache a
                              WHERE a.view = ? AND a.population = ? AND a.generation = g.generation) AS figures
         FROM aggregate_generation g`,
      [view, key],
    );
    if (kept?.figures) return JSON.parse(kept.figures) as T;
    // Counted after reading the generation: a change meanwhile leaves the kept figure stale, never wrong.
    const figures = await count();
    await this.db.writeOne(
      `INSERT INTO aggregate_cache (view, population, generation, figures) VALUES (?, ?, ?, ?)
       ON CONFLICT (view, population) DO UPDATE SET generation = excluded.generation, figures = excluded.figures
        WHERE excluded.generation >= aggregate_cache.generation`,
      [view, key, Number(kept?.generation ?? 0), JSON.stringify(figures)],
    );
    return figures;
  }
}

/** One text per population: the scope and the attribute filters, in a fixed order. */
export function populationKey(p: Population): string {
  const attributes = Object.entries(p)
    .filter(([name, value]) => name !== "scope" && value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([p.scope, attributes]);
}
