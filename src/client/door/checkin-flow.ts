import { normaliseTypedCode } from "@/domain/tickets/code-format";
import { formatShortCode, parseShortCode } from "@/domain/tickets/short-code";
import { ApiError, NetworkError, type DoorApi } from "./api";
import type { DoorBook } from "./door-book";
import { storage } from "./storage";
import type { CheckInOutcome, QueuedScan, ScanTiming, SearchHit, Verdict } from "./types";
import { fill, refusalText, timeText, words } from "./words";

export type FlowDeps = {
  slug: string;
  api: DoorApi;
  book: DoorBook;
  device: () => string;
  /** Whether to ask the server at all (the browser is online and it answered lately). */
  shouldTryServer: () => boolean;
  /** Every request's fate: true = the server answered, false = no connection. */
  reached: (ok: boolean) => void;
  /** The server refused us (signed out, or the page's CSRF token is stale). */
  refused: (error: ApiError) => void;
  /** The list changed here (admit, undo, the server's word): keep it. */
  changed: () => void;
  timed: (timing: ScanTiming) => void;
};

export type LastAdmit = { ticketId: string; name: string; nonce: string };

const newNonce = () => crypto.randomUUID();

const serverVerdict = (outcome: CheckInOutcome): Verdict => ({ result: outcome.result, ...(outcome.reason ? { reason: outcome.reason } : {}), ...(outcome.ticket ? { ticket: outcome.ticket } : {}), local: false });

/** Refusals that the signature alone settles: the server could only agree. */
const settledHere = (v: Verdict) => v.result === "wrong_event" || (v.result === "invalid" && (v.reason === "malformed" || v.reason === "bad_signature"));

/**
 * One scan, start to verdict. The code is checked on the phone first (signature, list,
 * duplicates); then, when there is a connection, the server decides (it is the authority).
 * When it cannot be reached the phone's verdict stands and an admit is queued, to be sent
 * with the same nonce later, so a request that did arrive is not counted twice.
 */
export class CheckInFlow {
  lastAdmit: LastAdmit | null = null;
  private flushing: Promise<string[]> | null = null;

  constructor(private deps: FlowDeps) {}

  /**
   * A scanned or typed code. Null when there was nothing to check. Any scan ends the chance to
   * undo the admit before it: "Undo" only ever means the verdict on screen.
   */
  async scanCode(raw: string): Promise<Verdict | null> {
    const short = parseShortCode(raw);
    if (short) return this.typedShortCode(raw, formatShortCode(short.reference, short.number));
    const code = normaliseTypedCode(raw);
    if (!code) return null;
    this.lastAdmit = null;
    const { verdict: local, timing } = await this.deps.book.judgeCode(code);
    this.deps.timed(timing);
    if (settledHere(local)) {
      // Still logged on the server when it is there, for the organisers' records.
      if (this.deps.shouldTryServer()) this.deps.api.checkIn({ code, nonce: newNonce(), device: this.deps.device() }).catch(() => undefined);
      return local;
    }
    return this.decide(local, { code });
  }

  /**
   * A short code typed by door staff: the listed ticket it names is judged like a search hit;
   * one not on this phone's list (sold since the last sync) only the server can find.
   */
  private async typedShortCode(raw: string, code: string): Promise<Verdict> {
    const ticketId = this.deps.book.ticketIdOfShortCode(raw);
    if (ticketId) return this.decide(this.deps.book.judgeTicket(ticketId), { ticketId });
    return this.decide({ result: "invalid", reason: "unknown_ticket", local: true }, { code });
  }

  /** Admit a ticket found by search. */
  async admit(hit: SearchHit): Promise<Verdict> {
    this.lastAdmit = null;
    const local = this.deps.book.judgeTicket(hit.id, undefined, hit);
    return this.decide(local, { ticketId: hit.id });
  }

  private async decide(local: Verdict, sent: { code: string } | { ticketId: string }): Promise<Verdict> {
    const nonce = newNonce();
    const device = this.deps.device();
    const scannedAt = new Date().toISOString();
    if (this.deps.shouldTryServer()) {
      try {
        const outcome = await this.deps.api.checkIn({ ...sent, nonce, device });
        this.deps.reached(true);
        this.deps.book.learn(outcome, local.ticket?.tierId);
        this.deps.changed();
        const verdict = serverVerdict(outcome);
        if (verdict.result === "admitted" && outcome.ticket) this.lastAdmit = { ticketId: outcome.ticket.id, name: outcome.ticket.name, nonce };
        return verdict;
      } catch (err) {
        this.failed(err);
      }
    }
    if (local.result !== "admitted" || !local.ticket) return local;
    const { ticket } = local;
    const item: QueuedScan = { nonce, event: this.deps.slug, kind: "checkin", ticketId: ticket.id, ...("code" in sent ? { code: sent.code } : {}), device, scannedAt, name: ticket.name ?? "", tier: ticket.tier ?? "" };
    await storage.enqueue(item);
    this.deps.book.mark(ticket.id, scannedAt, device, { name: ticket.name, tierId: ticket.tierId });
    this.deps.changed();
    this.lastAdmit = { ticketId: ticket.id, name: ticket.name ?? words().thisTicket, nonce };
    return { ...local, queued: true };
  }

