/**
 * The adversary test (issue 11): an analyst who may ask any view of the filter lattice (zero, one or
 * two farm attributes, within its scope) tries to learn one farm's initiative answers or total by
 * differencing two views that differ by one farm, by subtracting a view's shown sub-views from it,
 * and by combining every such observation of the same farm (averaging). It computes its posterior of
 * each farm's true value from the shown figures and the public noise distribution; the test fails
 * when any farm's true value reaches a posterior of 0.95. The attack code is generic
 * (test/support/disclosure/): it searches all pairs and splits, with no list of known cases.
 *
 *   DISCLOSURE_FARMS=500 DISCLOSURE_CAMPAIGNS=2 DISCLOSURE_NOISE=auto DISCLOSURE_SOURCE=api npx vitest run test/api/disclosure.test.ts
 */
import { DEFAULT_DISCLOSURE_PARAMS, noisePmf } from "@monitor/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, type TestApi } from "../support/api.ts";
import {
  type AttackResult,
  formatReport,
  type NoiseChoice,
  runAttack,
} from "../support/disclosure/attack.ts";
import { loadTruth } from "../support/disclosure/groundTruth.ts";
import {
  documentedModel,
  EXACT_MODEL,
  geometricPmf,
  jointLikelihood,
  likelihood,
  type NoiseModel,
  type ObservationModel,
  pmfAt,
  posterior,
} from "../support/disclosure/posterior.ts";

describe("the attacker's posterior", () => {
  // Count noise with scale 1 and bound 1: P(0) = 1/(1+2a), P(±1) = a/(1+2a), a = e^-1.
  const a = Math.exp(-1);
  const tiny: NoiseModel = { name: "tiny", count: geometricPmf(1, 1), sum: geometricPmf(1, 1) };
  const pair = (value: number, cells = ["A", "B"]): ObservationModel => ({
    terms: [
      { cell: cells[0] as string, coef: 1, kind: "count" },
      { cell: cells[1] as string, coef: -1, kind: "count" },
    ],
    lo: value,
    hi: value,
    contribution: { kind: "value" },
  });
  const posteriorOfOne = (observations: ObservationModel[], model = tiny) =>
    posterior(jointLikelihood(observations, [0, 1], model).values)?.[1];

  it("uses the domain's noise distribution", () => {
    expect(pmfAt(tiny.count, 0)).toBeCloseTo(1 / (1 + 2 * a), 12);
    expect(pmfAt(tiny.count, -1)).toBeCloseTo(a / (1 + 2 * a), 12);
    const documented = documentedModel();
    expect(pmfAt(documented.count, 3)).toBe(
      noisePmf(3, DEFAULT_DISCLOSURE_PARAMS.countScale, DEFAULT_DISCLOSURE_PARAMS.countBound),
    );
  });

  it("one pair differing by one farm: the hand-computed posterior", () => {
    // A − B = x + Z_A − Z_B. P(Z_A − Z_B = 0) ∝ 1 + 2a², = ±1 ∝ 2a, = ±2 ∝ a².
    expect(posteriorOfOne([pair(1)])).toBeCloseTo((1 + 2 * a * a) / (1 + 2 * a + 2 * a * a), 12); // 0.633
    expect(posteriorOfOne([pair(2)])).toBeCloseTo(2 / (2 + a), 12); // 0.845
    expect(posteriorOfOne([pair(3)])).toBe(1); // the truncation edge: only x = 1 fits
    expect(posteriorOfOne([pair(-1)])).toBeCloseTo(a / (2 + a), 12); // Δ = −1 (2a) against Δ = −2 (a²)
    expect(posteriorOfOne([pair(-2)])).toBe(0);
  });

  it("independent observations multiply; exact figures give certainty", () => {
    const one = (1 + 2 * a * a) ** 2;
    expect(posteriorOfOne([pair(1, ["A", "B"]), pair(1, ["C", "D"])])).toBeCloseTo(
      one / (one + (2 * a) ** 2),
      12,
    );
    expect(posteriorOfOne([pair(1)], EXACT_MODEL)).toBe(1);
    expect(posteriorOfOne([pair(0)], EXACT_MODEL)).toBe(0);
  });

  it("observations that share a view: the shared noise is summed out, as by brute force", () => {
    const observations = [pair(1, ["A", "B"]), pair(2, ["A", "C"])];
    const q = (z: number) => pmfAt(tiny.count, z);
    const brute = [0, 1].map((x) => {
      let sum = 0;
      for (const za of [-1, 0, 1])
        for (const zb of [-1, 0, 1])
          for (const zc of [-1, 0, 1])
            if (x + za - zb === 1 && x + za - zc === 2) sum += q(za) * q(zb) * q(zc);
      return sum;
    });
    const joint = jointLikelihood(observations, [0, 1], tiny);
    expect(joint.used).toBe(2);
    expect(joint.values[0]).toBeCloseTo(brute[0] as number, 14);
    expect(joint.values[1]).toBeCloseTo(brute[1] as number, 14);
    // Multiplying the two as if independent would count Z_A twice.
    const naive = likelihood(observations[0] as ObservationModel, [0, 1], tiny).map(
      (l, i) => l * (likelihood(observations[1] as ObservationModel, [0, 1], tiny)[i] as number),
    );
    expect(naive[1]).not.toBeCloseTo(brute[1] as number, 6);
  });

  it("a total read back from a rounded mean is an interval; bins count the farm when its total is inside", () => {
    // Sum noise with scale 1, bound 1; the pair's sums differ by 4..5 (a rounded mean).
    const sumPair: ObservationModel = {
      ...pair(0),
      terms: pair(0).terms.map((t) => ({ ...t, kind: "sum" })),
      lo: 4,
      hi: 5,
    };
    const domain = [0, 1, 2, 3, 4, 5, 6];
    const q = (z: number) => pmfAt(tiny.sum, z);
    // P(Z_A − Z_B = v) = Σ_z q(z) q(z − v); the likelihood of x is P(4 − x ≤ Z_A − Z_B ≤ 5 − x).
    const difference = (v: number) => [-1, 0, 1].reduce((s, z) => s + q(z) * q(z - v), 0);
    const expected = domain.map((x) => difference(4 - x) + difference(5 - x));
    const got = posterior(likelihood(sumPair, domain, tiny)) as number[];
    const total = expected.reduce((s, v) => s + v, 0);
    for (const i of domain.keys()) expect(got[i]).toBeCloseTo((expected[i] as number) / total, 12);
    const bin: ObservationModel = { ...pair(1), contribution: { kind: "indicator", lo: 5, hi: 9 } };
    const inBin = posterior(likelihood(bin, [3, 7], EXACT_MODEL));
    expect(inBin).toEqual([0, 1]);
  });
});

