/**
 * How far the shown sector figures are from the exact ones (docs/disclosure-control.md, "Measured
 * accuracy"): seeds a demo sector of --farms farms in a temporary database, reads every view of the
 * filter lattice (zero, one and two farm attributes) as the sector analyst, and compares each shown
 * mean and share of a group of at least 20 farms with the exact figure from the database. Prints a
 * markdown table per figure and group-size band: median, 95th and 99th percentile and maximum of the
 * absolute error, and how many figures were withheld.
 *
 *   npx tsx scripts/disclosure-accuracy.ts [--farms 2000] [--campaigns 1]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_DISCLOSURE_PARAMS, median } from "@monitor/domain";
import { comparableInitiativeIds, getCatalogue, themeOf } from "@monitor/surveys";
import { createApp } from "../apps/api/src/app.ts";
import { Database } from "../apps/api/src/db/client.ts";
import { migrate } from "../apps/api/src/db/migrate.ts";
import { DEMO_PASSWORD, seedDemo } from "../apps/api/src/demo/seed.ts";
import { readPublished } from "../test/support/disclosure/adapter.ts";
import { farmsOfView, loadTruth, type Submission } from "../test/support/disclosure/groundTruth.ts";
import { enumerateLattice, valuesFromOptions } from "../test/support/disclosure/lattice.ts";

const { values: args } = parseArgs({
  options: { farms: { type: "string", default: "2000" }, campaigns: { type: "string", default: "1" } },
});
const farms = Number(args.farms);
const campaignCount = Number(args.campaigns);
const now = new Date("2026-11-21T10:00:00.000Z");
const MIN_GROUP = 20;
const BANDS = [
  { label: "20–49", lo: 20, hi: 49 },
  { label: "50–99", lo: 50, hi: 99 },
  { label: "100–499", lo: 100, hi: 499 },
  { label: "500+", lo: 500, hi: Number.POSITIVE_INFINITY },
];

/** Each figure: its label, its unit, and its exact value over a group's submissions. */
const comparable = comparableInitiativeIds();
const FIGURES: {
  name: string;
  label: string;
  unit: string;
  scale: number;
  exact: (s: Submission[], key: string) => number;
}[] = [
  { name: "farms", label: "farm count", unit: "farms", scale: 1, exact: (s) => s.length },
  {
    name: "share",
    label: "adoption share of an initiative",
    unit: "pp",
    scale: 100,
    exact: (s, id) => s.filter((x) => x.initiatives.has(id)).length / s.length,
  },
  {
    name: "themeMean",
    label: "mean initiatives per farm in a theme",
    unit: "initiatives",
    scale: 1,
    exact: (s, theme) =>
      s.reduce((n, x) => n + [...x.initiatives].filter((i) => themeOf(i) === theme).length, 0) / s.length,
  },
  {
    name: "mean",
    label: "mean initiatives per farm",
    unit: "initiatives",
    scale: 1,
    exact: (s) => s.reduce((n, x) => n + x.total, 0) / s.length,
  },
  {
    name: "comparableMean",
    label: "mean comparable initiatives per farm",
    unit: "initiatives",
    scale: 1,
    exact: (s) =>
      s.reduce((n, x) => n + [...x.initiatives].filter((i) => comparable.has(i)).length, 0) / s.length,
  },
  {
    name: "shareAtLeastOne",
    label: "share with at least one initiative",
    unit: "pp",
    scale: 100,
    exact: (s) => s.filter((x) => x.total >= 1).length / s.length,
  },
  {
    name: "median",
    label: "median initiatives per farm",
    unit: "initiatives",
    scale: 1,
    exact: (s) => median(s.map((x) => x.total)) ?? 0,
  },
];

