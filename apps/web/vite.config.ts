import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./build/precompress.ts";
import { serviceWorker } from "./build/serviceWorker.ts";

export default defineConfig({
  plugins: [react(), serviceWorker(), precompress()],
  server: { proxy: { "/api": "http://localhost:8787" } },
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
