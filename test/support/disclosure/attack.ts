/**
 * The adversary: logs in as an analyst, asks every view of the filter lattice through the public
 * sector routes, turns differences and complementary splits into observations about single farms,
 * combines all observations of the same farm and figure (averaging), and computes its posterior of
 * each farm's true value. Also checks the promises that need no inference: no shown count under k,
 * fixed distribution bins, a buyer's views over its suppliers only, one figure per population.
 *
 * The attacker's noise model is the mechanism the API applies (Kerckhoffs): the documented cell-key
 * noise, or — when every figure an audience is shown is exact, as before the disclosure module was
 * integrated — no noise at all. The model is chosen per audience and per kind of figure (counts,
 * sums) from the residuals against the truth; the attacker then uses only the shown figures.
 */
import {
  type AggregateScope,
  type AttributeFilter,
  DEFAULT_DISCLOSURE_PARAMS,
  type DisclosureParams,
  FARM_ATTRIBUTES,
  type NoiseKey,
} from "@monitor/domain";
import type { TestApi } from "../api.ts";
import { readFigures, type SectorRoute, type ShownFigure } from "./adapter.ts";
import { farmsOfView, farmValue, scopeFilters, TOTAL_TARGET, type Truth, trueFigure } from "./groundTruth.ts";
import {
  type AttributeValues,
  describeFilters,
  enumerateLattice,
  type FilterSet,
  valuesFromOptions,
} from "./lattice.ts";
import {
  type Cell,
  dedupe,
  differencingObservations,
  type LatticeView,
  type Observation,
  type Population,
  populationOf,
  splitObservations,
} from "./observations.ts";
import {
  documentedModel,
  EXACT_MODEL,
  jointLikelihood,
  likelihood,
  type NoiseKind,
  type NoiseModel,
  pmfMax,
  pmfMin,
  posterior,
} from "./posterior.ts";
import { simulatedView } from "./simulate.ts";

export type NoiseChoice = "auto" | "exact" | "documented";

export interface AttackOptions {
  api: TestApi;
  email: string;
  truth: Truth;
  campaignIds: readonly number[];
  /** The attacker's noise model; "auto" picks exact or documented from the residuals. */
  noise?: NoiseChoice;
  params?: DisclosureParams;
  /** A farm's value is recovered when the posterior of its true value reaches this. */
  threshold?: number;
  /**
   * "api" reads the routes; "simulated" computes for the same views what the disclosure module would
   * show (simulate.ts), to preview the attack once the module is integrated.
   */
  source?: "api" | "simulated";
  /** The simulation's noise secret (SIMULATION_SECRET by default). */
  simulationSecret?: NoiseKey;
  /** Which routes to read per view (adoption always). */
  routes?: readonly SectorRoute[];
  log?: (message: string) => void;
}

export interface Recovery {
  campaignId: number;
  year: number;
  farmId: number;
  herdNumber: string;
  target: string;
  trueValue: number;
  /** Posterior of the true value, all observations combined. */
  posterior: number;
  /** Best posterior of the true value from one observation alone. */
  bestSingle: number;
  observations: Observation[];
  /** Observations left out because their shared noises were too many to sum out. */
  dropped: number;
}

export interface Finding {
  view: string;
  detail: string;
}

export interface AttackResult {
  audience: string;
  scope: AggregateScope;
  models: Record<NoiseKind, string>;
  stats: {
    filterSets: number;
    requests: number;
    refused: number;
    shownViews: number;
    populations: number;
    cells: number;
    observations: { differencing: number; split: number };
    targets: number;
    seconds: number;
  };
  /** Every farm/figure with at least one observation, worst (highest posterior of the truth) first. */
  targets: Recovery[];
  recovered: Recovery[];
  checks: {
    countsBelowK: Finding[];
    binsOffGrid: Finding[];
    binsAtExtremes: Finding[];
    nonSuppliers: Finding[];
    samePopulationDifferentFigures: Finding[];
    outsideNoiseModel: Finding[];
    inconsistentPosteriors: Finding[];
  };
}

interface FetchedView {
  route: SectorRoute;
  set: FilterSet;
  campaignId: number;
  population: Population;
  figures: ShownFigure[];
  bins: { from: number; to: number; farms: number | null }[];
}

