import type { AnswerConflictDocument, ResponseState, SaveResult } from "@monitor/contract";
import { ApiError, api } from "../api/client.ts";
import type { DraftStore } from "./localDrafts.ts";

export type SaveState = "idle" | "kept" | "saving" | "saved" | "offline" | "unkept" | "conflict" | "invalid";

export interface DraftPayload {
  data: Record<string, unknown>;
  page: number;
  carriedOver: string[];
}

export interface MergedAnswers {
  data: Record<string, unknown>;
  carriedOver: string[];
}

export interface SaverCallbacks {
  onState(state: SaveState, savedAt?: Date): void;
  /**
   * The server merged this device's changes (`sent`) with changes saved elsewhere: show the
   * result, keeping what the farmer changed since.
   */
  onMerged(merged: MergedAnswers, sent: Record<string, unknown>): void;
  /** The same questions were changed elsewhere: show `merged` and let the farmer choose per question. */
  onConflict(conflicts: AnswerConflictDocument[], merged: MergedAnswers): void;
  /** The monitor was submitted (elsewhere): nothing more can be saved. */
  onClosed(current: ResponseState | null): void;
  onInvalid(errors: { path: string; message: string }[]): void;
}

const RETRY_DELAYS_MS = [2_000, 5_000, 10_000, 30_000];

/**
 * Local first: every change is kept on the device (IndexedDB) at once, then sent to the server,
 * debounced, one request at a time, with the version it started from (If-Match), asking the
 * server to merge per question with what was saved elsewhere meanwhile, and with a key that makes
 * a retried request harmless (Idempotency-Key). "Saved" means the server acknowledged the current
 * answers. Offline it retries; when the page is left it sends what is pending with `keepalive`.
 */
export class DraftSaver {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private unsent = false;
  private kept = true;
  private retries = 0;
  private attempt: { key: string; body: string } | null = null;
  /** The answers of the save on its way, kept with the device's copy until the server answers. */
  private sending: Record<string, unknown> | null = null;
  private closed = false;

  constructor(
    private readonly url: string,
    private version: number,
    private readonly payload: () => DraftPayload,
    private readonly store: DraftStore,
    private readonly visited: () => number[],
    private readonly callbacks: SaverCallbacks,
  ) {
    window.addEventListener("online", this.retryNow);
  }

  get currentVersion() {
    return this.version;
  }

  /** Whether there are changes the server has not acknowledged yet. */
  get hasUnsent() {
    return this.unsent;
  }

  /** Whether leaving now would lose changes: not acknowledged, and the device could not keep them. */
  get wouldLose() {
    return this.unsent && !this.kept;
  }

  dispose() {
    clearTimeout(this.timer);
    window.removeEventListener("online", this.retryNow);
  }

  /** A change happened: keep it on the device now, send it after a short pause in typing. */
  schedule(delayMs = 800) {
    if (this.closed) return;
    this.unsent = true;
    void this.keep();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), delayMs);
  }

  /** Send now what the server does not have yet; resolves true once it has everything. */
  async flush(): Promise<boolean> {
    clearTimeout(this.timer);
    while (this.inFlight) await this.inFlight;
    if (!this.unsent || this.closed) return !this.unsent;
    this.inFlight = this.send().finally(() => {
      this.inFlight = null;
    });
    await this.inFlight;
    return !this.unsent;
  }

  /**
   * The page is being left (closed, reloaded, hidden, or another page of the app): send what is
   * pending in a request that outlives the page. Its answer is not awaited: the device keeps the
   * answers, so the next load sends them again if this one did not arrive (the server merges).
   */
  sendOnExit() {
    if (!this.unsent || this.closed) return;
    const body = this.body();
    // With a save on its way, these answers come after it: if it arrives they build on its
    // version; if it does not, this one is refused as ahead and the next load sends them again.
    const version = this.sending ? this.version + 1 : this.version;
    try {
      void fetch(this.url, {
        method: "PUT",
        keepalive: true,
        credentials: "same-origin",
        headers: {
          "content-type": "application/json",
          "If-Match": `"${version}"`,
          "Idempotency-Key": this.keyFor(body),
        },
        body,
      }).catch(() => undefined);
    } catch {
      // A body too large for keepalive: the device keeps the answers for the next load.
    }
  }

  private retryNow = () => {
    if (this.unsent) void this.flush();
  };

  private body() {
    return JSON.stringify({ ...this.payload(), merge: true });
  }

  private keyFor(body: string) {
    if (!this.attempt || this.attempt.body !== body) this.attempt = { key: crypto.randomUUID(), body };
    return this.attempt.key;
  }

  private async keep() {
    this.kept = await this.store.write({
      ...this.payload(),
      version: this.version,
      unsent: this.unsent,
      ...(this.sending ? { sending: this.sending } : {}),
      visited: this.visited(),
      keptAt: new Date().toISOString(),
    });
    if (this.unsent && !this.inFlight) this.callbacks.onState(this.kept ? "kept" : "unkept");
  }

  private async send() {
    const body = this.body();
    const key = this.keyFor(body);
    this.unsent = false;
    this.sending = (JSON.parse(body) as DraftPayload).data;
    this.callbacks.onState("saving");
    try {
      const result = await api<SaveResult>(this.url, {
        method: "PUT",
        body,
        headers: { "If-Match": `"${this.version}"`, "Idempotency-Key": key },
      });
      this.version = result.version;
      this.retries = 0;
      this.attempt = null;
      this.sending = null;
      if (result.merged) this.callbacks.onMerged(result.merged, JSON.parse(body).data);
      await this.keep();
      if (!this.unsent) this.callbacks.onState("saved", new Date(result.updatedAt));
    } catch (error) {
      this.sending = null;
      await this.handleFailure(error);
    }
  }

  private async handleFailure(error: unknown) {
    if (error instanceof ApiError && error.status === 409) {
      const current = (error.body.current ?? null) as ResponseState | null;
      const conflicts = error.body.conflicts as AnswerConflictDocument[] | undefined;
      const merged = error.body.merged as MergedAnswers | undefined;
      this.attempt = null;
      if (current && current.status === "draft" && conflicts && merged) {
        // From here on the answers start from the stored version; the farmer's choices follow.
        this.version = current.version;
        this.callbacks.onConflict(conflicts, merged);
        this.unsent = true;
        await this.keep();
        this.callbacks.onState("conflict");
        return;
      }
      this.closed = true;
      await this.store.remove();
      this.callbacks.onClosed(current);
      return;
    }
    if (error instanceof ApiError && error.status === 422) {
      this.attempt = null;
      this.callbacks.onState("invalid");
      this.callbacks.onInvalid(error.errors);
      return;
    }
    // Offline or a server hiccup: the device keeps the answers; try again.
    this.unsent = true;
    this.callbacks.onState(this.kept ? "offline" : "unkept");
    const delay = RETRY_DELAYS_MS[Math.min(this.retries, RETRY_DELAYS_MS.length - 1)];
    this.retries++;
    this.timer = setTimeout(() => void this.flush(), delay);
  }
}
