import type { DoorList, QueuedScan } from "./types";

/** One event's ticket list as last synced, with this phone's own admits applied. */
export type StoredList = { slug: string; list: DoorList; syncedAt: string };

const DB_NAME = "door-scanner";
const LISTS = "lists";
const QUEUE = "queue";

let opening: Promise<IDBDatabase | null> | undefined;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function open(): Promise<IDBDatabase | null> {
  opening ??= new Promise((resolve) => {
    try {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => {
        req.result.createObjectStore(LISTS, { keyPath: "slug" });
        req.result.createObjectStore(QUEUE, { keyPath: "nonce" });
      };
      req.onsuccess = () => resolve(req.result);
      // Private browsing on some phones: carry on with memory only.
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return opening;
}

/** Set on signing out: nothing more is written, even by a sync that was already under way. */
let closed = false;

const memory = { lists: new Map<string, StoredList>(), queue: new Map<string, QueuedScan>() };

async function store(name: typeof LISTS | typeof QUEUE, mode: IDBTransactionMode) {
  const db = await open();
  return db ? db.transaction(name, mode).objectStore(name) : null;
}

/**
 * The scanner's offline memory in IndexedDB: each event's door list, and the queue of admits
 * made without a connection (kept until the server has answered them). Falls back to memory
 * when the browser refuses storage.
 */
export const storage = {
  async loadList(slug: string): Promise<StoredList | undefined> {
    const s = await store(LISTS, "readonly");
    return s ? request<StoredList | undefined>(s.get(slug)) : memory.lists.get(slug);
  },
  async saveList(entry: StoredList): Promise<void> {
    if (closed) return;
    const s = await store(LISTS, "readwrite");
    if (s) await request(s.put(entry));
    else memory.lists.set(entry.slug, entry);
  },
  /** The event's queued scans, oldest first. */
  async queued(slug: string): Promise<QueuedScan[]> {
    const s = await store(QUEUE, "readonly");
    const all = s ? await request<QueuedScan[]>(s.getAll()) : [...memory.queue.values()];
    return all.filter((q) => q.event === slug).sort((a, b) => a.scannedAt.localeCompare(b.scannedAt));
  },
  /** Queued scans for every event: what signing out would lose. */
  async countAll(): Promise<number> {
    const s = await store(QUEUE, "readonly");
    return s ? request(s.count()) : memory.queue.size;
  },
  async enqueue(item: QueuedScan): Promise<void> {
    if (closed) return;
    const s = await store(QUEUE, "readwrite");
    if (s) await request(s.put(item));
    else memory.queue.set(item.nonce, item);
  },
  /** Removes a queued scan; true when it was still there. */
  async dequeue(nonce: string): Promise<boolean> {
    const s = await store(QUEUE, "readwrite");
    if (!s) return memory.queue.delete(nonce);
    // Count and delete in one transaction, with no await between them to let it close.
    return new Promise((resolve, reject) => {
      const counting = s.count(nonce);
      counting.onerror = () => reject(counting.error);
      counting.onsuccess = () => {
        if (!counting.result) return resolve(false);
        const deleting = s.delete(nonce);
        deleting.onsuccess = () => resolve(true);
        deleting.onerror = () => reject(deleting.error);
      };
    });
  },
  /** Everything, for signing out (the list holds attendees' names); nothing is written afterwards. */
  async clearAll(): Promise<void> {
    closed = true;
    memory.lists.clear();
    memory.queue.clear();
    const db = await open();
    if (!db) return;
    const tx = db.transaction([LISTS, QUEUE], "readwrite");
    tx.objectStore(LISTS).clear();
    tx.objectStore(QUEUE).clear();
    await new Promise<void>((resolve) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => resolve();
    });
  },
};