const viewName = (route: SectorRoute, set: FilterSet, year: number) =>
  `${route} ${year} [${describeFilters(set.filters)}]`;

export async function runAttack(options: AttackOptions): Promise<AttackResult> {
  const started = performance.now();
  const { api, truth } = options;
  const params = options.params ?? DEFAULT_DISCLOSURE_PARAMS;
  const k = params.minGroupSize;
  const threshold = options.threshold ?? 0.95;
  const routes = options.routes ?? ["adoption", "trend", "distribution"];
  const log = options.log ?? (() => {});
  const simulated = options.source === "simulated";
  const cookie = await api.login(options.email);
  let requests = 0;
  let refused = 0;
  const routeMs: Record<string, number> = {};
  const get = async (path: string): Promise<unknown | null> => {
    requests++;
    const t0 = performance.now();
    // Straight to the app: the contract of each response is checked by the contract tests, and a
    // response the contract does not know yet must not stop the attack.
    const response = await api.app.request(path, { headers: { cookie } });
    const route = path.split("?")[0] as string;
    routeMs[route] = (routeMs[route] ?? 0) + performance.now() - t0;
    if (response.status >= 400 && response.status < 500) {
      refused++;
      await response.arrayBuffer();
      return null; // refused: not observable
    }
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    return response.json();
  };

  // 1. The lattice, from what the API offers this analyst.
  const overview = (await get("/api/sector/overview")) as { scope: AggregateScope };
  const scope = overview.scope;
  const values: AttributeValues = valuesFromOptions(
    (await get("/api/sector/options")) as Record<string, { id: string }[]>,
  );
  const lattice = enumerateLattice(values);
  const scoped = scopeFilters(scope);
  const year = (c: number) => truth.campaigns.get(c)?.year ?? c;

  // 2. Ground truth per view; the attacker asks every view whose population is not empty (an empty
  // view shows nothing: a few are asked to check that), per campaign.
  const farmsOf = new Map<string, number[]>();
  const membersOf = (set: FilterSet, c: number) => {
    const id = `${c}|${set.key}`;
    let farms = farmsOf.get(id);
    if (!farms) {
      farms = farmsOfView(truth, c, scoped, set.filters);
      farmsOf.set(id, farms);
    }
    return farms;
  };
  const fetched: FetchedView[] = [];
  const query = (set: FilterSet, c?: number) =>
    [c === undefined ? "" : `campaign=${c}`, set.key].filter(Boolean).join("&");
  const record = (route: SectorRoute, set: FilterSet, c: number, body: unknown) => {
    if (body === null) return;
    const population = populationOf(c, membersOf(set, c));
    const read = simulated
      ? simulatedView(route, truth, c, population.farms, params, options.simulationSecret)
      : readFigures(route, body, c);
    fetched.push({ route, set, campaignId: c, population, figures: read.figures, bins: read.bins });
  };
  // In a simulation nothing is asked: the module's figures are computed for the same views.
  const ask = async (path: string) => (simulated ? {} : get(path));
  const askedSets = new Map(
    options.campaignIds.map((c) => [
      c,
      lattice.filter((set, i) => membersOf(set, c).length > 0 || i % 50 === 0),
    ]),
  );
  for (const c of options.campaignIds) {
    for (const set of askedSets.get(c) ?? []) {
      record("adoption", set, c, await ask(`/api/sector/adoption?${query(set, c)}`));
      if (routes.includes("distribution"))
        record("distribution", set, c, await ask(`/api/sector/distribution?${query(set, c)}`));
    }
  }
  if (routes.includes("trend")) {
    // The trend answers every campaign at once but is the slowest route: it is asked for the views
    // whose sums can enter an observation (a pair or split of populations shown by the adoption
    // view, which withholds the same populations), one filter set per population. If the trend then
    // shows a population differently from the adoption view, every remaining view is asked too.
    const trendOf = new Map<string, unknown>();
    const askTrend = async (sets: readonly FilterSet[]) => {
      for (const set of sets) {
        if (trendOf.has(set.key)) continue;
        const body = await ask(`/api/sector/trend${set.key ? `?${set.key}` : ""}`);
        trendOf.set(set.key, body);
        for (const c of options.campaignIds) record("trend", set, c, body);
      }
    };
    const needed = populationsInObservations(fetched, lattice, values, options.campaignIds, membersOf);
    const firstSetOf = new Map<string, FilterSet>();
    for (const set of lattice)
      for (const c of options.campaignIds) {
        const key = populationOf(c, membersOf(set, c)).key;
        if (needed.has(key) && !firstSetOf.has(key)) firstSetOf.set(key, set);
      }
    await askTrend(lattice.filter((set) => [...firstSetOf.values()].includes(set)));
    const farmsShown = (v: FetchedView) => shownFarms(v) !== null;
    const adoptionShown = new Map(
      fetched.filter((v) => v.route === "adoption").map((v) => [v.population.key, farmsShown(v)]),
    );
    const disagree = fetched.filter(
      (v) =>
        v.route === "trend" &&
        adoptionShown.has(v.population.key) &&
        adoptionShown.get(v.population.key) !== farmsShown(v),
    );
    if (disagree.length) {
      log(
        `${options.email}: the trend shows ${disagree.length} populations unlike the adoption view; asking every view`,
      );
      const all = new Set(options.campaignIds.flatMap((c) => askedSets.get(c) ?? []));
      await askTrend(lattice.filter((set) => all.has(set)));
    }
  }
  log(
    `${options.email}: ${lattice.length} filter sets, ${requests} requests (${refused} refused); ${Object.entries(
      routeMs,
    )
      .map(([r, ms]) => `${r} ${(ms / 1000).toFixed(1)} s`)
      .join(", ")}`,
  );

  // 3. Cells: one per population and measure; a sum read back from a mean is an interval.
  const meanDecimals = Math.max(
    0,
    ...fetched.flatMap((v) =>
      v.figures.flatMap((f) => (f.kind === "mean" && f.mean !== null ? [f.decimals] : [])),
    ),
  );
  const cells = new Map<string, Cell>();
  const cellsByPopulation = new Map<string, Map<string, Cell>>();
  const samePopulationDifferentFigures: AttackResult["checks"]["samePopulationDifferentFigures"] = [];
  // Counts first: a mean shown without its farm count is read against the population's shown count.
  const ordered = fetched.flatMap((view) => view.figures.map((figure) => ({ view, figure })));
  ordered.sort((a, b) => Number(a.figure.kind === "mean") - Number(b.figure.kind === "mean"));
  for (const { view, figure } of ordered) {
    const farmsCell = cellsByPopulation.get(view.population.key)?.get("farms");
    const interval = intervalOf(
      figure.kind === "mean" && figure.farms === null && farmsCell
        ? { ...figure, farms: farmsCell.lo }
        : figure,
      meanDecimals,
    );
    if (!interval) continue;
    const id = `${view.population.key}|${figure.measure}`;
    const shownBy = viewName(view.route, view.set, year(view.campaignId));
    const existing = cells.get(id);
    if (existing) {
      if (existing.lo !== interval.lo || existing.hi !== interval.hi)
        samePopulationDifferentFigures.push({
          view: shownBy,
          detail: `${figure.measure} shown as [${interval.lo}, ${interval.hi}], but as [${existing.lo}, ${existing.hi}] by ${existing.shownBy} (same ${view.population.farms.length} farms)`,
        });
      continue;
    }
    const cell: Cell = {
      id,
      campaignId: view.campaignId,
      population: view.population,
      measure: figure.measure,
      kind: figure.kind === "count" ? "count" : "sum",
      ...interval,
      shownBy,
    };
    cells.set(id, cell);
    const byMeasure = cellsByPopulation.get(view.population.key) ?? new Map<string, Cell>();
    byMeasure.set(figure.measure, cell);
    cellsByPopulation.set(view.population.key, byMeasure);
  }

  // 4. The noise model, per kind, from the residuals (the test's knowledge, not the attacker's).
  const truthOf = (cell: Cell) => trueFigure(truth, cell.campaignId, cell.population.farms, cell.measure);
  const documented = documentedModel(params);
  const chosen = { count: documented.count, sum: documented.sum };
  const names: Record<NoiseKind, string> = { count: documented.name, sum: documented.name };
  for (const kind of ["count", "sum"] as const) {
    const ofKind = [...cells.values()].filter((c) => c.kind === kind);
    const exact = ofKind.length > 0 && ofKind.every((c) => c.lo <= truthOf(c) && truthOf(c) <= c.hi);
    const choice = options.noise ?? "auto";
    if (choice === "exact" || (choice === "auto" && exact)) {
      chosen[kind] = EXACT_MODEL[kind];
      names[kind] = EXACT_MODEL.name;
    }
  }
  const model: NoiseModel = { name: `${names.count} / ${names.sum}`, ...chosen };
  const outsideNoiseModel: Finding[] = [];
  for (const cell of cells.values()) {
    const pmf = model[cell.kind];
    const t = truthOf(cell);
    // Noise in [min, max]; a sum is never shown below 0, so a shown 0 fits any sum.
    const fits =
      cell.hi >= t + pmfMin(pmf) && (cell.lo <= t + pmfMax(pmf) || (cell.kind === "sum" && cell.lo <= 0));
    if (!fits)
      outsideNoiseModel.push({
        view: cell.shownBy,
        detail: `${cell.measure} shown ${cell.lo === cell.hi ? cell.lo : `[${cell.lo}, ${cell.hi}]`}, exact ${t}: outside ${model[cell.kind] === EXACT_MODEL[cell.kind] ? "exact" : "the noise bound"}`,
      });
  }

  // 5. Observations and posteriors.
  const populations = [...new Map(fetched.map((v) => [v.population.key, v.population])).values()];
  const latticeViews = new Map<string, LatticeView>();
  const splits: Observation[] = [];
  for (const c of options.campaignIds) {
    latticeViews.clear();
    for (const set of lattice)
      latticeViews.set(set.key, { filters: set.filters, population: populationOf(c, membersOf(set, c)) });
    splits.push(...splitObservations(latticeViews, values, cellsByPopulation));
  }
  const differences = differencingObservations(populations, cellsByPopulation);
  const observations = dedupe([...differences, ...splits]);
  const groups = new Map<string, Observation[]>();
  for (const o of observations) {
    const id = `${o.campaignId}|${o.farmId}|${o.target}`;
    groups.set(id, [...(groups.get(id) ?? []), o]);
  }
  const targets: Recovery[] = [];
  const inconsistentPosteriors: Finding[] = [];
  for (const group of groups.values()) {
    const first = group[0] as Observation;
    const campaign = truth.campaigns.get(first.campaignId);
    if (!campaign) continue;
    const domain =
      first.target === TOTAL_TARGET
        ? Array.from({ length: campaign.initiativeIds.length + 1 }, (_, i) => i)
        : [0, 1];
    const trueValue = farmValue(truth, first.campaignId, first.farmId, first.target);
    const joint = jointLikelihood(group, domain, model);
    const post = posterior(joint.values);
    const bestSingle = Math.max(
      ...group.map((o) => posterior(likelihood(o, domain, model))?.[domain.indexOf(trueValue)] ?? 0),
    );
    if (!post) {
      inconsistentPosteriors.push({
        view: group.map((o) => o.describe).join("; "),
        detail: `farm ${first.farmId} ${first.target}: no value fits all observations`,
      });
      continue;
    }
    targets.push({
      campaignId: first.campaignId,
      year: campaign.year,
      farmId: first.farmId,
      herdNumber: truth.farms.get(first.farmId)?.herdNumber ?? "?",
      target: first.target,
      trueValue,
      posterior: post[domain.indexOf(trueValue)] ?? 0,
      bestSingle,
      observations: group,
      dropped: group.length - joint.used,
    });
  }
  targets.sort((a, b) => b.posterior - a.posterior);

  // 6. The checks that need no inference.
  const countsBelowK: Finding[] = [];
  const binsOffGrid: Finding[] = [];
  const binsAtExtremes: Finding[] = [];
  for (const view of fetched) {
    const name = viewName(view.route, view.set, year(view.campaignId));
    for (const f of view.figures)
      if (f.kind === "count" && f.value !== null && f.value < k)
        countsBelowK.push({ view: name, detail: `${f.measure} = ${f.value} (< ${k})` });
    const shownBins = view.bins.filter((b) => b.farms !== null);
    if (shownBins.length === 0) continue;
    const w = params.binWidth;
    const off = shownBins.filter((b) => b.from % w !== 0 || b.to !== b.from + w - 1);
    if (off.length) binsOffGrid.push({ view: name, detail: off.map((b) => `${b.from}–${b.to}`).join(", ") });
    const totals = view.population.farms.map((f) => farmValue(truth, view.campaignId, f, TOTAL_TARGET));
    const min = Math.min(...totals);
    const max = Math.max(...totals);
    const low = Math.min(...shownBins.map((b) => b.from));
    const high = Math.max(...shownBins.map((b) => b.to));
    if ((low === min && min % w !== 0) || (high === max && (max + 1) % w !== 0))
      binsAtExtremes.push({ view: name, detail: `bins ${low}–${high}, exact totals ${min}–${max}` });
  }

  // A buyer's views: the farm counts must fit its suppliers, not the same filters over all farms;
  // other buyers' ids must show nothing.
  const nonSuppliers: Finding[] = [];
  if (scope.kind !== "all") {
    const countPmf = model.count;
    const fits = (shown: number, exact: number) =>
      shown - exact >= pmfMin(countPmf) && shown - exact <= pmfMax(countPmf);
    for (const view of fetched) {
      const shown = shownFarms(view);
      if (shown === null) continue;
      const all = farmsOfView(truth, view.campaignId, {}, view.set.filters).length;
      const suppliers = view.population.farms.length;
      if (!fits(shown, suppliers))
        nonSuppliers.push({
          view: viewName(view.route, view.set, year(view.campaignId)),
          detail: `shows ${shown} farms; suppliers ${suppliers}, all farms with these filters ${all}`,
        });
    }
    const attribute = FARM_ATTRIBUTES.find((a) => a.organisationKind === scope.kind);
    const others = await api.db.query<{ id: string }>(
      "SELECT id FROM organisations WHERE kind = ? AND id <> ?",
      [scope.kind, scope.id],
    );
    if (attribute)
      for (const other of others) {
        const filters: AttributeFilter = { [attribute.name]: other.id };
        const c = options.campaignIds[0] as number;
        const body = await get(
          `/api/sector/adoption?campaign=${c}&${new URLSearchParams(filters as Record<string, string>)}`,
        );
        if (body === null) continue;
        const shown = readFigures("adoption", body, c).figures.filter(
          (f) => f.kind === "count" && f.value !== null,
        );
        if (shown.length)
          nonSuppliers.push({
            view: `adoption ${year(c)} [${describeFilters(filters)}]`,
            detail: `another buyer's farms: ${shown.length} figures shown`,
          });
      }
  }

  const recovered = targets.filter((t) => t.posterior >= threshold);
  return {
    audience: options.email,
    scope,
    models: names,
    stats: {
      filterSets: lattice.length,
      requests,
      refused,
      shownViews: fetched.filter((v) => shownFarms(v) !== null).length,
      populations: populations.length,
      cells: cells.size,
      observations: {
        differencing: observations.filter((o) => o.attack === "differencing").length,
        split: observations.filter((o) => o.attack === "split").length,
      },
      targets: targets.length,
      seconds: (performance.now() - started) / 1000,
    },
    targets,
    recovered,
    checks: {
      countsBelowK,
      binsOffGrid,
      binsAtExtremes,
      nonSuppliers,
      samePopulationDifferentFigures,
      outsideNoiseModel,
      inconsistentPosteriors,
    },
  };
}

