import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../apps/api/src/server.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const web = join(root, "apps/web");
const built = join(web, "dist/index.html");

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

/** The web app is rebuilt only when a source is newer than the last build. */
function webNeedsBuild(): boolean {
  if (!existsSync(built)) return true;
  const sources = [
    "src",
    "public",
    "build",
    "sw",
    "index.html",
    "vite.config.ts",
    "../../packages",
    "../../surveys",
  ].map((p) => join(web, p));
  return Math.max(...sources.filter(existsSync).map(newestChange)) > statSync(built).mtimeMs;
}

if (!process.env.WEB_DIST && webNeedsBuild()) {
  console.log("Building the web app…");
  const result = spawnSync("npm", ["run", "build", "-w", "apps/web"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

await startServer({ demo: process.argv.includes("--demo") });
