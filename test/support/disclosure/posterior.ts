/**
 * The attacker's inference: what a set of shown figures tells about one farm's value.
 *
 * A shown figure of a view is its true figure plus noise Z drawn from a public distribution (the
 * method is public, only the keys are secret): the same view (same farms, campaign and measure)
 * always gets the same Z, different views independent ones. An observation is a signed sum of shown
 * figures in which every farm but one cancels (two views that differ by one farm; a view minus its
 * shown sub-groups), so it equals that farm's contribution φ(x) plus a signed sum of noises:
 *
 *   O = φ(x) + Σ c_j Z_j,  known to lie in [lo, hi]  (a point for counts, an interval for sums read
 *                                                    back from a rounded mean)
 *
 * With a uniform prior on x the posterior is proportional to the likelihood; observations about the
 * same farm and figure multiply when they share no view, and when they do, the shared noises are
 * summed out exactly (or, past a size limit, observations are dropped until they fit, which only
 * makes the attacker weaker).
 */
import { DEFAULT_DISCLOSURE_PARAMS, type DisclosureParams, noisePmf } from "@monitor/domain";

/** A distribution over whole numbers: P(Z = offset + i) = p[i]. */
export interface Pmf {
  readonly offset: number;
  readonly p: readonly number[];
}

export type NoiseKind = "count" | "sum";

/** The noise the attacker assumes on each kind of figure. */
export interface NoiseModel {
  name: string;
  count: Pmf;
  sum: Pmf;
}

/** No noise at all: the model of an API that shows exact figures. */
export const POINT_MASS: Pmf = Object.freeze({ offset: 0, p: Object.freeze([1]) });

/** The truncated two-sided geometric of `noisePmf` as an array. */
export function geometricPmf(scale: number, bound: number): Pmf {
  const p: number[] = [];
  for (let z = -bound; z <= bound; z++) p.push(noisePmf(z, scale, bound));
  return { offset: -bound, p };
}

/** The documented cell-key noise (docs/disclosure-control.md), with these parameters. */
export function documentedModel(params: DisclosureParams = DEFAULT_DISCLOSURE_PARAMS): NoiseModel {
  return {
    name: `cell-key noise (counts: scale ${params.countScale}, bound ±${params.countBound}; sums: scale ${params.sumScale}, bound ±${params.sumBound})`,
    count: geometricPmf(params.countScale, params.countBound),
    sum: geometricPmf(params.sumScale, params.sumBound),
  };
}

export const EXACT_MODEL: NoiseModel = Object.freeze({
  name: "exact figures (no noise)",
  count: POINT_MASS,
  sum: POINT_MASS,
});

export const pmfAt = (pmf: Pmf, z: number): number => pmf.p[z - pmf.offset] ?? 0;
export const pmfMin = (pmf: Pmf): number => pmf.offset;
export const pmfMax = (pmf: Pmf): number => pmf.offset + pmf.p.length - 1;

/** The distribution of X + Y for independent X, Y. */
export function convolve(a: Pmf, b: Pmf): Pmf {
  const p = new Array<number>(a.p.length + b.p.length - 1).fill(0);
  for (let i = 0; i < a.p.length; i++) {
    const ai = a.p[i] as number;
    if (ai === 0) continue;
    for (let j = 0; j < b.p.length; j++) p[i + j] = (p[i + j] as number) + ai * (b.p[j] as number);
  }
  return { offset: a.offset + b.offset, p };
}

/** The distribution of −X. */
export function negate(a: Pmf): Pmf {
  return { offset: -(a.offset + a.p.length - 1), p: [...a.p].reverse() };
}

/** The distribution of Σ c_j Z_j for independent Z_j with these pmfs and signs. */
export function signedSum(terms: readonly { pmf: Pmf; coef: 1 | -1 }[]): Pmf {
  let result: Pmf = POINT_MASS;
  for (const t of terms) result = convolve(result, t.coef === 1 ? t.pmf : negate(t.pmf));
  return result;
}

/** P(lo ≤ Z ≤ hi). */
export function pmfMass(pmf: Pmf, lo: number, hi: number): number {
  let mass = 0;
  for (let z = Math.max(lo, pmfMin(pmf)); z <= Math.min(hi, pmfMax(pmf)); z++) mass += pmfAt(pmf, z);
  return mass;
}

/** How the target farm's value x enters an observed figure. */
export type Contribution =
  /** The figure counts or sums the farm's value itself (an initiative count, the sum of totals). */
  | { kind: "value" }
  /** The figure counts the farm when its value lies in [lo, hi] (a distribution bin). */
  | { kind: "indicator"; lo: number; hi: number };

export const contributionOf = (c: Contribution, x: number): number =>
  c.kind === "value" ? x : x >= c.lo && x <= c.hi ? 1 : 0;

/** One shown figure in an observation: the cell (view population + measure) and its sign. */
export interface Term {
  /** Identifies the noise draw: the same cell id is the same Z. */
  cell: string;
  coef: 1 | -1;
  kind: NoiseKind;
}