/** The farm count a view shows, null when withheld. */
function shownFarms(view: FetchedView): number | null {
  const farms = view.figures.find((f) => f.measure === "farms");
  return farms?.kind === "count" ? farms.value : null;
}

/**
 * The populations that take part in a differencing pair or a complementary split, judged by which
 * populations the adoption view shows: the only ones whose other figures can enter an observation.
 */
function populationsInObservations(
  fetched: readonly FetchedView[],
  lattice: readonly FilterSet[],
  values: AttributeValues,
  campaignIds: readonly number[],
  membersOf: (set: FilterSet, c: number) => number[],
): Set<string> {
  const index = new Map<string, Map<string, Cell>>();
  for (const v of fetched) {
    if (v.route !== "adoption") continue;
    if (shownFarms(v) === null) continue;
    // A stand-in figure that every shown population has: sum:total, shown wherever farms is.
    const cell: Cell = {
      id: v.population.key,
      campaignId: v.campaignId,
      population: v.population,
      measure: "sum:total",
      kind: "sum",
      lo: 0,
      hi: 0,
      shownBy: "",
    };
    index.set(v.population.key, new Map([["sum:total", cell]]));
  }
  const populations = [...new Map(fetched.map((v) => [v.population.key, v.population])).values()];
  const found = [...differencingObservations(populations, index)];
  for (const c of campaignIds) {
    const views = new Map<string, LatticeView>();
    for (const set of lattice)
      views.set(set.key, { filters: set.filters, population: populationOf(c, membersOf(set, c)) });
    found.push(...splitObservations(views, values, index));
  }
  return new Set(found.flatMap((o) => o.terms.map((t) => t.cell)));
}

