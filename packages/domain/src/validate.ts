/** Input checks shared by the statistics; internal to the package (not exported by index.ts). */

export function assertValues(values: readonly number[]): void {
  for (const v of values) {
    if (!Number.isFinite(v)) throw new RangeError(`a farm's count must be a finite number, got ${v}`);
  }
}

export function assertProbability(p: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile probability must be within 0..1, got ${p}`);
}
