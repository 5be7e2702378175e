import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FloorTiming } from "./floor.ts";
import type { LoadResult } from "./load.ts";
import type { Read } from "./reads.ts";
import type { Timing } from "./stats.ts";
import type { RouteSize } from "./web.ts";

export interface SizeResult {
  farms: number;
  campaigns: number;
  seedSeconds: number;
  reads: (Read & { timing: Timing; bytes: number })[];
  floor: FloorTiming[];
  naive: Timing;
  autosave: { offered: number; farmers: number; paced: LoadResult; saturated: LoadResult };
  /** Health checks (no session, one `SELECT 1`) as fast as answered: the most any request can do. */
  httpCeiling?: LoadResult;
  submissions: LoadResult;
  memory: { afterReadsMb: number; peakMb: number };
}

export interface BenchResults {
  startedAt: string;
  minutes: number;
  quick: boolean;
  note: string;
  machine: Record<string, unknown>;
  loadAverageAtEnd: number[];
  plan: Record<string, number>;
  sizes: SizeResult[];
  web: RouteSize[] | null;
}

interface Check {
  target: string;
  measured: string;
  met: boolean;
  /** How far off, when missed. */
  gap?: string;
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
const times = (x: number) => `${x.toFixed(1)}×`;

/** Every target of issue 17 against the largest size (and the smallest, for flat costs). */
export function checks(r: BenchResults): Check[] {
  const large = r.sizes.at(-1);
  const small = r.sizes[0];
  if (!large || !small) return [];
  const out: Check[] = [];
  const dashboard = large.reads.filter((x) => x.view !== "monitor" && x.view !== "options");
  for (const read of dashboard) {
    const met = read.timing.p95 <= 50;
    out.push({
      target: `${read.name}: p95 ≤ 50 ms at ${large.farms} farms`,
      measured: ms(read.timing.p95),
      met,
      ...(met ? {} : { gap: `${times(read.timing.p95 / 50)} the target` }),
    });
  }
  if (small !== large) {
    for (const read of dashboard) {
      const before = small.reads.find((x) => x.name === read.name);
      if (!before) continue;
      const ratio = read.timing.p50 / Math.max(before.timing.p50, 0.01);
      out.push({
        target: `${read.name}: ${large.farms} vs ${small.farms} farms within 2× (p50)`,
        measured: times(ratio),
        met: ratio <= 2,
        ...(ratio <= 2 ? {} : { gap: `${times(ratio / 2)} over` }),
      });
    }
  }
  for (const view of ["adoption", "distribution"]) {
    const read = large.reads.find((x) => x.name === view);
    if (!read) continue;
    const ratio = large.naive.p50 / read.timing.p50;
    out.push({
      target: `${view}: ≥ 50× faster than the naive baseline (p50)`,
      measured: times(ratio),
      met: ratio >= 50,
      ...(ratio >= 50 ? {} : { gap: `${times(50 / ratio)} short` }),
    });
  }
  for (const floor of large.floor) {
    const read = large.reads.find((x) => x.name === floor.name);
    if (!read) continue;
    const ratio = floor.timing.p50 / read.timing.p50;
    out.push({
      target: `${floor.name}: ≥ 5× faster than its SQL floor (p50)`,
      measured: times(ratio),
      met: ratio >= 5,
      ...(ratio >= 5 ? {} : { gap: `${times(5 / ratio)} short` }),
    });
  }
  const paced = large.autosave.paced;
  out.push({
    target: `autosave ≥ 1500 saves/s`,
    measured: `${paced.perSecond}/s offered ${large.autosave.offered}/s; ${large.autosave.saturated.perSecond}/s at most`,
    met: paced.perSecond >= 1500 * 0.98,
    ...(paced.perSecond >= 1470 ? {} : { gap: `${Math.round(1500 - paced.perSecond)}/s short` }),
  });
  out.push({
    target: "autosave p99 ≤ 50 ms",
    measured: ms(paced.latency.p99),
    met: paced.latency.p99 <= 50,
    ...(paced.latency.p99 <= 50 ? {} : { gap: `${times(paced.latency.p99 / 50)} the target` }),
  });
  out.push({
    target: "submissions ≥ 200/s",
    measured: `${large.submissions.perSecond}/s`,
    met: large.submissions.perSecond >= 200,
    ...(large.submissions.perSecond >= 200 ? {} : { gap: `${200 - large.submissions.perSecond}/s short` }),
  });
  const peak = Math.max(...r.sizes.map((s) => s.memory.peakMb));
  out.push({
    target: "server memory ≤ 300 MB",
    measured: `${peak} MB peak RSS`,
    met: peak <= 300,
    ...(peak <= 300 ? {} : { gap: `${peak - 300} MB over` }),
  });
  for (const [route, limit] of [
    ["login", 120],
    ["monitor form", 450],
  ] as const) {
    const size = r.web?.find((w) => w.route === route);
    if (size)
      out.push({
        target: `${route} JavaScript ≤ ${limit} KB gzip`,
        measured: `${size.kilobytes} KB`,
        met: size.kilobytes <= limit,
        ...(size.kilobytes <= limit ? {} : { gap: `${(size.kilobytes - limit).toFixed(1)} KB over` }),
      });
  }
  if (r.web) {
    // A route that draws charts may also fetch them after it shows (a lazy import).
    const drawing = new Set(["results", "sector dashboard"]);
    const wrong = r.web.filter((w) => w.charts && !drawing.has(w.route)).map((w) => w.route);
    out.push({
      target: "charts load only on routes that draw them (results, sector dashboard)",
      measured:
        r.web
          .filter((w) => w.charts)
          .map((w) => w.route)
          .join(", ") || "none",
      met: wrong.length === 0,
      ...(wrong.length ? { gap: `wrong on ${wrong.join(", ")}` } : {}),
    });
  }
  return out;
}

function markdown(r: BenchResults): string {
  const lines: string[] = [];
  const m = r.machine;
  lines.push(`# Benchmark ${r.startedAt.slice(0, 10)}${r.quick ? " (quick)" : ""}`, "");
  lines.push(
    `Started ${r.startedAt}, ${r.minutes} minutes. Machine: ${m.cores} × ${m.cpu}, ${m.memoryGb} GB, Node ${m.node}. ` +
      `Load average at start ${(m.loadAverageAtStart as number[]).join(" / ")}, at end ${r.loadAverageAtEnd.join(" / ")}.`,
  );
  if (r.note) lines.push("", `Note: ${r.note}`);
  lines.push(
    "",
    `Method: bench/README.md. Reads: ${r.plan.warmUp} warm-up requests, then ${r.plan.runs} timed, one at a time.`,
  );
  for (const s of r.sizes) {
    lines.push(
      "",
      `## ${s.farms.toLocaleString("en")} farms, ${s.campaigns} campaigns (seeded in ${s.seedSeconds} s)`,
      "",
    );
    lines.push(
      "| read (HTTP) | p50 | p95 | p99 | bytes | SQL floor p50 | floor ÷ HTTP |",
      "|---|---|---|---|---|---|---|",
    );
    for (const read of s.reads) {
      const floor = s.floor.find((f) => f.name === read.name);
      lines.push(
        `| ${read.name} | ${read.timing.p50} | ${read.timing.p95} | ${read.timing.p99} | ${read.bytes} | ${floor ? floor.timing.p50 : ""} | ${floor ? times(floor.timing.p50 / read.timing.p50) : ""} |`,
      );
    }
    lines.push(
      "",
      `Naive baseline (every submitted answer set of one campaign counted in JavaScript): p50 ${ms(s.naive.p50)}, p95 ${ms(s.naive.p95)} over ${s.naive.runs} runs.`,
    );
    const load = (name: string, l: LoadResult, unit: string) =>
      `| ${name} | ${l.requests} | ${l.perSecond} ${unit}/s | ${l.latency.p50} | ${l.latency.p99} | ${l.latency.max} | ${
        Object.entries(l.errors)
          .map(([k, n]) => `${n} × ${k}`)
          .join(", ") || "none"
      } |`;
    lines.push(
      "",
      "| load | done | rate | p50 ms | p99 ms | max ms | errors |",
      "|---|---|---|---|---|---|---|",
    );
    lines.push(
      load(
        `autosave, ${s.autosave.farmers} farmers, ${s.autosave.offered}/s offered`,
        s.autosave.paced,
        "saves",
      ),
    );
    lines.push(
      load(`autosave, ${s.autosave.farmers} farmers, as fast as answered`, s.autosave.saturated, "saves"),
    );
    if (s.httpCeiling)
      lines.push(load("health checks, as fast as answered (HTTP ceiling)", s.httpCeiling, "requests"));
    lines.push(load("submissions, 16 at a time", s.submissions, "submissions"));
    lines.push(
      "",
      `Server memory: ${s.memory.afterReadsMb} MB after the reads, peak ${s.memory.peakMb} MB (VmHWM).`,
    );
  }
  if (r.web) {
    lines.push(
      "",
      "## Web app JavaScript per route (gzip)",
      "",
      "| route | KB | files | charts |",
      "|---|---|---|---|",
    );
    for (const w of r.web)
      lines.push(`| ${w.route} | ${w.kilobytes} | ${w.files} | ${w.charts ? "yes" : "no"} |`);
  }
  const all = checks(r);
  lines.push(
    "",
    "## Targets",
    "",
    "Why a missed target is missed and what would close it: [bench/README.md, known gaps](../README.md#known-gaps).",
    "",
    "| target | measured | met | gap |",
    "|---|---|---|---|",
  );
  for (const c of all)
    lines.push(`| ${c.target} | ${c.measured} | ${c.met ? "yes" : "**no**"} | ${c.gap ?? ""} |`);
  return `${lines.join("\n")}\n`;
}

/** Writes `<date>.json` and `<date>.md` (`<date>-quick.*` for a quick run) into `dir`. */
export function writeResults(dir: string, r: BenchResults): string[] {
  mkdirSync(dir, { recursive: true });
  const name = `${r.startedAt.slice(0, 10)}${r.quick ? "-quick" : ""}`;
  const json = join(dir, `${name}.json`);
  const md = join(dir, `${name}.md`);
  writeFileSync(json, `${JSON.stringify({ ...r, targets: checks(r) }, null, 2)}\n`);
  writeFileSync(md, markdown(r));
  // The repository's formatter lays JSON out its own way: written as it would leave it.
  spawnSync("npx", ["biome", "format", "--write", json], { stdio: "ignore" });
  return [json, md];
}
