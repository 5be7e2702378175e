import type { ResponseState } from "@monitor/contract";
import { sameAnswer } from "@monitor/domain";
import type { DraftPayload } from "./draftSaver.ts";

/** What the device keeps of a monitor until the server has it. */
export interface LocalDraft extends DraftPayload {
  /** The server version these answers started from (the base the server merges against). */
  version: number;
  /** Changes the server has not acknowledged yet. */
  unsent: boolean;
  /** The answers of a save that was on its way when this copy was written. */
  sending?: Record<string, unknown>;
  /** Pages the farmer has opened, for the progress bar. */
  visited: number[];
  keptAt: string;
}

/**
 * Whether the device's copy is ahead of the server's as the page received it: unsent changes, or
 * a later acknowledged version than an answer the service worker kept from an earlier visit.
 */
export const isAhead = (draft: LocalDraft | undefined, serverVersion: number): draft is LocalDraft =>
  draft !== undefined && (draft.unsent || draft.version > serverVersion);

/**
 * The device's copy as the start of the next save: when the save that was on its way as the page
 * was left did arrive (the server is one version further, with exactly those answers), the answers
 * typed after it build on that version instead of meeting it as a change from another device.
 */
export function settledWith(draft: LocalDraft | undefined, server: ResponseState): LocalDraft | undefined {
  if (!draft?.sending || server.version !== draft.version + 1) return draft;
  return sameAnswer(server.data, draft.sending) ? { ...draft, version: server.version } : draft;
}

/** The device's copy of a draft; `write` resolves false when the device cannot keep it. */
export interface DraftStore {
  read(): Promise<LocalDraft | undefined>;
  write(draft: LocalDraft): Promise<boolean>;
  remove(): Promise<void>;
}

const DB_NAME = "monitor-drafts";
const STORE = "drafts";

let opening: Promise<IDBDatabase> | null = null;

function database(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  opening.catch(() => {
    opening = null;
  });
  return opening;
}

function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return database().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const transaction = db.transaction(STORE, mode);
        const request = work(transaction.objectStore(STORE));
        transaction.oncomplete = () => resolve(request.result);
        transaction.onerror = () => reject(transaction.error);
        transaction.onabort = () => reject(transaction.error);
      }),
  );
}

/** The draft of one farm's monitor in one campaign, in this browser's IndexedDB. */
export function indexedDbDraftStore(farmId: number, campaignId: number): DraftStore {
  const key = `${farmId}/${campaignId}`;
  return {
    read: () =>
      run("readonly", (s) => s.get(key) as IDBRequest<LocalDraft | undefined>).catch(() => undefined),
    write: (draft) =>
      run("readwrite", (s) => s.put(draft, key)).then(
        () => true,
        () => false,
      ),
    remove: () =>
      run("readwrite", (s) => s.delete(key)).then(
        () => undefined,
        () => undefined,
      ),
  };
}
