import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Database } from "./client.ts";

const migrationsDir = fileURLToPath(new URL("./migrations/", import.meta.url));

export interface Migration {
  id: number;
  name: string;
  statements: string[];
}

/** Migrations are `NNN_name.sql` files; statements are separated by a line that ends with `;`. */
export function loadMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{3}_.+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      id: Number(file.slice(0, 3)),
      name: file,
      statements: splitStatements(readFileSync(dir + file, "utf8")),
    }));
}

export function splitStatements(sql: string): string[] {
  const withoutComments = sql
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("--"))
    .join("\n");
  return withoutComments
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/** Applies each migration not yet recorded, each in one atomic batch with its record. */
export async function migrate(
  db: Database,
  now: () => Date,
  migrations = loadMigrations(),
): Promise<string[]> {
  await db.writeOne(
    "CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
  );
  const applied = new Set(
    (await db.query<{ id: number }>("SELECT id FROM schema_migrations")).map((r) => r.id),
  );
  const done: string[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.id)) continue;
    await db.write([
      ...migration.statements,
      {
        sql: "INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)",
        args: [migration.id, migration.name, now().toISOString()],
      },
    ]);
    done.push(migration.name);
  }
  return done;
}