  /** Takes back the last admit: from the queue if it never left, else on the server (or queued). */
  async undoLast(): Promise<string> {
    const last = this.lastAdmit;
    const w = words();
    if (!last) return w.nothingToUndo;
    this.lastAdmit = null;
    const device = this.deps.device();
    const done = fill(w.undone, { name: last.name });
    if (await storage.dequeue(last.nonce)) {
      this.deps.book.mark(last.ticketId, null, null);
      this.deps.changed();
      return done;
    }
    const nonce = newNonce();
    if (this.deps.shouldTryServer()) {
      try {
        const { undone } = await this.deps.api.undo({ ticketId: last.ticketId, nonce, device });
        this.deps.reached(true);
        this.deps.book.mark(last.ticketId, null, null);
        this.deps.changed();
        return undone ? done : fill(w.notCheckedIn, { name: last.name });
      } catch (err) {
        if (this.failed(err) === "refused") {
          this.lastAdmit = last;
          return fill(w.couldNotUndo, { problem: err instanceof Error ? err.message : "" });
        }
      }
    }
    await storage.enqueue({ nonce, event: this.deps.slug, kind: "undo", ticketId: last.ticketId, device, scannedAt: new Date().toISOString(), name: last.name, tier: "" });
    this.deps.book.mark(last.ticketId, null, null);
    this.deps.changed();
    return fill(w.undoneLater, { name: last.name });
  }

  /**
   * Sends the queued scans, oldest first, each with its own nonce. Returns what needs a
   * person's attention: admits the server did not agree with (most often a ticket let in on
   * two phones while they were offline). Stops at the first failure and tries again later.
   */
  flush(): Promise<string[]> {
    this.flushing ??= this.sendQueue().finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async sendQueue(): Promise<string[]> {
    const problems: string[] = [];
    for (const item of await storage.queued(this.deps.slug)) {
      try {
        if (item.kind === "undo") {
          await this.deps.api.undo({ ticketId: item.ticketId, nonce: item.nonce, device: item.device });
        } else {
          const outcome = await this.deps.api.checkIn({ ...(item.code ? { code: item.code } : { ticketId: item.ticketId }), nonce: item.nonce, device: item.device });
          this.deps.book.learn(outcome);
          const problem = conflictText(item, outcome);
          if (problem) problems.push(problem);
        }
        this.deps.reached(true);
        await storage.dequeue(item.nonce);
        this.deps.changed();
      } catch (err) {
        if (this.failed(err) !== "rejected") break;
        // The server will never take this one (say, the event is gone): report it, drop it.
        const w = words();
        problems.push(fill(item.kind === "undo" ? w.couldNotSendUndo : w.couldNotSendAdmit, { name: item.name || w.aTicket, problem: err instanceof Error ? err.message : "" }));
        await storage.dequeue(item.nonce);
      }
    }
    return problems;
  }

  /**
   * Sorts out a failed request: no connection or a failing server ("unreachable": decide on
   * the phone, try later), signed out or a stale page ("refused": tell the person), or a
   * request the server will never accept ("rejected").
   */
  private failed(err: unknown): "unreachable" | "refused" | "rejected" {
    if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
      this.deps.refused(err);
      return "refused";
    }
    if (err instanceof ApiError && err.status < 500) return "rejected";
    if (!(err instanceof NetworkError) && !(err instanceof ApiError)) throw err;
    this.deps.reached(false);
    return "unreachable";
  }

  pending(): Promise<QueuedScan[]> {
    return storage.queued(this.deps.slug);
  }
}

/** What to tell the door about an offline admit the server saw differently; null when it agreed. */
export function conflictText(item: QueuedScan, outcome: CheckInOutcome): string | null {
  const w = words();
  const name = outcome.ticket?.name || item.name || w.aTicket;
  if (outcome.result === "admitted") return null;
  if (outcome.result === "already_checked_in") {
    const time = timeText(outcome.ticket?.checkedInAt);
    return outcome.ticket?.device ? fill(w.twoDevicesOn, { name, time, device: outcome.ticket.device }) : fill(w.twoDevices, { name, time });
  }
  return fill(w.offlineNotValid, { time: timeText(item.scannedAt), name, reason: refusalText(outcome.result, outcome.reason) });
}
