/**
 * Disclosure control: every figure shown to a non-individual audience passes through here.
 *
 * Cell-key perturbation (as ABS TableBuilder, ONS Cantabular). Each farm has a permanent secret
 * random record key; a view's key is the sum of its farms' record keys mod 2^32. The noise on a
 * figure is a deterministic function of (server secret, view key, campaign, measure), drawn from a
 * two-sided geometric (discrete Laplace) distribution truncated at ±bound. So the same population
 * always gets the same noise (repeating a query teaches nothing), a population one farm larger
 * gets independent noise (subtracting two views leaves that farm hidden in noise), and every
 * other figure (means, shares, quantiles) is computed from protected figures only.
 * The method is public (see docs/disclosure-control.md); only the keys and the secret are not.
 * Pure: no I/O, runs in Node and in the browser.
 */
import type { Histogram } from "./histogram.ts";
import { mergeHistograms } from "./histogram.ts";
import { round, share } from "./percent.ts";
import type { Quartiles } from "./statistics.ts";
import type { Suppressed } from "./suppression.ts";
import { DEFAULT_MIN_GROUP_SIZE } from "./suppression.ts";
import { assertProbability } from "./validate.ts";

export interface DisclosureParams {
  /** k: no figure over fewer than k farms, no count under k shown. */
  minGroupSize: number;
  /** Scale b of the count noise (P(z) ∝ e^{-|z|/b}); one farm moves a count's likelihood ≤ e^{1/b}. */
  countScale: number;
  /** Count noise never exceeds ±countBound. */
  countBound: number;
  /** Scale of the noise on sums of per-farm totals, in initiatives. */
  sumScale: number;
  /** Sum noise never exceeds ±sumBound. */
  sumBound: number;
  /** Width of the fixed distribution bins (0–4, 5–9, … for 5). */
  binWidth: number;
}

export const DEFAULT_DISCLOSURE_PARAMS: Readonly<DisclosureParams> = Object.freeze({
  minGroupSize: DEFAULT_MIN_GROUP_SIZE,
  countScale: 1,
  countBound: 10,
  sumScale: 3,
  sumBound: 30,
  binWidth: 5,
});

/** The server's secret noise key (128 bits), from `noiseKey`: four 32-bit words, k0 high, k0 low, k1 high, k1 low. */
export interface NoiseKey {
  readonly words: readonly [number, number, number, number];
}

/** Everything the protect functions need to know about one view. */
export interface DisclosureContext {
  /** Sum of the record keys of the view's farms, mod 2^32 (`combineKeys`). */
  viewKey: number;
  /** Exact number of farms in the view's population (never shown as such). */
  farms: number;
  campaignId: string;
  /** The server's secret: without it the 32-bit view key alone could be searched (see the docs). */
  secret: NoiseKey;
  params?: DisclosureParams;
}

/** The measure name of a view's farm count; it decides whether the view is shown at all. */
export const FARMS_MEASURE = "farms";

/**
 * Canonical measure names. One figure has one name in every route, export and report: under two
 * names the same figure of the same population would get two independent draws to average.
 */
export const MEASURE = {
  farms: FARMS_MEASURE,
  registered: "registered",
  submitted: "submitted",
  sumTotal: "sum:total",
  initiative: (id: string): string => `initiative:${id}`,
  themeSum: (theme: string): string => `theme:${theme}:sum`,
  /** Prefix of the bins of a theme's distribution (`fixedBins(h, max, ctx, MEASURE.themeBins(t))`). */
  themeBins: (theme: string): string => `theme:${theme}:bin`,
} as const;

const TWO_32 = 4294967296;

/** The view key of a population from partial sums of record keys (e.g. one per counter row): their sum mod 2^32. */
export function combineKeys(sums: readonly (number | bigint)[]): number {
  let key = 0;
  for (const s of sums) {
    if (typeof s === "bigint") {
      if (s < 0n) throw new RangeError(`a key sum must be ≥ 0, got ${s}`);
      key += Number(s % 4294967296n);
    } else {
      // Past 2^53 a number is no longer exact; such sums must come as bigint.
      if (!Number.isSafeInteger(s) || s < 0)
        throw new RangeError(`a key sum must be a safe integer ≥ 0, got ${s}`);
      key += s % TWO_32;
    }
    key %= TWO_32; // both terms < 2^32, so the sum is exact
  }
  return key;
}

/** Parses the server's 128-bit noise secret from 32 hex digits (bytes in order, as in the SipHash paper). */
export function noiseKey(hex: string): NoiseKey {
  if (!/^[0-9a-fA-F]{32}$/.test(hex))
    throw new RangeError("the noise secret must be 32 hex digits (128 bits)");
  const bytes = Uint8Array.from({ length: 16 }, (_, i) => Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16));
  return { words: [word(bytes, 4), word(bytes, 0), word(bytes, 12), word(bytes, 8)] };
}

