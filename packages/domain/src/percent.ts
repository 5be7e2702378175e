/**
 * The one division rule and the one rounding rule of the platform. Every statistic divides through
 * `ratio` (or `share` for a fraction of farms), and every figure shown to a person is rounded with
 * `round` (or `asPercent`), so the API, the web app and the exports never disagree by a rounding.
 */

function assertCount(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
  }
}

/**
 * `numerator / denominator`, or `null` when the denominator is 0 (there is nothing to divide by:
 * an empty group has no mean). Never NaN, never Infinity. Both inputs must be finite; the
 * numerator may be negative (a difference), the denominator may not.
 */
export function ratio(numerator: number, denominator: number): number | null {
  if (!Number.isFinite(numerator)) throw new RangeError(`numerator must be finite, got ${numerator}`);
  assertCount("denominator", denominator);
  if (denominator === 0) return null;
  return numerator / denominator;
}

/**
 * The share of farms: a fraction between 0 and 1 (not a percentage), or `null` when there are no
 * farms (denominator 0). A numerator above the denominator or a negative count is a programming
 * error and throws, rather than publishing a share above 100%.
 */
export function share(numerator: number, denominator: number): number | null {
  assertCount("numerator", numerator);
  assertCount("denominator", denominator);
  if (numerator > denominator) {
    throw new RangeError(`share numerator ${numerator} exceeds its denominator ${denominator}`);
  }
  return ratio(numerator, denominator);
}

/**
 * Rounds `value × 10^shift` to `digits` decimals, half away from zero, working on the number's
 * shortest decimal representation (what JavaScript prints), not on its binary value: 1.005 is
 * printed "1.005" and rounds to 1.01, as a person reading it expects. Shifting the decimal point
 * in the string also avoids the binary error of multiplying (0.285 × 100 = 28.499999999999996).
 */
function roundShifted(value: number, digits: number, shift: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`cannot round ${value}`);
  if (!Number.isInteger(digits) || digits < 0 || digits > 15) {
    throw new RangeError(`digits must be an integer from 0 to 15, got ${digits}`);
  }
  const scaled = moveDecimalPoint(Math.abs(value), digits + shift);
  // Math.round rounds .5 up, which for a non-negative number is away from zero.
  const rounded = moveDecimalPoint(Math.round(scaled), -digits);
  // Normalise -0 to 0: "-0" is not a figure to show.
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

function moveDecimalPoint(value: number, places: number): number {
  const [mantissa, exponent = "0"] = String(value).split("e");
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/**
 * Rounds a figure for presentation to `digits` decimals (0 to 15), half away from zero:
 * round(2.5, 0) = 3, round(-2.5, 0) = -3, round(0.125, 2) = 0.13, round(1.005, 2) = 1.01.
 * Statistics are computed unrounded; only the presented figure is rounded, once.
 */
export function round(value: number, digits: number): number {
  return roundShifted(value, digits, 0);
}

/**
 * A fraction (as from `share`) as a percentage rounded to `digits` decimals (default 1), with the
 * same rule as `round`: asPercent(0.9446, 1) = 94.5, asPercent(0.285, 0) = 29. `null` stays `null`.
 */
export function asPercent(fraction: number | null, digits = 1): number | null {
  if (fraction === null) return null;
  return roundShifted(fraction, digits, 2);
}
