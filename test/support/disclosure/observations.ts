/**
 * From shown figures to observations about single farms, generically (no list of known cases):
 *   - differencing: any two shown views whose farm sets differ by exactly one farm, one inside the other;
 *   - complementary splits: a view P minus its shown sub-views P ∩ (X = v), over all values v of another
 *     attribute X, when exactly one farm is left over.
 * Views with the same farms are the same population, hence the same cell (the same noise).
 */
import type { AttributeFilter } from "@monitor/domain";
import { FARM_ATTRIBUTES } from "@monitor/domain";
import { parseBin, TOTAL_TARGET } from "./groundTruth.ts";
import { filterKey } from "./lattice.ts";
import type { Contribution, NoiseKind, Term } from "./posterior.ts";

/** One shown figure of one population (all views with these farms share it). */
export interface Cell {
  id: string;
  campaignId: number;
  population: Population;
  measure: string;
  kind: NoiseKind;
  /** The shown figure lies in [lo, hi] (lo = hi unless read back from a rounded mean). */
  lo: number;
  hi: number;
  /** The first view that showed it, for reports: `adoption?region=…`. */
  shownBy: string;
}

export interface Population {
  key: string;
  campaignId: number;
  farms: readonly number[];
  hash: string;
}

export interface Observation {
  attack: "differencing" | "split";
  campaignId: number;
  farmId: number;
  /** `initiative:<id>` or `total`. */
  target: string;
  contribution: Contribution;
  terms: Term[];
  lo: number;
  hi: number;
  describe: string;
}

/** The target a measure tells about, and how the target farm's value enters it. */
export function targetOf(measure: string): { target: string; contribution: Contribution } | null {
  if (measure.startsWith("initiative:")) return { target: measure, contribution: { kind: "value" } };
  if (measure === "sum:total") return { target: TOTAL_TARGET, contribution: { kind: "value" } };
  const bin = parseBin(measure);
  if (bin) return { target: TOTAL_TARGET, contribution: { kind: "indicator", ...bin } };
  return null; // the farm count says only that the farm is in the view
}

// Zobrist-style set hashing: two 32-bit random words per farm, summed mod 2^32, so the hash of
// P minus one farm is found by subtraction. Candidates are checked against the actual sets.
function randomWords(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}
const words = new Map<number, [number, number]>();
const next = randomWords(0x5eed);
function wordsOf(farm: number): [number, number] {
  let w = words.get(farm);
  if (!w) {
    w = [next(), next()];
    words.set(farm, w);
  }
  return w;
}
const hashKey = (a: number, b: number) => `${a >>> 0}:${b >>> 0}`;

export function populationOf(campaignId: number, farms: readonly number[]): Population {
  let a = 0;
  let b = 0;
  for (const f of farms) {
    const [x, y] = wordsOf(f);
    a = (a + x) >>> 0;
    b = (b + y) >>> 0;
  }
  return { key: `${campaignId}|${farms.join(",")}`, campaignId, farms, hash: hashKey(a, b) };
}

function without(p: Population, farm: number): string {
  const [a, b] = p.hash.split(":").map(Number) as [number, number];
  const [x, y] = wordsOf(farm);
  return hashKey(a - x, b - y);
}

const describeCell = (c: Cell) =>
  `${c.shownBy} ${c.measure} ${c.lo === c.hi ? c.lo : `∈[${c.lo},${c.hi}]`} (${c.population.farms.length} farms)`;

function observation(
  attack: Observation["attack"],
  farmId: number,
  plus: Cell,
  minus: readonly Cell[],
): Observation | null {
  const t = targetOf(plus.measure);
  if (!t) return null;
  return {
    attack,
    campaignId: plus.campaignId,
    farmId,
    target: t.target,
    contribution: t.contribution,
    terms: [
      { cell: plus.id, coef: 1, kind: plus.kind },
      ...minus.map((c): Term => ({ cell: c.id, coef: -1, kind: c.kind })),
    ],
    lo: plus.lo - minus.reduce((s, c) => s + c.hi, 0),
    hi: plus.hi - minus.reduce((s, c) => s + c.lo, 0),
    describe: `${attack}: ${describeCell(plus)}${minus.map((c) => ` − ${describeCell(c)}`).join("")}`,
  };
}

