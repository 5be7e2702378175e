/**
 * The benchmark (bench/README.md): for each size, a demo sector seeded into a temporary database,
 * the API started as its own process, and measured over HTTP: every dashboard and results read,
 * their SQL floor and the naive baseline, autosave and submissions under load, the server's memory;
 * then the web app's JavaScript per route. Writes bench/results/<date>.json and .md.
 *
 *   npm run bench                      6,000 and 100,000 farms, 5 campaigns each
 *   npm run bench -- --quick           1,000 farms, fewer repetitions, short loads
 *   npm run bench -- --sizes 2000 --note "shared machine"
 *   npm run bench -- --report bench/results/<date>.json   the Markdown again from a run's JSON
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, freemem, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { latestVersion } from "@monitor/surveys";
import { hashPassword } from "../apps/api/src/auth/password.ts";
import { Database } from "../apps/api/src/db/client.ts";
import { DEMO_PASSWORD } from "../apps/api/src/demo/seed.ts";
import { createRepositories } from "../apps/api/src/repositories/index.ts";
import { complete2026 } from "../test/support/fixtures.ts";
import { timeFloor, timeNaive } from "./floor.ts";
import { autosave, type Farmer, healthCeiling, monitorVersion, submissions } from "./load.ts";
import { login, readsOf, timeReads } from "./reads.ts";
import { type BenchResults, type SizeResult, writeResults } from "./report.ts";
import { startServer } from "./server.ts";
import { buildWeb, routeSizes } from "./web.ts";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    sizes: { type: "string" },
    port: { type: "string", default: "8805" },
    "web-out": { type: "string", default: "/tmp/web-bench" },
    "skip-web": { type: "boolean", default: false },
    note: { type: "string", default: "" },
    out: { type: "string", default: "bench/results" },
    report: { type: "string" },
  },
});
const quick = values.quick;
const sizes = (values.sizes ?? (quick ? "1000" : "6000,100000")).split(",").map(Number);
const plan = quick
  ? { warmUp: 3, runs: 20, floorRuns: 5, naiveRuns: 2, loadSeconds: 4, farmers: 200, submitCampaigns: 1 }
  : { warmUp: 10, runs: 100, floorRuns: 10, naiveRuns: 3, loadSeconds: 15, farmers: 200, submitCampaigns: 3 };
const AUTOSAVE_RATE = 1500;
const root = fileURLToPath(new URL("../", import.meta.url));
const port = Number(values.port);
const CAMPAIGNS = 5;

function machine() {
  return {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    freeMemoryGb: Math.round(freemem() / 1024 ** 3),
    node: process.version,
    loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

async function benchSize(farms: number): Promise<SizeResult> {
  const dir = mkdtempSync(join(tmpdir(), "monitor-bench-"));
  const url = `file:${join(dir, "bench.db")}`;
  try {
    const year = new Date().getUTCFullYear();
    console.log(`\n== ${farms} farms: seeding ${CAMPAIGNS} campaigns…`);
    const started = performance.now();
    const seeded = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "apps/api/src/demo/cli.ts",
        "--farms",
        String(farms),
        "--from",
        String(year - CAMPAIGNS + 1),
      ],
      { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "inherit", "inherit"] },
    );
    if (seeded.status !== 0) throw new Error(`seeding ${farms} farms failed`);
    const seedSeconds = Math.round((performance.now() - started) / 100) / 10;

    const db = new Database({ url });
    const campaigns = await db.query<{ id: number; year: number }>(
      "SELECT id, year FROM campaigns ORDER BY year",
    );
    const current = Number(campaigns.at(-1)?.id);
    const previous = Number(campaigns.at(-2)?.id);
    const earlier = Number(campaigns.at(-3)?.id);
    const own = await db.queryOne<{ farm: number }>(
      `SELECT m.scope_id AS farm FROM users u JOIN memberships m ON m.user_id = u.id
        WHERE u.email = 'farmer@demo.test' AND m.role = 'farmer'`,
    );
    const farmId = Number(own?.farm);
    const ids = { current, previous, earlier, farmId };

    console.log("starting the server…");
    const server = await startServer(root, url, port, dir);
    try {
      const cookies = {
        farmer: await login(server.origin, "farmer@demo.test", DEMO_PASSWORD),
        analyst: await login(server.origin, "sector@demo.test", DEMO_PASSWORD),
        buyer: await login(server.origin, "buyer@demo.test", DEMO_PASSWORD),
      };
      console.log("timing the reads over HTTP…");
      const reads = await timeReads(server.origin, readsOf(ids), cookies, plan.warmUp, plan.runs);
      for (const r of reads)
        console.log(
          `  ${r.name.padEnd(48)} p50 ${r.timing.p50.toFixed(1).padStart(7)} ms  p95 ${r.timing.p95.toFixed(1).padStart(7)} ms`,
        );
      const memoryAfterReads = server.memory();

      console.log("timing the SQL floor and the naive baseline…");
      const floor = await timeFloor(db, ids, 1, plan.floorRuns);
      for (const f of floor)
        console.log(`  floor ${f.name.padEnd(42)} p50 ${f.timing.p50.toFixed(1).padStart(7)} ms`);
      const naive = await timeNaive(db, previous, plan.naiveRuns);
      console.log(`  naive: adoption and distribution in JavaScript p50 ${naive.p50.toFixed(0)} ms`);

      console.log(`preparing ${plan.farmers} farmers for the deadline rush…`);
      const farmers = await prepareRush(db, server.origin, plan.farmers, plan.submitCampaigns);
      console.log(`autosave, ${AUTOSAVE_RATE} saves/s offered…`);
      const paced = await autosave(
        server.origin,
        farmers.farmers,
        farmers.campaigns[0] as number,
        AUTOSAVE_RATE,
        plan.loadSeconds,
      );
      console.log(`  ${paced.perSecond} saves/s, p50 ${paced.latency.p50} ms, p99 ${paced.latency.p99} ms`);
      console.log("autosave, as fast as the server answers…");
      const saturated = await autosave(
        server.origin,
        farmers.farmers,
        farmers.campaigns[0] as number,
        0,
        plan.loadSeconds,
      );
      console.log(
        `  ${saturated.perSecond} saves/s, p50 ${saturated.latency.p50} ms, p99 ${saturated.latency.p99} ms`,
      );
      console.log("the HTTP ceiling: health checks as fast as answered…");
      const ceiling = await healthCeiling(server.origin, plan.farmers, plan.loadSeconds);
      console.log(
        `  ${ceiling.perSecond} requests/s, p50 ${ceiling.latency.p50} ms, p99 ${ceiling.latency.p99} ms`,
      );
      console.log("submissions…");
      const submitted = await submissions(
        server.origin,
        farmers.farmers,
        farmers.campaigns,
        complete2026,
        16,
      );
      console.log(
        `  ${submitted.perSecond} submissions/s, p50 ${submitted.latency.p50} ms, p99 ${submitted.latency.p99} ms`,
      );
      const memory = server.memory();
      console.log(`  server memory: ${memory.rssMb} MB now, peak ${memory.peakMb} MB`);
      return {
        farms,
        campaigns: CAMPAIGNS,
        seedSeconds,
        reads,
        floor,
        naive,
        autosave: { offered: AUTOSAVE_RATE, farmers: plan.farmers, paced, saturated },
        httpCeiling: ceiling,
        submissions: submitted,
        memory: { afterReadsMb: memoryAfterReads.rssMb, peakMb: memory.peakMb },
      };
    } finally {
      await server.stop();
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Open campaigns of their own for the rush, and one logged-in farmer per farm. */
async function prepareRush(db: Database, origin: string, count: number, campaignCount: number) {
  const repos = createRepositories(db);
  const day = 24 * 3600 * 1000;
  const campaigns: number[] = [];
  for (let i = 0; i < campaignCount; i++) {
    campaigns.push(
      await repos.campaigns.create({
        name: `Bench rush ${i + 1}`,
        year: 2100 + i,
        surveyVersionId: latestVersion().id,
        opensAt: new Date(Date.now() - day).toISOString(),
        closesAt: new Date(Date.now() + day).toISOString(),
      }),
    );
  }
  const password = "bench-farmer-password";
  const hash = await hashPassword(password);
  const farms = await db.query<{ id: number }>("SELECT id FROM farms WHERE active = 1 ORDER BY id LIMIT ?", [
    count,
  ]);
  for (const [i, farm] of farms.entries()) {
    await repos.users.create(
      { email: `bench-${i}@bench.test`, name: `Bench farmer ${i}`, passwordHash: hash, locale: "nl" },
      [{ role: "farmer", scopeType: "farm", scopeId: String(farm.id) }],
      new Date(),
    );
  }
  const farmers: Farmer[] = [];
  for (let i = 0; i < farms.length; i += 8) {
    const batch = farms.slice(i, i + 8).map(async (farm, j) => {
      const farmer = {
        farmId: Number(farm.id),
        cookie: await login(origin, `bench-${i + j}@bench.test`, password),
        version: 0,
      };
      farmer.version = await monitorVersion(origin, farmer, campaigns[0] as number);
      return farmer;
    });
    farmers.push(...(await Promise.all(batch)));
  }
  return { farmers, campaigns };
}

