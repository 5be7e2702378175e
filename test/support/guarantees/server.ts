import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

/**
 * The API as its own operating-system process (`scripts/start.ts`, the production start), on a
 * database file of the test's, so that a test can kill it with SIGKILL and start it again.
 */
const root = fileURLToPath(new URL("../../../", import.meta.url));

const pick = (env: NodeJS.ProcessEnv, names: string[]) =>
  Object.fromEntries(names.flatMap((name) => (env[name] === undefined ? [] : [[name, env[name]]])));

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  port: number;
  /** `http://localhost:<port>`: the base URL, and the `Origin` every write sends. */
  origin: string;
  child: ChildProcess;
  /** Kills the process with SIGKILL (no shutdown handler runs) and waits until it is gone. */
  kill(): Promise<void>;
  /** The end of the process's output, for a failure message. */
  logTail(): string;
}

export interface ServerOptions {
  databaseUrl: string;
  /** A folder with an `index.html`: the web app is not built for these tests. */
  webDist: string;
  /** Where the process writes its output (appended across restarts). */
  logFile: string;
  port: number;
  /** Extra arguments to scripts/start.ts (`--demo`). */
  args?: string[];
  env?: Record<string, string>;
}

/**
 * Starts `node --import tsx scripts/start.ts` (one process: the `tsx` command would run the server
 * in a child of its own, out of reach of a SIGKILL) and waits until /api/health answers 200.
 */
export async function startServerProcess(options: ServerOptions, timeoutMs = 30_000): Promise<ServerProcess> {
  const origin = `http://localhost:${options.port}`;
  const log = openSync(options.logFile, "a");
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", ...(options.args ?? [])], {
    cwd: root,
    // Only what the server needs: no configuration of the developer's shell leaks in.
    env: {
      ...pick(process.env, ["PATH", "HOME", "TMPDIR", "TMP", "TEMP", "LANG", "SYSTEMROOT"]),
      PORT: String(options.port),
      HOST: "127.0.0.1",
      DATABASE_URL: options.databaseUrl,
      WEB_DIST: options.webDist,
      PUBLIC_ORIGIN: origin,
      DEMO_FARMS: "20",
      ...options.env,
    },
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  // Should the test process end first (a crash, an interrupted run), the server goes with it.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      process.off("exit", killOnExit);
      resolve();
    }),
  );
  const logTail = () =>
    existsSync(options.logFile) ? readFileSync(options.logFile, "utf8").slice(-4000) : "(no output)";
  const server: ServerProcess = {
    port: options.port,
    origin,
    child,
    logTail,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(
        `the server exited (${child.exitCode ?? child.signalCode}) before answering:\n${logTail()}`,
      );
    const healthy = await fetch(`${origin}/api/health`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (healthy) return server;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await server.kill();
  throw new Error(`the server did not answer /api/health within ${timeoutMs} ms:\n${logTail()}`);
}

/** A minimal client of a server process: a session cookie and the `Origin` on every write. */
export class HttpClient {
  constructor(
    readonly origin: string,
    public cookie = "",
  ) {}

  request(method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== "GET") headers.origin = this.origin;
    if (init.body !== undefined) headers["content-type"] = "application/json";
    return fetch(`${this.origin}${path}`, {
      method,
      headers,
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  }

  async login(email: string, password: string): Promise<void> {
    const response = await this.request("POST", "/api/auth/login", { body: { email, password } });
    if (response.status !== 200)
      throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
    this.cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  }
}