/** The shown cells of each population, by measure. */
export type CellIndex = ReadonlyMap<string, ReadonlyMap<string, Cell>>;

/** Every pair of shown populations that differ by exactly one farm, one inside the other. */
export function differencingObservations(
  populations: readonly Population[],
  cells: CellIndex,
): Observation[] {
  const byHash = new Map<string, Population[]>();
  for (const p of populations) byHash.set(p.hash, [...(byHash.get(p.hash) ?? []), p]);
  const found: Observation[] = [];
  for (const p of populations) {
    const pCells = cells.get(p.key);
    if (!pCells) continue;
    const members = new Set(p.farms);
    for (const farm of p.farms) {
      for (const q of byHash.get(without(p, farm)) ?? []) {
        if (q.campaignId !== p.campaignId || q.farms.length !== p.farms.length - 1) continue;
        if (!q.farms.every((f) => members.has(f) && f !== farm)) continue;
        const qCells = cells.get(q.key);
        if (!qCells) continue;
        for (const [measure, cell] of pCells) {
          const other = qCells.get(measure);
          if (!other) continue;
          const o = observation("differencing", farm, cell, [other]);
          if (o) found.push(o);
        }
      }
    }
  }
  return found;
}

/** A view of the lattice as the split search needs it. */
export interface LatticeView {
  filters: AttributeFilter;
  population: Population;
}

/**
 * For every view P of at most one attribute and every other attribute X: P minus its shown sub-views
 * P ∩ (X = v) over all offered values v, per measure, when exactly one farm is left over.
 */
export function splitObservations(
  views: ReadonlyMap<string, LatticeView>,
  values: Partial<Record<string, readonly string[]>>,
  cells: CellIndex,
): Observation[] {
  const found: Observation[] = [];
  for (const parent of views.values()) {
    const names = Object.keys(parent.filters).filter(
      (n) => parent.filters[n as keyof AttributeFilter] !== undefined,
    );
    if (names.length > 1) continue;
    const parentCells = cells.get(parent.population.key);
    if (!parentCells) continue;
    for (const attribute of FARM_ATTRIBUTES) {
      if (names.includes(attribute.name)) continue;
      const children = (values[attribute.name] ?? []).flatMap((v) => {
        const child = views.get(filterKey({ ...parent.filters, [attribute.name]: v }));
        return child && child.population.farms.length > 0 ? [child] : [];
      });
      for (const [measure, cell] of parentCells) {
        if (!targetOf(measure)) continue;
        const shown = children.flatMap((c) => {
          const childCell = cells.get(c.population.key)?.get(measure);
          return childCell ? [{ child: c, cell: childCell }] : [];
        });
        const covered = shown.reduce((n, s) => n + s.child.population.farms.length, 0);
        if (parent.population.farms.length - covered !== 1) continue;
        const inChildren = new Set(shown.flatMap((s) => s.child.population.farms));
        const left = parent.population.farms.filter((f) => !inChildren.has(f));
        if (left.length !== 1) continue; // the sub-views were not a partition (cannot happen)
        const o = observation(
          "split",
          left[0] as number,
          cell,
          shown.map((s) => s.cell),
        );
        if (o) found.push(o);
      }
    }
  }
  return found;
}

/** The same observation found twice (views with the same farms) counts once. */
export function dedupe(observations: readonly Observation[]): Observation[] {
  const seen = new Map<string, Observation>();
  for (const o of observations) {
    const signature = `${o.campaignId}|${o.farmId}|${o.target}|${o.terms
      .map((t) => `${t.coef}${t.cell}`)
      .sort()
      .join(";")}`;
    if (!seen.has(signature)) seen.set(signature, o);
  }
  return [...seen.values()];
}
