// `npm run seed -- --farms 2000 --from 2014 --to 2026 [--reset]`: a demo database at DATABASE_URL.
import { mkdirSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { readConfig } from "../config.ts";
import { Database } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { FIRST_YEAR } from "./campaigns.ts";
import { progressBar } from "./progress.ts";
import { measureSector, PUBLISHED_RATES } from "./sector.ts";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "./seed.ts";

const USAGE = `Usage: npm run seed -- [--farms N] [--from YEAR] [--to YEAR] [--reset]

Loads the demo sector into the database at DATABASE_URL (default data/monitor.db):
the register of N farms (default DEMO_FARMS, 2000), the demo accounts, one campaign per year
and the farms' submitted monitors, calibrated to the published sector figures.
  --farms N     farms in the register (20 to 200000)
  --from YEAR   first campaign (default ${FIRST_YEAR})
  --to YEAR     last campaign (default and at most the current year, whose campaign is open)
  --reset       delete the database file first (local file databases only)`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

async function main() {
  const parse = () =>
    parseArgs({
      options: {
        farms: { type: "string" },
        from: { type: "string" },
        to: { type: "string" },
        reset: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }).values;
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (error) {
    fail((error as Error).message);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const config = readConfig();
  const clock = () => new Date();
  const currentYear = clock().getUTCFullYear();
  const number = (value: string | undefined, fallback: number, name: string, min: number, max: number) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      fail(`--${name} must be a whole number from ${min} to ${max}`);
    return n;
  };
  const farms = number(args.farms, config.demoFarms, "farms", 20, 200_000);
  const fromYear = number(args.from, FIRST_YEAR, "from", FIRST_YEAR, currentYear);
  const toYear = number(args.to, currentYear, "to", fromYear, currentYear);

  const url = config.databaseUrl;
  const file = url.startsWith("file:") ? fileURLToPath(new URL(url.replace(/^file:/, "file://"))) : null;
  if (args.reset) {
    if (!file) fail("--reset only deletes a local file database; empty a remote database yourself");
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
    console.log(`Deleted ${file}`);
  }
  if (file) mkdirSync(dirname(file), { recursive: true });

  const db = new Database({ url, authToken: config.databaseAuthToken });
  try {
    await migrate(db, clock);
    const users = await db.queryOne<{ n: number }>("SELECT count(*) AS n FROM users");
    if (Number(users?.n ?? 0) > 0) {
      console.error(
        `The database at ${url} already has users: nothing loaded.\n` +
          "Run with --reset to delete it and start again, or set DATABASE_URL to another file.",
      );
      process.exitCode = 1;
      return;
    }
    console.log(`Seeding ${farms} farms, campaigns ${fromYear}–${toYear}, into ${file ?? url}`);
    const started = performance.now();
    await seedDemo(db, clock, {
      farms,
      fromYear,
      toYear,
      onProgress: (m) => console.log(m),
      onFarms: progressBar("  farms"),
    });
    console.log(`Loaded in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

    console.log("Measured from the database (submitted monitors per campaign year):");
    const short: Record<string, string> = {
      "energy.own_renewable_electricity": "own energy",
      "animal_health.herd_health_vet": "herd vet",
      "energy.heat_recovery_precooling": "heat rec.",
      "energy.energy_scan": "en. scan",
      "animal_feed.food_industry_byproducts": "by-prod.",
      "animal_welfare.cow_brush": "cow brush",
      "water_soil.alternative_water": "alt. water",
    };
    const ids = Object.keys(PUBLISHED_RATES);
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    console.log(
      ["year", "active", "submitted", "mean", "≥ 1", ...ids.map((id) => short[id] ?? id)]
        .map((h, i) => (i === 0 ? h.padEnd(5) : h.padStart(10)))
        .join(""),
    );
    for (const y of await measureSector(db)) {
      console.log(
        [
          String(y.year).padEnd(5),
          String(y.activeFarms).padStart(10),
          String(y.farms).padStart(10),
          y.mean.toFixed(2).padStart(10),
          pct(y.atLeastOne).padStart(10),
          ...ids.map((id) => pct(y.rates[id] ?? 0).padStart(10)),
        ].join(""),
      );
    }
    console.log(`\nLog in with password "${DEMO_PASSWORD}" as:`);
    for (const user of DEMO_USERS) console.log(`  ${user.email.padEnd(22)} ${user.description}`);
  } finally {
    db.close();
  }
}

await main();
