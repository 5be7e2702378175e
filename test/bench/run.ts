/**
 * The benchmark: seeds a demo sector of --farms farms (default 2,000) in a temporary database and
 * times the API's heaviest reads, the way the web app calls them. Prints the median and 95th
 * percentile per request; speed is measured here, never asserted in tests.
 *
 *   npm run bench -- --farms 10000 --runs 30
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createApp } from "../../apps/api/src/app.ts";
import { Database } from "../../apps/api/src/db/client.ts";
import { migrate } from "../../apps/api/src/db/migrate.ts";
import { DEMO_PASSWORD, seedDemo } from "../../apps/api/src/demo/seed.ts";

const { values } = parseArgs({
  options: { farms: { type: "string", default: "2000" }, runs: { type: "string", default: "20" } },
});
const farms = Number(values.farms);
const runs = Number(values.runs);
const now = new Date("2026-11-21T10:00:00.000Z");

const dir = mkdtempSync(join(tmpdir(), "monitor-bench-"));
const db = new Database({ url: `file:${join(dir, "bench.db")}` });
try {
  await migrate(db, () => now);
  let started = performance.now();
  await seedDemo(db, () => now, { farms });
  console.log(`seeded ${farms} farms in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const app = createApp({ db, clock: () => now });
  const login = async (email: string) => {
    const response = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  };
  const farmer = await login("farmer@demo.test");
  const analyst = await login("sector@demo.test");
  const campaign2025 = Number(
    (await db.queryOne<{ id: number }>("SELECT id FROM campaigns WHERE year = 2025"))?.id,
  );
  const current = Number(
    (await db.queryOne<{ id: number }>("SELECT id FROM campaigns WHERE year = 2026"))?.id,
  );

  const requests: [string, string, string][] = [
    ["farmer: open the monitor", `/api/farms/1/monitor/${current}`, farmer],
    ["farmer: results 2025", `/api/farms/1/results/${campaign2025}`, farmer],
    ["sector: trend", "/api/sector/trend", analyst],
    ["sector: trend, Wallonia", "/api/sector/trend?region=wallonia", analyst],
    ["sector: adoption 2025", `/api/sector/adoption?campaign=${campaign2025}`, analyst],
    [
      "sector: breakdown by dairy buyer",
      `/api/sector/breakdown?campaign=${campaign2025}&by=dairyBuyer`,
      analyst,
    ],
    ["sector: distribution", `/api/sector/distribution?campaign=${campaign2025}`, analyst],
    ["sector: participation", `/api/sector/participation?campaign=${campaign2025}`, analyst],
  ];
  console.log(`\n${"request".padEnd(36)} ${"median ms".padStart(10)} ${"p95 ms".padStart(8)}`);
  for (const [name, path, cookie] of requests) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      started = performance.now();
      const response = await app.request(path, { headers: { cookie } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
    console.log(`${name.padEnd(36)} ${at(0.5).toFixed(1).padStart(10)} ${at(0.95).toFixed(1).padStart(8)}`);
  }
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
