import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildServerIfStale, newestChange, SERVER_BUNDLE } from "./serverBuild.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const web = join(root, "apps/web");
const built = join(web, "dist/index.html");

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

if (await buildServerIfStale(root)) console.log("Built the server.");
// `--build-only`: `npm start` then runs the bundle on plain node, with no TypeScript loader in the
// server's process. Without it the bundle runs here, in this same process (a SIGKILL ends the server).
if (!process.argv.includes("--build-only")) await import(pathToFileURL(join(root, SERVER_BUNDLE)).href);
