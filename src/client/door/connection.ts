import { ApiError, NetworkError } from "./api";
import { words } from "./words";

/** After a request found no connection, scans are decided on the phone for this long. */
const RETRY_AFTER_MS = 20_000;

/**
 * Whether the server can be reached: the browser's online flag, corrected by what the last
 * request found (Wi-Fi that is "connected" but carries nothing is offline too), and why the
 * server refused us, if it did.
 */
export class Connection {
  problem: string | null = null;
  private reachable = true;
  private failedAt = 0;

  constructor(private changed: () => void) {}

  get online(): boolean {
    return navigator.onLine && this.reachable;
  }

  /** Ask the server? Yes when online; after a failure, again once RETRY_AFTER_MS has passed. */
  shouldTryServer(): boolean {
    return navigator.onLine && (this.reachable || Date.now() - this.failedAt > RETRY_AFTER_MS);
  }

  /** Every request's fate: true = the server answered, false = no connection. */
  reached(ok: boolean): void {
    const was = this.problem;
    if (ok) this.problem = null;
    if (ok === this.reachable && was === this.problem) return;
    this.reachable = ok;
    if (!ok) this.failedAt = Date.now();
    this.changed();
  }

  /** The server refused us: signed out (401), or not allowed or a stale page (403). */
  refused(err: ApiError): void {
    this.problem = err.status === 401 ? words().signedOut : err.message;
    this.changed();
  }

  /** Sorts out a failed background request (a list, counts or search). */
  failed(err: unknown): void {
    if (err instanceof ApiError && (err.status === 401 || err.status === 403)) this.refused(err);
    else if (err instanceof NetworkError || err instanceof ApiError) this.reached(false);
    else throw err;
  }
}
