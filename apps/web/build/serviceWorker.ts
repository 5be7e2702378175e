import { readFileSync } from "node:fs";
import type { Plugin, Rollup } from "vite";

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

/** Chunks a farmer's device does not need offline: the other audiences', and the results' charts. */
const NOT_OFFLINE = /\/src\/((sector|admin|jury|auditor)\/|farmer\/ResultsPage)/;

/** Files of public/ the app shell shows or names. */
const OFFLINE_FILES = ["/favicon.svg", "/icons/icon-192.png", "/manifest/nl.webmanifest"];

/** The files a farmer needs offline: the entry, and every chunk it imports, except those. */
function farmerFiles(bundle: OutputBundle): string[] {
  const chunks = Object.values(bundle).filter((f): f is OutputChunk => f.type === "chunk");
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const needed = new Set<string>();
  const visit = (chunk: OutputChunk | undefined) => {
    if (!chunk || needed.has(chunk.fileName)) return;
    if (chunk.facadeModuleId && NOT_OFFLINE.test(chunk.facadeModuleId)) return;
    needed.add(chunk.fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) needed.add(css);
    for (const name of [...chunk.imports, ...chunk.dynamicImports]) visit(byName.get(name));
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk);
  return [...needed].sort().map((file) => `/${file}`);
}

/**
 * Emits /sw.js from sw/sw.js with this build's version and the files to keep for offline use
 * (hand-written rather than Workbox: a few rules, and no generated code to audit).
 */
export function serviceWorker(): Plugin {
  return {
    name: "monitor-service-worker",
    apply: "build",
    // Last, once Vite has dropped the chunks that only carried CSS: every listed file exists.
    generateBundle: {
      order: "post",
      handler(_options, bundle) {
        const files = farmerFiles(bundle as OutputBundle).filter((file) => file.slice(1) in bundle);
        const source = readFileSync(new URL("../sw/sw.js", import.meta.url), "utf8")
          .replace(
            "__VERSION__",
            JSON.stringify(files.join("|").length.toString(36) + Date.now().toString(36)),
          )
          .replace("__PRECACHE__", JSON.stringify([...OFFLINE_FILES, ...files]));
        this.emitFile({ type: "asset", fileName: "sw.js", source });
      },
    },
  };
}