const FARMS = Number(process.env.DISCLOSURE_FARMS ?? 500);
const CAMPAIGNS = Number(process.env.DISCLOSURE_CAMPAIGNS ?? 2);
const NOISE = (process.env.DISCLOSURE_NOISE ?? "auto") as NoiseChoice;
/** "simulated": the figures the disclosure module would show for the same views, not the API's. */
const SOURCE = process.env.DISCLOSURE_SOURCE === "simulated" ? "simulated" : "api";
const NOW = new Date("2026-11-21T10:00:00.000Z");
const AUDIENCES = ["sector@demo.test", "buyer@demo.test"] as const;

describe("the adversary against the sector views", () => {
  let api: TestApi | undefined;
  const results = new Map<string, AttackResult>();

  beforeAll(async () => {
    const started = performance.now();
    api = await createTestApi({ farms: FARMS, now: () => NOW });
    const seeded = performance.now();
    // The last closed campaigns.
    const closed = await api.db.query<{ id: number }>(
      "SELECT id FROM campaigns WHERE closes_at < ? ORDER BY year DESC LIMIT ?",
      [NOW.toISOString(), CAMPAIGNS],
    );
    const campaignIds = closed.map((c) => Number(c.id));
    const truth = await loadTruth(api.db, campaignIds);
    for (const email of AUDIENCES) {
      const result = await runAttack({
        api,
        email,
        truth,
        campaignIds,
        noise: NOISE,
        source: SOURCE,
        log: console.log,
      });
      results.set(email, result);
      console.log(formatReport(result));
    }
    console.log(
      `adversary: ${FARMS} farms seeded in ${((seeded - started) / 1000).toFixed(1)} s, attacks in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
    );
  }, 300_000);

  afterAll(() => api?.close());

  const result = (email: string) => {
    const r = results.get(email);
    if (!r) throw new Error(`no attack result for ${email}`);
    return r;
  };
  const list = (findings: { view: string; detail: string }[]) =>
    findings.slice(0, 10).map((f) => `${f.view}: ${f.detail}`);

  it.each(AUDIENCES)("%s: searched the lattice and found observations to combine", (email) => {
    const r = result(email);
    expect(r.stats.shownViews).toBeGreaterThan(50);
    expect(r.stats.observations.differencing + r.stats.observations.split).toBeGreaterThan(0);
    expect(list(r.checks.outsideNoiseModel), "shown figures outside the attacker's noise model").toEqual([]);
    expect(list(r.checks.inconsistentPosteriors)).toEqual([]);
  });

  it.each(AUDIENCES)("%s: no farm's initiative answer or total reaches a posterior of 0.95", (email) => {
    const r = result(email);
    const worst = r.recovered
      .slice(0, 10)
      .map(
        (t) =>
          `farm ${t.farmId} ${t.year} ${t.target} = ${t.trueValue}: posterior ${t.posterior.toFixed(4)} from ${t.observations
            .map((o) => o.describe)
            .join(" | ")}`,
      );
    expect(worst, `${r.recovered.length} farm figures recovered`).toEqual([]);
  });

  it.each(AUDIENCES)("%s: no shown count is under k", (email) => {
    expect(
      list(result(email).checks.countsBelowK),
      `${result(email).checks.countsBelowK.length} counts`,
    ).toEqual([]);
  });

  it.each(AUDIENCES)(
    "%s: distribution bins are fixed-width from 0, no edge is a farm's exact min or max",
    (email) => {
      const r = result(email);
      expect(list(r.checks.binsAtExtremes), `${r.checks.binsAtExtremes.length} views`).toEqual([]);
      expect(list(r.checks.binsOffGrid), `${r.checks.binsOffGrid.length} views`).toEqual([]);
    },
  );

  it.each(AUDIENCES)(
    "%s: the same farms get the same figures in every view (no fresh draw to average)",
    (email) => {
      expect(list(result(email).checks.samePopulationDifferentFigures)).toEqual([]);
    },
  );

  it("a dairy buyer's views never cover a farm that is not its supplier", () => {
    const r = result("buyer@demo.test");
    expect(r.scope.kind).toBe("dairy_buyer");
    expect(list(r.checks.nonSuppliers)).toEqual([]);
  });
});
