import { base64urlDecode, verifyTicketCodeWith } from "@/domain/tickets/code-format";
import { ticketStatuses } from "@/domain/tickets/status";
import { formatShortCode, parseShortCode } from "@/domain/tickets/short-code";
import { foldForSearch } from "@/lib/text";
import type { CheckInOutcome, DoorList, DoorTicket, DoorTier, QueuedScan, ScanTiming, SearchHit, Stats, TicketStatus, Verdict } from "./types";

// Every status the server's rule can give, except the one that admits.
const refusedStatuses = new Set<string>(ticketStatuses.filter((s) => s !== "valid"));
const isTicketRefusal = (result: string): result is Exclude<TicketStatus, "valid"> => refusedStatuses.has(result);
/** The ticket status a server answer tells (admits and duplicates are valid tickets). */
const ticketStatusOf = (result: CheckInOutcome["result"]): TicketStatus => (isTicketRefusal(result) ? result : "valid");

type Change = { at: number; ticketId: string; checkedInAt: string | null; device: string | null; ticket?: DoorTicket };

/** Case and accents ignored: "jose" finds "José". */

/**
 * The event's door list on this phone, and the local half of every check: the signature
 * checked with the cached public keys, then the ticket looked up in the list. Holds this
 * phone's own admits and undos on top of the last synced list, so a duplicate is caught
 * with no connection.
 */
export class DoorBook {
  list: DoorList | null = null;
  private tickets = new Map<string, DoorTicket>();
  private tiers = new Map<string, DoorTier>();
  /** Short code → ticket id, from the list. */
  private shortCodes = new Map<string, string>();
  private keys = new Map<string, CryptoKey>();
  private importedKeys = new Map<string, CryptoKey>();
  /** Changes made here since a list fetch began; a fetch that started earlier cannot know them. */
  private changes: Change[] = [];

  get ready(): boolean {
    return this.list !== null;
  }

  /**
   * Takes a list (fresh from the server, or from storage), then lays this phone's changes
   * over it: those made after `fetchedFrom` (performance.now() when the request left) and
   * the queued scans the server has not seen yet.
   */
  async use(list: DoorList, pending: QueuedScan[], fetchedFrom = Number.NEGATIVE_INFINITY): Promise<void> {
    const keys = new Map<string, CryptoKey>();
    for (const { keyId, publicKey } of list.keys) {
      const id = `${keyId}.${publicKey}`;
      let key = this.importedKeys.get(id);
      if (!key) {
        try {
          key = await crypto.subtle.importKey("raw", new Uint8Array(base64urlDecode(publicKey)), { name: "Ed25519" }, false, ["verify"]);
          this.importedKeys.set(id, key);
        } catch {
          continue; // A browser without Ed25519 still searches and queues; the server verifies.
        }
      }
      keys.set(keyId, key);
    }
    this.keys = keys;
    this.list = list;
    this.tickets = new Map(list.tickets.map((t) => [t.id, t]));
    this.tiers = new Map(list.tiers.map((t) => [t.id, t]));
    this.shortCodes = new Map(list.tickets.flatMap((t) => (t.shortCode ? [[t.shortCode, t.id] as const] : [])));
    this.changes = this.changes.filter((c) => c.at >= fetchedFrom);
    for (const change of this.changes) this.apply(change);
    for (const q of pending) this.apply({ at: 0, ticketId: q.ticketId, checkedInAt: q.kind === "checkin" ? q.scannedAt : null, device: q.kind === "checkin" ? q.device : null });
  }

  /** The list as it stands here, to keep in storage. */
  snapshot(): DoorList | null {
    return this.list && { ...this.list, tickets: [...this.tickets.values()] };
  }

  /** Verifies a scanned code and looks its ticket up, timing both (for window.__doorTimings). */
  async judgeCode(code: string): Promise<{ verdict: Verdict; timing: ScanTiming }> {
    const start = performance.now();
    const verified = await verifyTicketCodeWith(code, async (keyId) => this.keys.get(keyId));
    const verifiedAt = performance.now();
    let verdict: Verdict;
    if (!verified.ok) {
      // With no list there are no keys: only a malformed code can be judged.
      verdict = !this.list && verified.reason !== "malformed" ? { result: "no_list", local: true } : { result: "invalid", reason: verified.reason, local: true };
    } else if (verified.eventId !== this.list?.event.id) {
      verdict = { result: "wrong_event", local: true, ticket: { id: verified.ticketId } };
    } else {
      verdict = this.judgeTicket(verified.ticketId, verified.ticketTypeId);
    }
    const end = performance.now();
    return { verdict, timing: { verifyMs: verifiedAt - start, lookupMs: end - verifiedAt, totalMs: end - start } };
  }

  /** The listed ticket a typed short code names ("hrd-7kq4m 2" too), or null. */
  ticketIdOfShortCode(typed: string): string | null {
    const short = parseShortCode(typed);
    return short ? (this.shortCodes.get(formatShortCode(short.reference, short.number)) ?? null) : null;
  }

