import { summarise, type Timing } from "./stats.ts";

/**
 * The deadline rush against the running server: farmers saving their monitor (autosave, with
 * If-Match and Idempotency-Key as the web app sends them) and submitting it (the full server-side
 * check, derivation of the initiatives and the counters, in one batch).
 */
export interface Farmer {
  farmId: number;
  cookie: string;
  /** The version of the farmer's monitor in the autosave campaign, as last answered. */
  version: number;
}

/** The version of a farm's monitor in a campaign, from its monitor document (not timed). */
export async function monitorVersion(origin: string, farmer: Farmer, campaign: number): Promise<number> {
  const doc = await fetch(`${origin}/api/farms/${farmer.farmId}/monitor/${campaign}`, {
    headers: { cookie: farmer.cookie },
  });
  if (!doc.ok) throw new Error(`the monitor document answered ${doc.status}`);
  return ((await doc.json()) as { response?: { version?: number } }).response?.version ?? 0;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  errors: Record<string, number>;
  latency: Timing;
}

async function put(
  origin: string,
  farmer: Farmer,
  campaign: number,
  version: number,
  data: unknown,
  key: string,
) {
  const response = await fetch(`${origin}/api/farms/${farmer.farmId}/monitor/${campaign}`, {
    method: "PUT",
    headers: {
      "content-type": "application/json",
      cookie: farmer.cookie,
      origin,
      "if-match": `"${version}"`,
      "idempotency-key": key,
    },
    body: JSON.stringify({ data }),
  });
  const body = (await response.json()) as { version?: number; current?: { version: number } };
  return { status: response.status, version: body.version ?? body.current?.version ?? version };
}

function result(samples: { ms: number; status: number }[], seconds: number): LoadResult {
  const ok = samples.filter((s) => s.status === 200);
  const errors: Record<string, number> = {};
  for (const s of samples)
    if (s.status !== 200)
      errors[String(s.status || "network")] = (errors[String(s.status || "network")] ?? 0) + 1;
  return {
    requests: ok.length,
    seconds: Math.round(seconds * 10) / 10,
    perSecond: Math.round(ok.length / seconds),
    errors,
    latency: summarise(ok.map((s) => s.ms)),
  };
}

/**
 * Autosave: every farmer saves a small change on a fixed schedule so that together they offer
 * `rate` saves per second (open loop: a slow server does not slow the offered load down; a farmer
 * whose previous save has not come back skips its turn, as the web app does). `rate` 0 saves as
 * fast as the server answers (closed loop), for the most it can take.
 */
export async function autosave(
  origin: string,
  farmers: Farmer[],
  campaign: number,
  rate: number,
  seconds: number,
): Promise<LoadResult> {
  const samples: { ms: number; status: number }[] = [];
  const started = performance.now();
  const until = started + seconds * 1000;
  const interval = rate > 0 ? (farmers.length / rate) * 1000 : 0;
  await Promise.all(
    farmers.map(async (farmer, i) => {
      let n = 0;
      if (interval) await new Promise((r) => setTimeout(r, (i / farmers.length) * interval));
      let next = performance.now();
      while (performance.now() < until) {
        n++;
        const begun = performance.now();
        let status = 0;
        try {
          const saved = await put(
            origin,
            farmer,
            campaign,
            farmer.version,
            { dairy_cows: 40 + (n % 900), grazing: n % 2 === 0 },
            `bench-${farmer.farmId}-${rate}-${n}`,
          );
          status = saved.status;
          farmer.version = saved.version;
        } catch {
          status = 0;
        }
        samples.push({ ms: performance.now() - begun, status });
        if (interval) {
          next += interval;
          const now = performance.now();
          if (next < now) next = now + (interval - ((now - next) % interval));
          await new Promise((r) => setTimeout(r, next - now));
        }
      }
    }),
  );
  return result(samples, (performance.now() - started) / 1000);
}

/**
 * Submissions: each farmer saves a complete answer set (not timed) in each campaign, then all
 * submit, `concurrency` at a time; throughput is submissions per second of the timed part.
 */
export async function submissions(
  origin: string,
  farmers: Farmer[],
  campaigns: number[],
  answers: Record<string, unknown>,
  concurrency: number,
): Promise<LoadResult> {
  const jobs: [Farmer, number][] = [];
  for (const campaign of campaigns) {
    for (const farmer of farmers) {
      const version = await monitorVersion(origin, farmer, campaign);
      const saved = await put(
        origin,
        farmer,
        campaign,
        version,
        answers,
        `bench-complete-${farmer.farmId}-${campaign}`,
      );
      if (saved.status !== 200) throw new Error(`saving a complete monitor answered ${saved.status}`);
      jobs.push([farmer, campaign]);
    }
  }
  const samples: { ms: number; status: number }[] = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) {
        const [farmer, campaign] = jobs[next++] as [Farmer, number];
        const begun = performance.now();
        const response = await fetch(`${origin}/api/farms/${farmer.farmId}/monitor/${campaign}/submit`, {
          method: "POST",
          headers: { cookie: farmer.cookie, origin },
        });
        await response.arrayBuffer();
        samples.push({ ms: performance.now() - begun, status: response.status });
      }
    }),
  );
  return result(samples, (performance.now() - started) / 1000);
}

/**
 * The HTTP ceiling: the health check (one `SELECT 1`, no session) requested by `clients` clients as
 * fast as answered. No save can be served faster than this on the same machine.
 */
export async function healthCeiling(origin: string, clients: number, seconds: number): Promise<LoadResult> {
  const samples: { ms: number; status: number }[] = [];
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const begun = performance.now();
        const response = await fetch(`${origin}/api/health`);
        await response.arrayBuffer();
        samples.push({ ms: performance.now() - begun, status: response.status });
      }
    }),
  );
  return result(samples, (performance.now() - started) / 1000);
}
