// The door API's JSON (src/web/door/checkin-api.ts), as the scanner reads it, and the scanner's own
// records. Written out here because the server's types pull in the Workers runtime (the ticket
// status comes from src/domain/tickets/status.ts, which pulls in nothing).
import type { TicketStatus } from "@/domain/tickets/status";

export type Eligibility = "open" | "declaration" | "member_list" | "access_code";
/** A ticket's status, as the server's single rule decides it (the same type, not a copy). */
export type { TicketStatus };
export type CheckInResult = "admitted" | "already_checked_in" | "invalid" | "wrong_event" | Exclude<TicketStatus, "valid">;
export type InvalidReason = "malformed" | "unknown_key" | "bad_signature" | "unknown_ticket";

/** POST /api/v1/checkins */
export type CheckInOutcome = {
  result: CheckInResult;
  reason?: InvalidReason;
  ticket?: { id: string; name: string; tier: string; eligibility: string; checkedInAt?: string; device?: string; notes?: DoorNote[] };
};

/** `shortCode`: what door staff type instead of scanning ("HRD-7KQ4M-2"); absent in lists cached before it existed. */
/** An answer door staff see (a question marked for the door), in the organisers' words. */
export type DoorNote = { question: string; type: string; answer: string; details?: string };
export type DoorTicket = { id: string; name: string; tier: string; status: TicketStatus; checkedInAt: string | null; device: string | null; shortCode?: string; notes?: DoorNote[] };
export type DoorTier = { id: string; name: string; eligibility: Eligibility | string };

/** GET /api/v1/events/:slug/door-list: `tickets[].tier` is a tier id. */
export type DoorList = {
  /** `status` lets a ticket sold after this list was made be refused when the event is cancelled. */
  event: { id: string; slug: string; title: string; status?: string };
  generatedAt: string;
  keys: Array<{ keyId: string; publicKey: string }>;
  tiers: DoorTier[];
  tickets: DoorTicket[];
};

/** GET /api/v1/events/:slug/checkins/stats */
export type Stats = { checkedIn: number; expected: number; tiers: Array<{ id: string; name: string; expected: number; checkedIn: number }>; at: string };

/** A search result, from door-search (tier name, order reference) or from the cached list (no reference). */
export type SearchHit = { id: string; name: string; tier: string; reference?: string; status: DoorTicket["status"]; checkedInAt: string | null };

/** An admit (or undo) decided on this phone, waiting to reach the server. */
export type QueuedScan = {
  nonce: string;
  event: string;
  kind: "checkin" | "undo";
  ticketId: string;
  /** The scanned text, when there was one: the server checks its signature again. */
  code?: string;
  device: string;
  /** When the door decided, on this phone's clock. */
  scannedAt: string;
  name: string;
  tier: string;
};

/** What the verdict screen shows. */
export type Verdict = {
  result: CheckInResult | "no_list";
  reason?: InvalidReason;
  ticket?: { id: string; name?: string; tier?: string; tierId?: string; eligibility?: string; checkedInAt?: string; device?: string; notes?: DoorNote[] };
  /** Decided on this phone, without the server. */
  local: boolean;
  /** Validly signed but not on this phone's list: sold after the last sync. */
  notOnList?: boolean;
  /** Admitted here and waiting to be sent. */
  queued?: boolean;
};

/** How long one local check took, in milliseconds (performance.now()). */
export type ScanTiming = { verifyMs: number; lookupMs: number; totalMs: number };
