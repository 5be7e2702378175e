import { useCallback, useEffect, useState } from "react";
import { ApiError, api } from "../api/client.ts";

/** Loads a GET endpoint; reloads when the path changes. */
export function useApi<T>(path: string | null) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt forces a reload
  useEffect(() => {
    if (path === null) return;
    let current = true;
    setLoading(true);
    setError(null);
    api<T>(path)
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