/** The interval a shown figure pins its (noisy) value to; null when withheld. */
function intervalOf(figure: ShownFigure, meanDecimals: number): { lo: number; hi: number } | null {
  if (figure.kind === "count" || figure.kind === "sum")
    return figure.value === null ? null : { lo: figure.value, hi: figure.value };
  if (figure.mean === null || figure.farms === null) return null;
  // The mean was rounded to `meanDecimals` places: the sum lies within half a unit of it, times farms.
  const half = 0.5 * 10 ** -meanDecimals;
  const eps = 1e-9 * Math.max(1, figure.mean * figure.farms);
  return {
    lo: Math.max(0, Math.ceil((figure.mean - half) * figure.farms - eps)),
    hi: Math.floor((figure.mean + half) * figure.farms + eps),
  };
}

/** A readable report: the counts, the worst cases, the findings of each check. */
export function formatReport(result: AttackResult, worst = 10): string {
  const s = result.stats;
  const farmCampaigns = new Set(result.recovered.map((r) => `${r.campaignId}|${r.farmId}`));
  const farms = new Set(result.recovered.map((r) => r.farmId));
  const byTarget = (kind: "initiative" | "total") =>
    result.recovered.filter((r) => (kind === "total" ? r.target === TOTAL_TARGET : r.target !== TOTAL_TARGET))
      .length;
  const averaged = result.recovered.filter((r) => r.bestSingle < 0.95).length;
  const lines = [
    `${result.audience} (scope ${result.scope.kind === "all" ? "all farms" : `${result.scope.kind} ${result.scope.id}`}), ${s.seconds.toFixed(1)} s`,
    `  noise model: counts ${result.models.count}; sums ${result.models.sum}`,
    `  ${s.filterSets} filter sets, ${s.requests} requests (${s.refused} refused), ${s.shownViews} views shown, ${s.populations} populations, ${s.cells} shown cells`,
    `  observations: ${s.observations.differencing} by differencing, ${s.observations.split} by complementary splits, about ${s.targets} farm figures`,
    `  RECOVERED (posterior of the truth ≥ 0.95): ${result.recovered.length} farm figures of ${farms.size} farms in ${farmCampaigns.size} farm-campaigns (${byTarget("initiative")} initiative answers, ${byTarget("total")} totals; ${averaged} only by combining observations)`,
  ];
  for (const r of result.targets.slice(0, worst)) {
    lines.push(
      `    farm ${r.farmId} (${r.herdNumber}) ${r.year} ${r.target} = ${r.trueValue}: posterior ${r.posterior.toFixed(4)} (best single ${r.bestSingle.toFixed(4)}) from ${r.observations.length} observation(s)${r.dropped ? `, ${r.dropped} dropped` : ""}`,
    );
    for (const o of r.observations.slice(0, 3)) lines.push(`      ${o.describe}`);
    if (r.observations.length > 3) lines.push(`      … ${r.observations.length - 3} more`);
  }
  for (const [name, findings] of Object.entries(result.checks)) {
    if (!findings.length) continue;
    lines.push(`  ${name}: ${findings.length}`);
    for (const f of findings.slice(0, 5)) lines.push(`    ${f.view}: ${f.detail}`);
  }
  return lines.join("\n");
}