/** Little-endian 32-bit word at `at`; bytes past the end read as 0. */
function word(bytes: Uint8Array, at: number): number {
  return (
    ((bytes[at] ?? 0) |
      ((bytes[at + 1] ?? 0) << 8) |
      ((bytes[at + 2] ?? 0) << 16) |
      ((bytes[at + 3] ?? 0) << 24)) >>>
    0
  );
}

// SipHash state as 32-bit halves (v0 high, v0 low, v1 high, …): plain numbers are ~50× faster than BigInt.
// A Uint32Array wraps every store mod 2^32.
const state = new Uint32Array(8);

function add(a: number, b: number): void {
  const low = (state[a + 1] as number) + (state[b + 1] as number);
  state[a] = (state[a] as number) + (state[b] as number) + (low > 0xffffffff ? 1 : 0);
  state[a + 1] = low;
}

function rotl(a: number, r: number): void {
  const high = state[a] as number;
  const low = state[a + 1] as number;
  if (r === 32) {
    state[a] = low;
    state[a + 1] = high;
  } else {
    state[a] = (high << r) | (low >>> (32 - r));
    state[a + 1] = (low << r) | (high >>> (32 - r));
  }
}

function xor(a: number, b: number): void {
  state[a] = (state[a] as number) ^ (state[b] as number);
  state[a + 1] = (state[a + 1] as number) ^ (state[b + 1] as number);
}

const V0 = 0;
const V1 = 2;
const V2 = 4;
const V3 = 6;

function sipRounds(n: number): void {
  for (let i = 0; i < n; i++) {
    add(V0, V1);
    rotl(V1, 13);
    xor(V1, V0);
    rotl(V0, 32);
    add(V2, V3);
    rotl(V3, 16);
    xor(V3, V2);
    add(V0, V3);
    rotl(V3, 21);
    xor(V3, V0);
    add(V2, V1);
    rotl(V1, 17);
    xor(V1, V2);
    rotl(V2, 32);
  }
}

function absorb(high: number, low: number): void {
  state[V3] = (state[V3] as number) ^ high;
  state[V3 + 1] = (state[V3 + 1] as number) ^ low;
  sipRounds(2);
  state[V0] = (state[V0] as number) ^ high;
  state[V0 + 1] = (state[V0 + 1] as number) ^ low;
}

/** SipHash-2-4 of `message`, returned as its high and low 32-bit halves. */
function sipHashWords(key: NoiseKey, message: Uint8Array): [number, number] {
  const [k0h, k0l, k1h, k1l] = key.words;
  state.set([k0h ^ 0x736f6d65, k0l ^ 0x70736575, k1h ^ 0x646f7261, k1l ^ 0x6e646f6d]);
  state.set([k0h ^ 0x6c796765, k0l ^ 0x6e657261, k1h ^ 0x74656462, k1l ^ 0x79746573], 4);
  const whole = message.length - (message.length % 8);
  for (let at = 0; at < whole; at += 8) absorb(word(message, at + 4), word(message, at));
  // Last block: the remaining bytes, and the message length mod 256 in the top byte.
  const tail = message.subarray(whole);
  absorb(((message.length & 0xff) << 24) | word(tail, 4), word(tail, 0));
  state[V2 + 1] = (state[V2 + 1] as number) ^ 0xff;
  sipRounds(4);
  const high = (state[V0] as number) ^ (state[V1] as number) ^ (state[V2] as number) ^ (state[V3] as number);
  const low =
    (state[V0 + 1] as number) ^
    (state[V1 + 1] as number) ^
    (state[V2 + 1] as number) ^
    (state[V3 + 1] as number);
  return [high >>> 0, low >>> 0];
}

/**
 * SipHash-2-4 (Aumasson & Bernstein), a keyed pseudo-random function: without the secret its output
 * cannot be predicted, so noise cannot be stripped by trying all 2^32 view keys offline.
 */
export function sipHash24(key: NoiseKey, message: Uint8Array): bigint {
  const [high, low] = sipHashWords(key, message);
  return (BigInt(high) << 32n) | BigInt(low);
}

const utf8 = new TextEncoder();
// Campaign and measure names come from a small set; encoding them once saves most of the hashing time.
const encoded = new Map<string, Uint8Array>();

function utf8Bytes(text: string): Uint8Array {
  let bytes = encoded.get(text);
  if (!bytes) {
    if (encoded.size >= 10_000) encoded.clear();
    bytes = utf8.encode(text);
    encoded.set(text, bytes);
  }
  return bytes;
}

