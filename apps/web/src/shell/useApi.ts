import { useCallback, useEffect, useState } from "react";
import { ApiError, api } from "../api/client.ts";

interface Shared {
  promise: Promise<unknown>;
  settled: boolean;
  data?: unknown;
  /** Started by `preload` before any component asked: its answer serves every one for a while. */
  preloaded: boolean;
  at: number;
}

/**
 * GETs under way, shared by every component that asks for the same path meanwhile (one request for
 * the catalogue, however many sections label with it). An answer is not served again after it
 * arrived, so a page opened after a change loads fresh; only a preloaded one serves the page that
 * it was preloaded for, for a few seconds.
 */
const shared = new Map<string, Shared>();
const PRELOAD_KEPT_MS = 5_000;

const serves = (entry: Shared | undefined): entry is Shared =>
  entry !== undefined && (!entry.settled || (entry.preloaded && Date.now() - entry.at < PRELOAD_KEPT_MS));

function request(path: string, preloaded: boolean): Shared {
  const known = shared.get(path);
  if (serves(known)) return known;
  const entry: Shared = { promise: api(path), settled: false, preloaded, at: Date.now() };
  shared.set(path, entry);
  entry.promise.then(
    (data) => {
      entry.data = data;
      entry.settled = true;
      if (!preloaded) drop(path, entry);
    },
    () => drop(path, entry),
  );
  return entry;
}

function drop(path: string, entry: Shared) {
  if (shared.get(path) === entry) shared.delete(path);
}

/** Starts a GET that a page about to render will ask for, so it does not wait for the render. */
export function preload<T>(path: string): Promise<T> {
  return request(path, true).promise as Promise<T>;
}

/** A preloaded answer that has already arrived, to render with at once. */
function arrived<T>(path: string | null): T | null {
  const entry = path === null ? undefined : shared.get(path);
  return serves(entry) && entry.settled ? (entry.data as T) : null;
}

/** Loads a GET endpoint; reloads when the path changes. */
export function useApi<T>(path: string | null) {
  const [data, setData] = useState<T | null>(() => arrived<T>(path));
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(path !== null && data === null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (path === null) return;
    let current = true;
    // a retry asks the API again instead of joining a request under way
    if (attempt > 0) shared.delete(path);
    const entry = request(path, false);
    setLoading(!entry.settled);
    setError(null);
    (entry.promise as Promise<T>)
      .then((result) => current && setData(result))
      .catch((e: unknown) => current && setError(e instanceof ApiError ? e : new ApiError(0, String(e))))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [path, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, loading, reload };
}
