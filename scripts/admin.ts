// Operator commands for a production database: `npm run admin -- <command>` (docs/operations.md).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { readConfig } from "../apps/api/src/config.ts";
import { Database } from "../apps/api/src/db/client.ts";
import { migrate } from "../apps/api/src/db/migrate.ts";
import { type AppDeps, defaultConfig } from "../apps/api/src/env.ts";
import { createRepositories } from "../apps/api/src/repositories/index.ts";
import { createAdmin } from "../apps/api/src/services/accounts.ts";
import { backupTo, restoreFrom } from "../apps/api/src/services/backup.ts";
import { importRegister } from "../apps/api/src/services/registerImport.ts";

const USAGE = `Usage: npm run admin -- <command>

Works on the database at DATABASE_URL (default data/monitor.db); links use PUBLIC_ORIGIN.
  create-admin <email> [--name NAME]   an administrator; prints a one-time link to set the password
  import-register <file.csv> [--apply] the farm register: a preview of adds, changes, stops and bad
                                       lines; with --apply, all rows in one transaction (none if a line is bad)
  backup <file>                        a consistent copy while the server runs (VACUUM INTO)
  restore <file> [--force]             the backup in place of the database; stop the server first`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

async function withDeps<T>(run: (deps: AppDeps) => Promise<T>): Promise<T> {
  const config = readConfig();
  const db = new Database({
    url: config.databaseUrl,
    authToken: config.databaseAuthToken,
    synchronous: config.databaseSync,
  });
  const clock = () => new Date();
  try {
    await migrate(db, clock);
    return await run({
      db,
      clock,
      config: { ...defaultConfig, ...config.app },
      log: () => {},
      repos: createRepositories(db),
    });
  } finally {
    db.close();
  }
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: "string" },
      apply: { type: "boolean", default: false },
      force: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [command, argument] = positionals;
  if (values.help || !command) return console.log(USAGE);
  if (!argument) fail(`${command} needs an argument`);
  switch (command) {
    case "create-admin": {
      const created = await withDeps((deps) => createAdmin(deps, argument, values.name ?? argument));
      console.log(
        `Administrator ${created.user.email}. Open this link to set the password (until ${created.expiresAt}):`,
      );
      console.log(created.link);
      return;
    }
    case "import-register": {
      const csv = readFileSync(argument, "utf8");
      const result = await withDeps((deps) =>
        importRegister(deps, csv, { dryRun: !values.apply, actorId: null, locale: "en", source: "cli" }),
      );
      console.log(
        `${result.adds.length} to add, ${result.changes.length} field changes, ${result.stops.length} to stop, ${result.unchanged} unchanged`,
      );
      for (const add of result.adds.slice(0, 20))
        console.log(`  + line ${add.line}: ${add.herdNumber} ${add.name}`);
      for (const c of result.changes.slice(0, 20))
        console.log(`  ~ line ${c.line}: ${c.herdNumber} ${c.field}: ${c.from} → ${c.to}`);
      for (const stop of result.stops.slice(0, 20))
        console.log(`  - line ${stop.line}: ${stop.herdNumber} stops`);
      for (const e of result.errors) console.error(`  line ${e.line}: ${e.reason}`);
      if (result.errors.length) {
        console.error(`${result.errors.length} bad lines: nothing imported.`);
        process.exitCode = 1;
      } else console.log(result.applied ? "Applied." : "Preview only: run again with --apply to import.");
      return;
    }
    case "backup": {
      const done = await backupTo(readConfig().databaseUrl, argument);
      console.log(`Backup written to ${done.file} (${done.migrations} migrations, integrity ok).`);
      return;
    }
    case "restore": {
      const done = await restoreFrom(argument, readConfig().databaseUrl, { force: values.force });
      console.log(
        `Restored ${argument} into ${done.file} (${done.migrations} migrations). Start the server again.`,
      );
      return;
    }
    default:
      fail(`unknown command ${command}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