/** Uniform u in (0, 1) for one figure: the view key, then the campaign (length-prefixed), then the measure. */
function cellUniform(ctx: DisclosureContext, measure: string): number {
  const campaign = utf8Bytes(ctx.campaignId);
  const name = utf8Bytes(measure);
  const message = new Uint8Array(8 + campaign.length + name.length);
  const view = new DataView(message.buffer);
  view.setUint32(0, ctx.viewKey, true);
  view.setUint32(4, campaign.length, true);
  message.set(campaign, 8);
  message.set(name, 8 + campaign.length);
  const [high, low] = sipHashWords(ctx.secret, message);
  // The 53 high bits, centred in their cell: never 0, never 1.
  return (high * 2 ** 21 + (low >>> 11) + 0.5) / 2 ** 53;
}

/** Weights α^|z| for z = -bound..bound and their total: the truncated two-sided geometric. */
function weights(scale: number, bound: number): { alpha: number; total: number } {
  if (!(scale > 0 && Number.isFinite(scale))) throw new RangeError(`noise scale must be > 0, got ${scale}`);
  if (!Number.isInteger(bound) || bound < 0)
    throw new RangeError(`noise bound must be a whole number ≥ 0, got ${bound}`);
  const alpha = Math.exp(-1 / scale);
  let total = 1;
  for (let z = 1; z <= bound; z++) total += 2 * alpha ** z;
  return { alpha, total };
}

/** P(noise = delta) for the truncated two-sided geometric with this scale and bound (0 beyond the bound). */
export function noisePmf(delta: number, scale: number, bound: number): number {
  const { alpha, total } = weights(scale, bound);
  if (!Number.isInteger(delta) || Math.abs(delta) > bound) return 0;
  return alpha ** Math.abs(delta) / total;
}

const cdfTables = new Map<string, number[]>();

function cdfTable(scale: number, bound: number): number[] {
  const id = `${scale}/${bound}`;
  let table = cdfTables.get(id);
  if (!table) {
    table = [];
    let cumulative = 0;
    for (let z = -bound; z <= bound; z++) {
      cumulative += noisePmf(z, scale, bound);
      table.push(cumulative);
    }
    cdfTables.set(id, table);
  }
  return table;
}

/** The noise for a uniform u in (0, 1), by the inverse CDF: the smallest z with P(Z ≤ z) ≥ u. */
export function noiseFromUniform(u: number, scale: number, bound: number): number {
  if (!(u > 0 && u < 1)) throw new RangeError(`u must lie strictly between 0 and 1, got ${u}`);
  const table = cdfTable(scale, bound);
  for (let i = 0; i < table.length; i++) if (u <= (table[i] as number)) return i - bound;
  return bound; // rounding left the last cumulative just under 1
}

function paramsOf(ctx: DisclosureContext): DisclosureParams {
  return ctx.params ?? DEFAULT_DISCLOSURE_PARAMS;
}

function assertContext(ctx: DisclosureContext, measure: string): void {
  if (!Number.isInteger(ctx.viewKey) || ctx.viewKey < 0 || ctx.viewKey >= TWO_32) {
    throw new RangeError(`a view key is a 32-bit unsigned integer, got ${ctx.viewKey}`);
  }
  if (!Number.isInteger(ctx.farms) || ctx.farms < 0) throw new RangeError(`farms must be a whole number ≥ 0`);
  if (ctx.campaignId === "" || measure === "") throw new RangeError("campaign and measure must be named");
  const k = paramsOf(ctx).minGroupSize;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number ≥ 1, got ${k}`);
}

/** The noise a measure of this view gets: the same for the same (population, campaign, measure). */
export function measureNoise(ctx: DisclosureContext, measure: string, kind: "count" | "sum"): number {
  assertContext(ctx, measure);
  const p = paramsOf(ctx);
  const u = cellUniform(ctx, measure);
  return kind === "count"
    ? noiseFromUniform(u, p.countScale, p.countBound)
    : noiseFromUniform(u, p.sumScale, p.sumBound);
}

const WITHHELD = Object.freeze({ value: null, suppressed: true as const });

function assertWhole(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
}

/** A count after noise: withheld when the true or the perturbed count is under k. */
function perturbCount(count: number, ctx: DisclosureContext, measure: string): Suppressed<number> {
  assertWhole(`count ${measure}`, count);
  const k = paramsOf(ctx).minGroupSize;
  if (count < k) return WITHHELD;
  const value = Math.max(0, count + measureNoise(ctx, measure, "count"));
  return value < k ? WITHHELD : { value, suppressed: false };
}

/** The view's farm count, protected; when it is withheld, every figure of the view is. */
export function protectFarms(ctx: DisclosureContext): Suppressed<number> {
  return perturbCount(ctx.farms, ctx, FARMS_MEASURE);
}

function viewWithheld(ctx: DisclosureContext): boolean {
  return protectFarms(ctx).suppressed;
}

/** A count of farms (adopters of an initiative, submitted, a bin, …), protected. Shown values are ≥ k. */
export function protectCount(count: number, ctx: DisclosureContext, measure: string): Suppressed<number> {
  if (measure === FARMS_MEASURE && count !== ctx.farms) {
    throw new RangeError(
      `the "${FARMS_MEASURE}" measure is the view's own farm count (${ctx.farms}), got ${count}`,
    );
  }
  if (viewWithheld(ctx)) return WITHHELD;
  return perturbCount(count, ctx, measure);
}