  /**
   * A ticket's state on this phone. One that is not on the list but was validly signed (or
   * found by the server's search) was sold after the last sync: admit it.
   */
  judgeTicket(ticketId: string, tierId?: string, hint?: { name: string; tier: string }): Verdict {
    if (!this.list) return { result: "no_list", local: true };
    const t = this.tickets.get(ticketId);
    const tier = this.tiers.get(t?.tier ?? tierId ?? "");
    const ticket = { id: ticketId, name: t?.name ?? hint?.name, tier: tier?.name ?? hint?.tier, tierId: tier?.id, eligibility: tier?.eligibility, ...(t?.notes?.length ? { notes: t.notes } : {}) };
    if (!t) {
      // Sold after the last sync: its order and ticket are fine by signature; only the event can stop it.
      if (this.list.event.status === "cancelled") return { result: "event_cancelled", local: true, notOnList: true, ticket };
      return { result: "admitted", local: true, notOnList: true, ticket };
    }
    if (t.status !== "valid") return { result: t.status, local: true, ticket };
    if (t.checkedInAt) return { result: "already_checked_in", local: true, ticket: { ...ticket, checkedInAt: t.checkedInAt, ...(t.device ? { device: t.device } : {}) } };
    return { result: "admitted", local: true, ticket };
  }

  /** Records an admit (at: ISO time) or, with null, an undo made on this phone. */
  mark(ticketId: string, checkedInAt: string | null, device: string | null, known?: { name?: string | undefined; tierId?: string | undefined }): void {
    const ticket = !this.tickets.has(ticketId) && known?.tierId ? { id: ticketId, name: known.name ?? "", tier: known.tierId, status: "valid" as const, checkedInAt, device } : undefined;
    const change: Change = { at: performance.now(), ticketId, checkedInAt, device, ...(ticket ? { ticket } : {}) };
    this.changes.push(change);
    this.apply(change);
  }

  /** What the server said about a ticket, so the next offline check agrees with it. */
  learn(outcome: CheckInOutcome, tierId?: string): void {
    const info = outcome.ticket;
    if (!info) return;
    const current = this.tickets.get(info.id);
    const tier = current?.tier ?? tierId ?? [...this.tiers.values()].find((t) => t.name === info.tier)?.id;
    if (!current && !tier) return;
    const status = ticketStatusOf(outcome.result);
    const checkedIn = outcome.result === "admitted" || outcome.result === "already_checked_in";
    const next: DoorTicket = {
      id: info.id,
      name: info.name,
      tier: tier!,
      status,
      checkedInAt: checkedIn ? (info.checkedInAt ?? new Date().toISOString()) : (current?.checkedInAt ?? null),
      device: checkedIn ? (info.device ?? null) : (current?.device ?? null),
      ...(current?.shortCode ? { shortCode: current.shortCode } : {}),
    };
    this.changes.push({ at: performance.now(), ticketId: info.id, checkedInAt: next.checkedInAt, device: next.device, ticket: next });
    this.tickets.set(info.id, next);
  }

  /** Checked in / expected per tier, counted from the list (valid tickets only). */
  counts(): Stats | null {
    if (!this.list) return null;
    const tiers = this.list.tiers.map((t) => ({ id: t.id, name: t.name, expected: 0, checkedIn: 0 }));
    const byId = new Map(tiers.map((t) => [t.id, t]));
    for (const t of this.tickets.values()) {
      const row = byId.get(t.tier);
      if (!row || t.status !== "valid") continue;
      row.expected += 1;
      if (t.checkedInAt) row.checkedIn += 1;
    }
    return { checkedIn: tiers.reduce((n, t) => n + t.checkedIn, 0), expected: tiers.reduce((n, t) => n + t.expected, 0), tiers, at: new Date().toISOString() };
  }

  /** Search by attendee name on the cached list (it holds no order references). */
  search(query: string, limit = 20): SearchHit[] {
    // The server's fold, so offline search finds what the door search API finds ("lukasz" finds "Łukasz").
    const q = foldForSearch(query);
    if (q.length < 2) return [];
    const hits: SearchHit[] = [];
    for (const t of this.tickets.values()) {
      if (!foldForSearch(t.name).includes(q)) continue;
      hits.push({ id: t.id, name: t.name, tier: this.tiers.get(t.tier)?.name ?? "", status: t.status, checkedInAt: t.checkedInAt });
    }
    return hits.sort((a, b) => a.name.localeCompare(b.name)).slice(0, limit);
  }

  private apply(change: Change): void {
    const current = this.tickets.get(change.ticketId) ?? change.ticket;
    if (!current) return;
    this.tickets.set(change.ticketId, { ...current, ...(change.ticket ?? {}), checkedInAt: change.checkedInAt, device: change.device });
  }
}
