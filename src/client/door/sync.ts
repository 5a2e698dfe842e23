import type { DoorApi } from "./api";
import type { CheckInFlow } from "./checkin-flow";
import type { Connection } from "./connection";
import type { DoorBook } from "./door-book";
import type { StatusView } from "./status-view";
import { storage } from "./storage";

const LIST_EVERY_MS = 30_000;
const STATS_EVERY_MS = 10_000;
const FLUSH_EVERY_MS = 15_000;
const TICK_MS = 5_000;

type SyncDeps = { slug: string; app: HTMLElement; api: DoorApi; book: DoorBook; flow: CheckInFlow; connection: Connection; status: StatusView };

/**
 * Keeps the phone and the server in step while the scanner is open: queued scans sent
 * (every 15 s, and at once when the connection returns), the door list fetched again every
 * 30 s (so cancellations arrive), counts every 10 s; from the phone's own list when offline.
 */
export class Sync {
  syncedAt: string | null = null;
  pending = 0;
  private last = { list: 0, stats: 0, flush: 0 };

  constructor(private deps: SyncDeps) {}

  /** Starts from the list kept on this phone, then the server's; keeps going on a timer. */
  async start(): Promise<void> {
    const { book, flow, slug } = this.deps;
    const stored = await storage.loadList(slug).catch(() => undefined);
    if (stored) {
      await book.use(stored.list, await flow.pending());
      this.syncedAt = stored.syncedAt;
    }
    await this.countPending();
    this.showLocalCounts();
    window.addEventListener("online", () => void this.all());
    window.addEventListener("offline", () => {
      this.render();
      this.showLocalCounts();
    });
    document.addEventListener("visibilitychange", () => {
      if (!document.hidden) this.tick();
    });
    await this.all();
    window.setInterval(() => this.tick(), TICK_MS);
  }

  render(): void {
    const { connection, status, app } = this.deps;
    status.showConnection({ online: connection.online, syncedAt: this.syncedAt, pending: this.pending, problem: connection.problem });
    app.dataset.pending = String(this.pending);
  }

  /** Keeps the list as it stands on this phone (after every admit, undo or sync). */
  async save(): Promise<void> {
    const list = this.deps.book.snapshot();
    if (list) await storage.saveList({ slug: this.deps.slug, list, syncedAt: this.syncedAt ?? list.generatedAt }).catch(() => undefined);
  }

  async countPending(): Promise<void> {
    this.pending = (await this.deps.flow.pending().catch(() => [])).length;
    this.render();
  }

  showLocalCounts(): void {
    this.deps.status.showCounts(this.deps.book.counts(), "phone");
  }

  /** After a scan or undo: the server's counts when online, else the phone's. */
  afterChange(): void {
    void this.countPending();
    if (this.deps.connection.online) void this.refreshStats();
    else this.showLocalCounts();
  }

  async refreshList(): Promise<void> {
    const { api, book, flow, connection } = this.deps;
    this.last.list = Date.now();
    const from = performance.now();
    try {
      const list = await api.doorList();
      connection.reached(true);
      await book.use(list, await flow.pending(), from);
      this.syncedAt = new Date().toISOString();
      await this.save();
    } catch (err) {
      connection.failed(err);
    }
    this.render();
  }

  async refreshStats(): Promise<void> {
    const { api, connection, status } = this.deps;
    this.last.stats = Date.now();
    if (!connection.online) return this.showLocalCounts();
    try {
      status.showCounts(await api.stats(), "server");
      connection.reached(true);
    } catch (err) {
      connection.failed(err);
      this.showLocalCounts();
    }
  }

  async flush(): Promise<void> {
    this.last.flush = Date.now();
    this.deps.status.addProblems(await this.deps.flow.flush().catch(() => []));
    await this.countPending();
  }

  /** Everything, in order: queued scans first, so the list that follows includes them. */
  async all(): Promise<void> {
    if (!navigator.onLine) return;
    await this.flush();
    await this.refreshList();
    await this.refreshStats();
  }

  private tick(): void {
    const now = Date.now();
    this.render();
    if (!navigator.onLine) return this.showLocalCounts();
    if (this.pending && now - this.last.flush >= FLUSH_EVERY_MS) void this.flush();
    if (now - this.last.list >= LIST_EVERY_MS) void this.refreshList();
    if (now - this.last.stats >= STATS_EVERY_MS) void this.refreshStats();
  }
}