/** φ(x) + Σ coef·Z over the terms lies in [lo, hi]. */
export interface ObservationModel {
  terms: readonly Term[];
  lo: number;
  hi: number;
  contribution: Contribution;
}

/** Likelihood of each x of the domain under one observation alone. */
export function likelihood(obs: ObservationModel, domain: readonly number[], model: NoiseModel): number[] {
  const noise = signedSum(obs.terms.map((t) => ({ pmf: model[t.kind], coef: t.coef })));
  return domain.map((x) => {
    const phi = contributionOf(obs.contribution, x);
    return pmfMass(noise, obs.lo - phi, obs.hi - phi);
  });
}

/** Above this many (assignments × domain values × observations), shared noises are not summed out. */
const ENUMERATION_LIMIT = 3_000_000;

export interface JointLikelihood {
  /** Likelihood per value of the domain. */
  values: number[];
  /** Observations used (all of them unless the shared noises were too many to sum out). */
  used: number;
}

/**
 * The joint likelihood of several observations about the same farm and figure. Noises of cells
 * that appear in one observation only are convolved into that observation; the noises of shared
 * cells are summed out over all their values. When that is too much work, the observation with the
 * most shared cells is dropped and the rest tried again.
 */
export function jointLikelihood(
  observations: readonly ObservationModel[],
  domain: readonly number[],
  model: NoiseModel,
): JointLikelihood {
  let kept = [...observations];
  for (;;) {
    const uses = new Map<string, number>();
    for (const o of kept)
      for (const t of new Set(o.terms.map((x) => x.cell))) uses.set(t, (uses.get(t) ?? 0) + 1);
    const shared = [...uses].filter(([, n]) => n > 1).map(([cell]) => cell);
    if (shared.length === 0) {
      const values = domain.map(() => 1);
      for (const o of kept) {
        const l = likelihood(o, domain, model);
        for (let i = 0; i < values.length; i++) values[i] = (values[i] as number) * (l[i] as number);
      }
      return { values, used: kept.length };
    }
    const kindOf = new Map<string, NoiseKind>();
    for (const o of kept) for (const t of o.terms) kindOf.set(t.cell, t.kind);
    const sharedPmfs = shared.map((cell) => model[kindOf.get(cell) as NoiseKind]);
    const assignments = sharedPmfs.reduce((n, pmf) => n * pmf.p.filter((q) => q > 0).length, 1);
    if (assignments * domain.length * kept.length > ENUMERATION_LIMIT && kept.length > 1) {
      const sharedSet = new Set(shared);
      const sharedCount = (o: ObservationModel) => o.terms.filter((t) => sharedSet.has(t.cell)).length;
      const worst = kept.reduce((a, b) => (sharedCount(b) > sharedCount(a) ? b : a));
      kept = kept.filter((o) => o !== worst);
      continue;
    }
    return { values: sumOutShared(kept, shared, sharedPmfs, domain, model), used: kept.length };
  }
}

function sumOutShared(
  observations: readonly ObservationModel[],
  shared: readonly string[],
  sharedPmfs: readonly Pmf[],
  domain: readonly number[],
  model: NoiseModel,
): number[] {
  const index = new Map(shared.map((cell, i) => [cell, i]));
  // Per observation: the pmf of its private noise, and the signs of the shared cells in it.
  const parts = observations.map((o) => ({
    o,
    privateNoise: signedSum(
      o.terms.filter((t) => !index.has(t.cell)).map((t) => ({ pmf: model[t.kind], coef: t.coef })),
    ),
    sharedTerms: o.terms
      .filter((t) => index.has(t.cell))
      .map((t) => ({ at: index.get(t.cell) as number, coef: t.coef })),
  }));
  const supports = sharedPmfs.map((pmf) => {
    const values: { z: number; q: number }[] = [];
    for (let z = pmfMin(pmf); z <= pmfMax(pmf); z++)
      if (pmfAt(pmf, z) > 0) values.push({ z, q: pmfAt(pmf, z) });
    return values;
  });
  const result = domain.map(() => 0);
  const z = new Array<number>(shared.length).fill(0);
  const visit = (depth: number, weight: number) => {
    if (depth < shared.length) {
      for (const { z: value, q } of supports[depth] as { z: number; q: number }[]) {
        z[depth] = value;
        visit(depth + 1, weight * q);
      }
      return;
    }
    domain.forEach((x, i) => {
      let product = weight;
      for (const { o, privateNoise, sharedTerms } of parts) {
        let offset = contributionOf(o.contribution, x);
        for (const s of sharedTerms) offset += s.coef * (z[s.at] as number);
        product *= pmfMass(privateNoise, o.lo - offset, o.hi - offset);
        if (product === 0) break;
      }
      result[i] = (result[i] as number) + product;
    });
  };
  visit(0, 1);
  return result;
}

/** Posterior over the domain with a uniform prior; null when the observations contradict the model. */
export function posterior(likelihoods: readonly number[]): number[] | null {
  const total = likelihoods.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return null;
  return likelihoods.map((l) => l / total);
}
