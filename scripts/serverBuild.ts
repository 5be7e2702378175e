import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { build, type Plugin } from "esbuild";

/**
 * The API bundled once into one plain JavaScript file, so the server runs on Node alone: no tsx
 * transpiling TypeScript in the process (idle, about 105 MB instead of 190). Native bindings
 * (libsql) stay in node_modules.
 */
export const SERVER_BUNDLE = "apps/api/dist/server.mjs";

/**
 * A 4 MB young generation (V8's default grows to 16 MB) is collected sooner under a burst of
 * requests: peak 286 MB instead of 323–326 MB over a quick benchmark. package.json's start and
 * serve scripts pass the same.
 */
export const SERVER_NODE_ARGS = ["--max-semi-space-size=4"];

const SOURCES = ["apps/api/src", "packages", "package-lock.json", "scripts/serverBuild.ts"];

export function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(path)
      .filter((entry) => entry !== "node_modules" && entry !== "dist")
      .map((entry) => newestChange(join(path, entry))),
  );
}

/**
 * `import.meta.url` is where a source file finds the files beside it (migrations, surveys): each
 * stays the source file's own address, written relative to the bundle so that the checkout may move.
 */
function sourceFileUrls(root: string): Plugin {
  const bundleDir = dirname(join(root, SERVER_BUNDLE));
  return {
    name: "source-file-urls",
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        const { readFile } = await import("node:fs/promises");
        const source = await readFile(args.path, "utf8");
        if (!source.includes("import.meta.url")) return { contents: source, loader: "ts" };
        const fromBundle = relative(bundleDir, args.path).split("\\").join("/");
        return {
          contents: source.replaceAll(
            "import.meta.url",
            `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`,
          ),
          loader: "ts",
        };
      });
    },
  };
}

/** Bundles the server when the bundle is missing or a source is newer than it; true if it built. */
export async function buildServerIfStale(root: string): Promise<boolean> {
  const out = join(root, SERVER_BUNDLE);
  const sources = SOURCES.map((p) => join(root, p)).filter(existsSync);
  if (existsSync(out) && Math.max(...sources.map(newestChange)) <= statSync(out).mtimeMs) return false;
  // Written aside and renamed: a server starting meanwhile never reads half a file.
  const { outputFiles } = await build({
    stdin: {
      contents: `import { startServer } from "./apps/api/src/server.ts";
await startServer({ demo: process.argv.includes("--demo") });`,
      resolveDir: root,
      sourcefile: "server-entry.ts",
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: out,
    write: false,
    external: ["libsql", "@libsql/*"],
    // Bundled CommonJS packages call require for Node's own modules.
    banner: {
      js: 'import { createRequire as bundleRequire } from "node:module"; const require = bundleRequire(import.meta.url);',
    },
    sourcemap: "linked",
    plugins: [sourceFileUrls(root)],
    logLevel: "warning",
  });
  mkdirSync(dirname(out), { recursive: true });
  for (const file of outputFiles) {
    const aside = `${file.path}.${process.pid}.tmp`;
    writeFileSync(aside, file.contents);
    renameSync(aside, file.path);
  }
  return true;
}
