/** Percentiles over repeated timings, and the one timing loop every measurement uses. */
export interface Timing {
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The value at fraction p of the sorted sample (nearest rank). */
export function quantile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}

export function summarise(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    runs: sorted.length,
    p50: round(quantile(sorted, 0.5)),
    p95: round(quantile(sorted, 0.95)),
    p99: round(quantile(sorted, 0.99)),
    max: round(sorted.at(-1) ?? 0),
  };
}

/**
 * Runs `once` `warmUp` times unmeasured, then `runs` times one after the other, in milliseconds;
 * with a `budgetMs`, stops after at least 3 runs once the timed runs took that long (slow queries
 * at large sizes).
 */
export async function time(
  once: () => Promise<unknown>,
  warmUp: number,
  runs: number,
  budgetMs = Number.POSITIVE_INFINITY,
): Promise<Timing> {
  for (let i = 0; i < warmUp; i++) await once();
  const samples: number[] = [];
  for (let i = 0; i < runs && (i < 3 || samples.reduce((a, b) => a + b, 0) < budgetMs); i++) {
    const started = performance.now();
    await once();
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}
