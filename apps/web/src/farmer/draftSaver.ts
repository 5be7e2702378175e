import type { SaveResult } from "@monitor/contract";
import { ApiError, api } from "../api/client.ts";

export type SaveState = "idle" | "saving" | "saved" | "offline" | "conflict" | "invalid";

export interface DraftPayload {
  data: Record<string, unknown>;
  page: number;
  carriedOver: string[];
}

interface Callbacks {
  onState(state: SaveState, savedAt?: Date): void;
  onConflict(current: {
    version: number;
    data: Record<string, unknown>;
    page: number;
    carriedOver: string[];
    status: string;
  }): void;
  onInvalid(errors: { path: string; message: string }[]): void;
}

const RETRY_DELAYS_MS = [2_000, 5_000, 10_000, 30_000];

/**
 * Saves the farmer's draft to the server as they go: debounced, one request at a time, with the
 * version it changes (If-Match) and a key that makes a retried request harmless (Idempotency-Key).
 * Offline, it keeps the answers and retries until the server has them.
 */
export class DraftSaver {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private dirty = false;
  private retries = 0;
  private attempt: { key: string; body: string } | null = null;

  constructor(
    private readonly url: string,
    private version: number,
    private readonly payload: () => DraftPayload,
    private readonly callbacks: Callbacks,
  ) {
    window.addEventListener("online", this.retryNow);
  }

  get currentVersion() {
    return this.version;
  }

  dispose() {
    clearTimeout(this.timer);
    window.removeEventListener("online", this.retryNow);
  }

  /** A change happened: save it after a short pause in typing. */
  schedule(delayMs = 800) {
    this.dirty = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), delayMs);
  }

  /** Save now what is not saved yet; resolves true once the server has everything. */
  async flush(): Promise<boolean> {
    clearTimeout(this.timer);
    while (this.inFlight) await this.inFlight;
    if (!this.dirty) return true;
    this.inFlight = this.send().finally(() => {
      this.inFlight = null;
    });
    await this.inFlight;
    return !this.dirty;
  }

  private retryNow = () => {
    if (this.dirty) void this.flush();
  };

  private async send() {
    const body = JSON.stringify(this.payload());
    if (!this.attempt || this.attempt.body !== body) this.attempt = { key: crypto.randomUUID(), body };
    this.dirty = false;
    this.callbacks.onState("saving");
    try {
      const result = await api<SaveResult>(this.url, {
        method: "PUT",
        body,
        headers: { "If-Match": `"${this.version}"`, "Idempotency-Key": this.attempt.key },
      });
      this.version = result.version;
      this.retries = 0;
      this.attempt = null;
      if (!this.dirty) this.callbacks.onState("saved", new Date(result.updatedAt));
    } catch (error) {
      this.handleFailure(error);
    }
  }

  private handleFailure(error: unknown) {
    if (error instanceof ApiError && error.status === 409 && error.body.current) {
      const current = error.body.current as Parameters<Callbacks["onConflict"]>[0];
      this.version = current.version;
      this.attempt = null;
      this.callbacks.onState("conflict");
      this.callbacks.onConflict(current);
      return;
    }
    if (error instanceof ApiError && error.status === 422) {
      this.attempt = null;
      this.callbacks.onState("invalid");
      this.callbacks.onInvalid(error.errors);
      return;
    }
    // Offline or a server hiccup: keep the answers and try again.
    this.dirty = true;
    this.callbacks.onState("offline");
    const delay = RETRY_DELAYS_MS[Math.min(this.retries, RETRY_DELAYS_MS.length - 1)];
    this.retries++;
    this.timer = setTimeout(() => void this.flush(), delay);
  }
}