// `--report <file.json>`: write the Markdown (and the targets) again from a run's JSON.
if (values.report) {
  const earlier = JSON.parse(readFileSync(values.report, "utf8")) as BenchResults;
  console.log(`written: ${writeResults(dirname(resolve(values.report)), earlier).join(", ")}`);
  process.exit(0);
}

const startedAt = new Date();
const host = machine();
const results: SizeResult[] = [];
for (const farms of sizes) results.push(await benchSize(farms));
let web = null;
if (!values["skip-web"]) {
  console.log("\nbuilding the web app for its sizes…");
  buildWeb(root, values["web-out"]);
  web = routeSizes(values["web-out"]);
  for (const w of web)
    console.log(
      `  ${w.route.padEnd(20)} ${w.kilobytes} KB gzip in ${w.files} files${w.charts ? ", charts" : ""}`,
    );
}
const written = writeResults(resolve(root, values.out), {
  startedAt: startedAt.toISOString(),
  minutes: Math.round((Date.now() - startedAt.getTime()) / 6000) / 10,
  quick,
  note: values.note,
  machine: host,
  loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100),
  plan: { ...plan, autosaveRate: AUTOSAVE_RATE },
  sizes: results,
  web,
});
console.log(`\nwritten: ${written.join(", ")}`);
