import type { DemoBook } from "./book";

/*
 * The demo keeps the workbook it shows, changes included, in the browser's IndexedDB
 * (not localStorage, whose ~5 MB of text a few thousand SKUs outgrow): one record,
 * replaced after every change, read back when the page loads. Its limit is the
 * browser's storage quota for the page (in Chromium a share of the free disk space).
 */

const DB = "planster-demo";
/**
 * Set while a workbook is kept: a page load that finds it unset shows the sample at once.
 * Opening IndexedDB to find out takes tens of milliseconds, more in a new browser profile,
 * which creates the database first.
 */
const FLAG = "planster-demo-kept";
const STORE = "workbook";
const KEY = "current";

function database(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("IndexedDB cannot be opened"));
  });
}

async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await database();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = act(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onabort = tx.onerror = () => reject(tx.error ?? request.error ?? new Error("IndexedDB refused the change"));
    });
  } finally {
    db.close();
  }
}

export interface Kept extends DemoBook {
  savedAt: string;
}

/** Whether a workbook may be kept (unknown, when the browser refuses its local storage, counts as yes). */
export function mayBeKept(): boolean {
  try {
    return localStorage.getItem(FLAG) !== null;
  } catch {
    return true;
  }
}

function flag(kept: boolean): void {
  try {
    if (kept) localStorage.setItem(FLAG, "1");
    else localStorage.removeItem(FLAG);
  } catch {
    // Without local storage every load looks in IndexedDB (mayBeKept).
  }
}

/** The workbook kept by an earlier visit, if any. */
export async function keptBook(): Promise<Kept | undefined> {
  const kept = (await run("readonly", (store) => store.get(KEY))) as Kept | undefined;
  // Kept before the flag was: the next load need not look again to find it.
  if (kept) flag(true);
  return kept;
}

export async function keepBook(book: DemoBook): Promise<void> {
  await run("readwrite", (store) => store.put({ ...book, savedAt: new Date().toISOString() } satisfies Kept, KEY));
  flag(true);
}

export async function forgetBook(): Promise<void> {
  await run("readwrite", (store) => store.delete(KEY));
  flag(false);
}
