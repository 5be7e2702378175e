/**
 * The deadline rush: a few hundred farmers saving their monitor every few seconds against a
 * running server, on this machine only (loopback). Prepares a temporary database (demo register,
 * an open campaign, one farmer login per simulated farmer), starts the server as its own process,
 * runs for --seconds, then prints saves per second, p50/p99 latency and errors, and writes them to
 * --out (Markdown) as well.
 *
 *   npm run load -- --farmers 300 --seconds 60 --interval 3
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { latestVersion } from "@monitor/surveys";
import { hashPassword } from "../apps/api/src/auth/password.ts";
import { Database } from "../apps/api/src/db/client.ts";
import { migrate } from "../apps/api/src/db/migrate.ts";
import { seedDemo } from "../apps/api/src/demo/seed.ts";
import { createRepositories } from "../apps/api/src/repositories/index.ts";

const { values } = parseArgs({
  options: {
    farmers: { type: "string", default: "300" },
    seconds: { type: "string", default: "60" },
    interval: { type: "string", default: "3" },
    port: { type: "string", default: "8793" },
    out: { type: "string", default: "test-results/load.md" },
  },
});
const farmers = Number(values.farmers);
const seconds = Number(values.seconds);
const intervalMs = Number(values.interval) * 1000;
const port = Number(values.port);
const origin = `http://localhost:${port}`;
const root = fileURLToPath(new URL("../", import.meta.url));
const PASSWORD = "load-test-password";

const dir = mkdtempSync(join(tmpdir(), "monitor-load-"));
const url = `file:${join(dir, "load.db")}`;
let server: ChildProcess | undefined;

async function prepare(): Promise<number> {
  const db = new Database({ url });
  const now = () => new Date();
  await migrate(db, now);
  await seedDemo(db, now, { farms: farmers + 10, fromYear: 2025 });
  const repos = createRepositories(db);
  const day = 24 * 3600 * 1000;
  const campaign = await repos.campaigns.create({
    name: "Deadline rush",
    year: 2100,
    surveyVersionId: latestVersion().id,
    opensAt: new Date(Date.now() - day).toISOString(),
    closesAt: new Date(Date.now() + day).toISOString(),
  });
  const hash = await hashPassword(PASSWORD);
  for (let i = 0; i < farmers; i++) {
    await repos.users.create(
      { email: `rush-${i}@load.test`, name: `Farmer ${i}`, passwordHash: hash, locale: "nl" },
      [{ role: "farmer", scopeType: "farm", scopeId: String(i + 3) }],
      new Date(),
    );
  }
  db.close();
  return campaign;
}

async function startServer(): Promise<void> {
  const web = join(dir, "web");
  mkdirSync(web);
  writeFileSync(join(web, "index.html"), "<!doctype html><title>load</title>");
  server = spawn("npx", ["tsx", "apps/api/src/server.ts"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATABASE_URL: url, WEB_DIST: web, HOST: "127.0.0.1" },
    stdio: "ignore",
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not start");
}

async function login(i: number): Promise<string> {
  const response = await fetch(`${origin}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ email: `rush-${i}@load.test`, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`login ${i}: ${response.status}`);
  return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

interface Sample {
  ms: number;
  status: number;
}

async function farmer(i: number, campaign: number, cookie: string, until: number, samples: Sample[]) {
  const farmId = i + 3;
  let version = 0;
  let cows = 40 + (i % 200);
  // Spread the farmers over the interval, as people do not all type at once.
  await new Promise((r) => setTimeout(r, Math.random() * intervalMs));
  while (Date.now() < until) {
    cows += 1;
    const started = performance.now();
    let status = 0;
    try {
      const response = await fetch(`${origin}/api/farms/${farmId}/monitor/${campaign}`, {
        method: "PUT",
        headers: {
          "content-type": "application/json",
          cookie,
          origin,
          "if-match": `"${version}"`,
          "idempotency-key": `rush-${i}-${version}-${cows}`,
        },
        body: JSON.stringify({ data: { dairy_cows: cows, grazing: cows % 2 === 0 }, page: 0 }),
      });
      status = response.status;
      const body = (await response.json()) as { version?: number; current?: { version: number } };
      if (response.ok && body.version) version = body.version;
      else if (status === 409 && body.current) version = body.current.version;
    } catch {
      status = 0;
    }
    samples.push({ ms: performance.now() - started, status });
    await new Promise((r) => setTimeout(r, intervalMs * (0.75 + Math.random() * 0.5)));
  }
}

const quantile = (sorted: number[], p: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number) : 0;

try {
  console.log(`preparing ${farmers} farmers…`);
  const campaign = await prepare();
  await startServer();
  const cookies: string[] = [];
  for (let i = 0; i < farmers; i += 8) {
    const batch = Array.from({ length: Math.min(8, farmers - i) }, (_, j) => login(i + j));
    cookies.push(...(await Promise.all(batch)));
  }
  console.log(`${farmers} farmers logged in; saving every ~${intervalMs / 1000} s for ${seconds} s…`);
  const samples: Sample[] = [];
  const started = Date.now();
  const until = started + seconds * 1000;
  await Promise.all(cookies.map((cookie, i) => farmer(i, campaign, cookie, until, samples)));
  const elapsed = (Date.now() - started) / 1000;
  const ok = samples.filter((s) => s.status === 200);
  const latencies = ok.map((s) => s.ms).sort((a, b) => a - b);
  const errors = new Map<number, number>();
  for (const s of samples) if (s.status !== 200) errors.set(s.status, (errors.get(s.status) ?? 0) + 1);
  const report = [
    `Deadline rush on ${new Date().toISOString().slice(0, 10)}: ${farmers} farmers, one save every ~${intervalMs / 1000} s each, ${seconds} s, server on this machine (embedded database).`,
    "",
    "| saves | saves/s | p50 (ms) | p99 (ms) | max (ms) | errors |",
    "|---|---|---|---|---|---|",
    `| ${ok.length} | ${(ok.length / elapsed).toFixed(1)} | ${quantile(latencies, 0.5).toFixed(1)} | ${quantile(latencies, 0.99).toFixed(1)} | ${(latencies.at(-1) ?? 0).toFixed(1)} | ${errors.size ? [...errors].map(([s, n]) => `${n} × ${s || "network"}`).join(", ") : "none"} |`,
  ].join("\n");
  console.log(`\n${report}`);
  const out = join(root, values.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${report}\n`);
  console.log(`\nwritten to ${values.out}`);
} finally {
  server?.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}
