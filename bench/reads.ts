import { type Timing, time } from "./stats.ts";

/**
 * The reads of the dashboards and results, as the web app asks for them: every sector view (the
 * whole sector, one region, a pair of attributes, a dairy buyer's analyst), every export, the
 * farmer's results and monitor document. Each is timed over HTTP against the running server.
 */
export interface Read {
  name: string;
  /** The view it belongs to, to set it next to its SQL floor. */
  view: string;
  path: string;
  who: "farmer" | "analyst" | "buyer";
}

export function readsOf(ids: { current: number; previous: number; farmId: number }): Read[] {
  const c = `campaign=${ids.previous}`;
  const views: [string, string][] = [
    ["trend", "/api/sector/trend"],
    ["participation", `/api/sector/participation?${c}`],
    ["adoption", `/api/sector/adoption?${c}`],
    ["distribution", `/api/sector/distribution?${c}`],
    ["breakdown", `/api/sector/breakdown?${c}&by=dairyBuyer`],
  ];
  const filters: [string, string][] = [
    ["", ""],
    [", Wallonia", "region=wallonia"],
    [", Flanders × 50–99 cows", "region=flanders&sizeClass=50_99"],
  ];
  const reads: Read[] = [
    { name: "sector overview", view: "overview", path: "/api/sector/overview", who: "analyst" },
    { name: "sector filter options", view: "options", path: "/api/sector/options", who: "analyst" },
  ];
  for (const [view, path] of views) {
    for (const [label, query] of filters) {
      // A breakdown by dairy buyer counts its own attribute: one filter more is the most allowed.
      if (view === "breakdown" && query.includes("&")) continue;
      const join = path.includes("?") ? "&" : "?";
      reads.push({
        name: `${view}${label}`,
        view,
        path: query ? `${path}${join}${query}` : path,
        who: "analyst",
      });
    }
  }
  reads.push(
    { name: "trend, dairy buyer's analyst", view: "trend", path: "/api/sector/trend", who: "buyer" },
    {
      name: "breakdown by region, dairy buyer's analyst",
      view: "breakdown",
      path: `/api/sector/breakdown?${c}&by=region`,
      who: "buyer",
    },
  );
  for (const view of ["trend", "participation", "adoption", "distribution", "breakdown"])
    reads.push({
      name: `export ${view} (csv)`,
      view,
      path: `/api/sector/export?view=${view}&${c}&format=csv`,
      who: "analyst",
    });
  reads.push(
    {
      name: "export adoption (xlsx)",
      view: "adoption",
      path: `/api/sector/export?view=adoption&${c}&format=xlsx`,
      who: "analyst",
    },
    {
      name: "farmer's results",
      view: "results",
      path: `/api/farms/${ids.farmId}/results/${ids.previous}`,
      who: "farmer",
    },
    {
      name: "farmer's monitor document",
      view: "monitor",
      path: `/api/farms/${ids.farmId}/monitor/${ids.current}`,
      who: "farmer",
    },
  );
  return reads;
}

export async function login(origin: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${origin}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
  return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

export async function timeReads(
  origin: string,
  reads: readonly Read[],
  cookies: Record<Read["who"], string>,
  warmUp: number,
  runs: number,
): Promise<(Read & { timing: Timing; bytes: number })[]> {
  const results: (Read & { timing: Timing; bytes: number })[] = [];
  for (const read of reads) {
    let bytes = 0;
    const once = async () => {
      const response = await fetch(`${origin}${read.path}`, { headers: { cookie: cookies[read.who] } });
      const body = await response.arrayBuffer();
      if (response.status !== 200)
        throw new Error(`${read.path} answered ${response.status}: ${new TextDecoder().decode(body)}`);
      bytes = body.byteLength;
    };
    results.push({ ...read, timing: await time(once, warmUp, runs), bytes });
  }
  return results;
}
