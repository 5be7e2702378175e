export const DEFAULT_MIN_GROUP_SIZE = 5;

export type Suppressed<T> = { suppressed: true; value: null } | { suppressed: false; value: T };

/** A figure computed over fewer than `k` farms never leaves the platform. */
export function suppressBelow<T>(farms: number, k: number, compute: () => T): Suppressed<T> {
  if (farms < k) return { suppressed: true, value: null };
  return { suppressed: false, value: compute() };
}
