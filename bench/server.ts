import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildServerIfStale, SERVER_BUNDLE, SERVER_NODE_ARGS } from "../scripts/serverBuild.ts";

/**
 * The API as its own process (plain node running the server bundle, as `npm start` does): requests
 * go over loopback HTTP, and its memory is read from /proc while it works.
 */
export interface RunningServer {
  origin: string;
  pid: number;
  /** Resident memory now, and the peak since the process started (VmHWM), in MB. */
  memory(): { rssMb: number; peakMb: number };
  stop(): Promise<void>;
}

export async function startServer(
  root: string,
  databaseUrl: string,
  port: number,
  dir: string,
): Promise<RunningServer> {
  const web = join(dir, "web");
  mkdirSync(web, { recursive: true });
  writeFileSync(join(web, "index.html"), "<!doctype html><title>bench</title>");
  const origin = `http://127.0.0.1:${port}`;
  await buildServerIfStale(root);
  // BENCH_NODE_ARGS: options for the server's node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...SERVER_NODE_ARGS, ...nodeArgs, SERVER_BUNDLE], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      WEB_DIST: web,
      PUBLIC_ORIGIN: origin,
      NODE_ENV: "production",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
    if (i === 599) throw new Error("the server did not start");
  }
  const pid = child.pid as number;
  const statusMb = (field: string) => {
    const match = readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`${field}:\\s+(\\d+) kB`));
    return Math.round(Number(match?.[1] ?? 0) / 1024);
  };
  return {
    origin,
    pid,
    memory: () => ({ rssMb: statusMb("VmRSS"), peakMb: statusMb("VmHWM") }),
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
