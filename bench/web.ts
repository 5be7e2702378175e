import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/**
 * The web app's JavaScript per route, gzip (level 9, as the server's precompressed files): the
 * production build's manifest gives each route's lazily loaded module and, through its static
 * imports, every chunk the browser must fetch before the route shows.
 */
const ROUTES: [string, string[]][] = [
  ["login", []],
  ["farmer home", ["src/farmer/FarmerArea.tsx"]],
  ["monitor form", ["src/farmer/FarmerArea.tsx", "src/farmer/MonitorPage.tsx"]],
  ["results", ["src/farmer/FarmerArea.tsx", "src/farmer/ResultsPage.tsx"]],
  ["sector dashboard", ["src/sector/SectorArea.tsx"]],
  ["jury", ["src/jury/JuryArea.tsx"]],
];

interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}

export interface RouteSize {
  route: string;
  files: number;
  kilobytes: number;
  /** Does the route load the charting library? */
  charts: boolean;
}

export function buildWeb(root: string, outDir: string): void {
  const built = spawnSync(
    "npx",
    ["vite", "build", "--outDir", outDir, "--emptyOutDir", "--manifest", "--logLevel", "warn"],
    {
      cwd: join(root, "apps/web"),
      stdio: "inherit",
    },
  );
  if (built.status !== 0) throw new Error("the web build failed");
}

export function routeSizes(outDir: string): RouteSize[] {
  const manifest = JSON.parse(readFileSync(join(outDir, ".vite/manifest.json"), "utf8")) as Record<
    string,
    ManifestChunk
  >;
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry)?.[0];
  if (!entry) throw new Error("no entry in the web build's manifest");
  const gzipped = new Map<string, number>();
  const sizeOf = (file: string) => {
    if (!gzipped.has(file))
      gzipped.set(file, gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length);
    return gzipped.get(file) as number;
  };
  return ROUTES.map(([route, modules]) => {
    const files = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk) throw new Error(`${key} is not in the web build's manifest`);
      if (files.has(chunk.file)) return;
      files.add(chunk.file);
      for (const imported of chunk.imports ?? []) visit(imported);
    };
    for (const key of [entry, ...modules]) visit(key);
    const js = [...files].filter((f) => f.endsWith(".js"));
    return {
      route,
      files: js.length,
      kilobytes: Math.round(js.reduce((sum, f) => sum + sizeOf(f), 0) / 102.4) / 10,
      charts: js.some(
        (f) => /recharts|chart/i.test(f) || readFileSync(join(outDir, f), "utf8").includes("recharts"),
      ),
    };
  });
}