const dir = mkdtempSync(join(tmpdir(), "monitor-accuracy-"));
const db = new Database({ url: `file:${join(dir, "accuracy.db")}` });
try {
  await migrate(db, () => now);
  const started = performance.now();
  await seedDemo(db, () => now, { farms });
  console.error(`seeded ${farms} farms in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const app = createApp({ db, clock: () => now });
  const login = await app.request("/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "sector@demo.test", password: DEMO_PASSWORD }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const get = async (path: string) => {
    const response = await app.request(path, { headers: { cookie } });
    if (response.status !== 200) {
      await response.arrayBuffer();
      return null; // refused: not a view
    }
    return response.json() as Promise<unknown>;
  };

  const closed = await db.query<{ id: number }>(
    "SELECT id FROM campaigns WHERE closes_at < ? ORDER BY year DESC LIMIT ?",
    [now.toISOString(), campaignCount],
  );
  const campaignIds = closed.map((c) => Number(c.id));
  const truth = await loadTruth(db, campaignIds);
  const lattice = enumerateLattice(
    valuesFromOptions((await get("/api/sector/options")) as Record<string, { id: string }[]>),
  );

  // Errors per figure and band; each population (campaign + farms) counts once.
  const errors = new Map<string, number[]>();
  const withheld = new Map<string, number>();
  const groups = new Map<string, Set<string>>();
  const seen = new Set<string>();
  const note = (figure: string, band: string, population: string, error: number | null) => {
    const id = `${figure}|${band}`;
    if (error === null) withheld.set(id, (withheld.get(id) ?? 0) + 1);
    else {
      const list = errors.get(id) ?? [];
      list.push(error);
      errors.set(id, list);
    }
    groups.set(id, (groups.get(id) ?? new Set()).add(population));
  };
  const compare = (
    shown: Map<string, number | null>,
    submissions: Submission[],
    band: string,
    population: string,
  ) => {
    for (const [name, value] of shown) {
      const [figureName, key = ""] = name.split(/:(.*)/s) as [string, string?];
      const figure = FIGURES.find((f) => f.name === figureName);
      if (!figure) continue;
      note(
        figure.name,
        band,
        population,
        value === null ? null : Math.abs(value - figure.exact(submissions, key)) * figure.scale,
      );
    }
  };
  let views = 0;
  for (const c of campaignIds) {
    const campaign = truth.campaigns.get(c);
    if (!campaign) continue;
    const trendBodies = new Map<string, unknown>();
    for (const set of lattice) {
      const members = farmsOfView(truth, c, {}, set.filters);
      if (members.length < MIN_GROUP) continue;
      const population = `${c}|${members.join(",")}`;
      if (seen.has(population)) continue;
      seen.add(population);
      const band = BANDS.find((b) => members.length >= b.lo && members.length <= b.hi)?.label ?? "?";
      const submissions = members.map((id) => campaign.submitted.get(id) as Submission);
      const adoption = await get(
        `/api/sector/adoption?${[`campaign=${c}`, set.key].filter(Boolean).join("&")}`,
      );
      if (adoption) compare(readPublished("adoption", adoption, c), submissions, band, population);
      let trend = trendBodies.get(set.key);
      if (trend === undefined) {
        trend = await get(`/api/sector/trend${set.key ? `?${set.key}` : ""}`);
        trendBodies.set(set.key, trend);
      }
      if (trend) {
        const shown = readPublished("trend", trend, c);
        shown.delete("farms"); // the same figure as the adoption view's: counted once
        compare(shown, submissions, band, population);
      }
      views++;
      if (views % 100 === 0) console.error(`  ${views} views`);
    }
  }

  const at = (sorted: number[], p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
  const format = (x: number) => (x === 0 ? "0" : x < 0.01 ? x.toExponential(1) : x.toFixed(2));
  const years = campaignIds.map((c) => truth.campaigns.get(c)?.year).join(", ");
  const p = DEFAULT_DISCLOSURE_PARAMS;
  console.log(
    `Shown against exact, sector analyst, every view of ≤ 2 farm attributes with at least ${MIN_GROUP} farms (each population once), ` +
      `demo sector of ${farms} farms, campaign ${years}, catalogue of ${getCatalogue().initiatives.length} initiatives; ` +
      `k ${p.minGroupSize}, count noise scale ${p.countScale} bound ±${p.countBound}, sum noise scale ${p.sumScale} bound ±${p.sumBound}, bins of ${p.binWidth}. ` +
      `Absolute error; shares in percentage points (pp).\n`,
  );
  console.log(
    "| figure | group size (farms) | groups | shown | withheld | median | 95th pct | 99th pct | max |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const figure of FIGURES) {
    for (const band of BANDS) {
      const id = `${figure.name}|${band.label}`;
      if (!groups.has(id)) continue;
      const sorted = [...(errors.get(id) ?? [])].sort((a, b) => a - b);
      console.log(
        `| ${figure.label} (${figure.unit}) | ${band.label} | ${groups.get(id)?.size ?? 0} | ${sorted.length} | ${withheld.get(id) ?? 0} | ${format(at(sorted, 0.5))} | ${format(at(sorted, 0.95))} | ${format(at(sorted, 0.99))} | ${format(sorted.at(-1) ?? 0)} |`,
      );
    }
  }
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
