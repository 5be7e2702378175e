/** A failure as the API describes it (application/problem+json). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly errors: { path: string; message: string }[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(title);
  }
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.body !== undefined && !headers.has("content-type"))
    headers.set("content-type", "application/json");
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers, credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "offline");
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get("content-type") ?? "";
  if (!response.ok) {
    if (type.includes("json")) {
      const body = (await response.json()) as {
        title?: string;
        errors?: { path: string; message: string }[];
      };
      throw new ApiError(response.status, body.title ?? response.statusText, body.errors ?? [], body);
    }
    throw new ApiError(response.status, response.statusText);
  }
  return (await response.json()) as T;
}

export const postJson = <T>(path: string, body: unknown, init: RequestInit = {}) =>
  api<T>(path, { ...init, method: "POST", body: JSON.stringify(body) });
export const patchJson = <T>(path: string, body: unknown) =>
  api<T>(path, { method: "PATCH", body: JSON.stringify(body) });