/** A sum of per-farm totals (e.g. `sum:total`, `theme:energy:sum`), protected with the sum noise, never below 0. */
export function protectSum(sum: number, ctx: DisclosureContext, measure: string): Suppressed<number> {
  assertWhole(`sum ${measure}`, sum);
  if (viewWithheld(ctx)) return WITHHELD;
  return { value: Math.max(0, sum + measureNoise(ctx, measure, "sum")), suppressed: false };
}

/** Protected sum / protected count, rounded to 1 decimal; withheld when either is. */
export function protectedMean(
  sum: number,
  count: number,
  ctx: DisclosureContext,
  sumMeasure: string,
  countMeasure: string = FARMS_MEASURE,
): Suppressed<number> {
  const s = protectSum(sum, ctx, sumMeasure);
  const n = protectCount(count, ctx, countMeasure);
  if (s.suppressed || n.suppressed) return WITHHELD;
  return { value: round(s.value / n.value, 1), suppressed: false };
}

/** Protected part / protected whole as a fraction in [0, 1] (via `share`, 4 decimals); withheld when either is. */
export function protectedShare(
  part: number,
  whole: number,
  ctx: DisclosureContext,
  partMeasure: string,
  wholeMeasure: string = FARMS_MEASURE,
): Suppressed<number> {
  share(part, whole); // the exact inputs must make a share: part ≤ whole
  const p = protectCount(part, ctx, partMeasure);
  const w = protectCount(whole, ctx, wholeMeasure);
  if (p.suppressed || w.suppressed) return WITHHELD;
  // Independent noise can put the part above the whole: clamp, so shares stay within [0, 1].
  return { value: round(share(Math.min(p.value, w.value), w.value) as number, 4), suppressed: false };
}

/** One bin of a protected distribution: farms with a total from `lo` to `hi` (both included). */
export type ProtectedBin = { lo: number; hi: number } & Suppressed<number>;

/**
 * A distribution over fixed bins 0..w-1, w..2w-1, … up to the bin holding `maxTotal` (the
 * catalogue size, a public constant): the edges never depend on the data, so no edge is a farm's
 * minimum or maximum. Each bin's farm count is protected as the measure `<prefix>:<lo>-<hi>`.
 */
export function fixedBins(
  h: Histogram,
  maxTotal: number,
  ctx: DisclosureContext,
  prefix = "bin",
): ProtectedBin[] {
  assertWhole("maxTotal", maxTotal);
  const width = paramsOf(ctx).binWidth;
  assertWhole("binWidth", width);
  if (width < 1) throw new RangeError("binWidth must be ≥ 1");
  const counts = new Array<number>(Math.floor(maxTotal / width) + 1).fill(0);
  for (const { total, farms } of mergeHistograms([h])) {
    if (!Number.isInteger(total) || total < 0 || total > maxTotal) {
      throw new RangeError(`a total must be a whole number from 0 to ${maxTotal}, got ${total}`);
    }
    counts[Math.floor(total / width)] = (counts[Math.floor(total / width)] as number) + farms;
  }
  return counts.map((farms, i) => {
    const lo = i * width;
    const hi = lo + width - 1;
    return { lo, hi, ...protectCount(farms, ctx, `${prefix}:${lo}-${hi}`) };
  });
}

/**
 * The p-quantile of a protected distribution, interpolated within its bins (a total t stands for
 * [t − 0.5, t + 0.5)), rounded to 1 decimal. Post-processing of shown figures only: a withheld bin
 * counts as 0 farms. `null` when no bin is shown.
 */
export function protectedQuantile(bins: readonly ProtectedBin[], p: number): number | null {
  assertProbability(p);
  const shown = bins.map((b) => b.value ?? 0);
  const total = shown.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const target = p * total;
  let before = 0;
  for (const [i, bin] of bins.entries()) {
    const f = shown[i] as number;
    if (f > 0 && before + f >= target) {
      const q = bin.lo - 0.5 + ((target - before) / f) * (bin.hi - bin.lo + 1);
      return round(Math.max(0, q), 1);
    }
    before += f;
  }
  return null; // unreachable: the last shown bin reaches the total
}

/** First quartile, median and third quartile of a protected distribution. */
export function protectedQuartiles(bins: readonly ProtectedBin[]): Quartiles {
  return {
    q1: protectedQuantile(bins, 0.25),
    median: protectedQuantile(bins, 0.5),
    q3: protectedQuantile(bins, 0.75),
  };
}
