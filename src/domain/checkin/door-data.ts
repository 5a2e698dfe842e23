import { doorNotes, type DoorNote } from "@/domain/questions/door-notes";
import type { DoorEvent } from "@/domain/checkin/access";
import type { ServiceDeps } from "@/domain/deps";
import { countArrivals, listDoorTickets, searchDoorTickets } from "@/domain/checkin/repo";
import { publicKeys } from "@/domain/tickets/signing";
import { formatShortCode } from "@/domain/tickets/short-code";
import { ticketStatus, type TicketStatus } from "@/domain/tickets/status";

/** A ticket in the offline list; `shortCode` is what door staff may type instead of scanning (tickets/short-code). */
export type DoorTicket = { id: string; name: string; tier: string; status: TicketStatus; checkedInAt: string | null; device: string | null; shortCode: string; notes?: DoorNote[] };

const doorStatus = (event: DoorEvent, r: { status: string; orderStatus: string }) =>
  ticketStatus({ ticketStatus: r.status, orderStatus: r.orderStatus, eventStatus: event.status });

/**
 * Everything a scanner needs to work with no network: the public keys (to verify codes), the
 * tiers, and every ticket's id, attendee name, tier and state. No emails, no buyers. Tickets
 * sold after this list was made still verify by signature alone.
 */
export async function doorList(deps: ServiceDeps, event: DoorEvent) {
  const rows = await listDoorTickets(deps.d1, event.id);
  return {
    event: { id: event.id, slug: event.slug, title: event.title, status: event.status },
    generatedAt: deps.now().toISOString(),
    keys: await publicKeys(deps.config),
    tiers: event.ticketTypes.map((t) => ({ id: t.id, name: t.name, eligibility: t.eligibility })),
    tickets: rows.map(
      (r): DoorTicket => ({
        id: r.id,
        name: r.attendeeName,
        tier: r.ticketTypeId,
        status: doorStatus(event, r),
        checkedInAt: r.checkedInAt ? new Date(r.checkedInAt).toISOString() : null,
        device: r.checkedInDevice,
        shortCode: formatShortCode(r.reference, r.number),
        // Answers to the questions shown at the door, so the offline scanner can show them too.
        ...(r.doorAnswers && r.doorAnswers !== "[]" ? { notes: doorNotes(r.doorAnswers) } : {}),
      }),
    ),
  };
}

/** Checked in / expected, for the event and per tier. */
export async function doorStats(deps: ServiceDeps, event: DoorEvent) {
  const by = new Map((await countArrivals(deps.d1, event.id)).map((r) => [r.ticketTypeId, r]));
  const tiers = event.ticketTypes.map((t) => ({ id: t.id, name: t.name, expected: by.get(t.id)?.expected ?? 0, checkedIn: by.get(t.id)?.checkedIn ?? 0 }));
  return {
    checkedIn: tiers.reduce((n, t) => n + t.checkedIn, 0),
    expected: tiers.reduce((n, t) => n + t.expected, 0),
    tiers,
    at: deps.now().toISOString(),
  };
}

/** For someone whose phone died: tickets by attendee name or order reference (20 at most). */
export async function doorSearch(deps: ServiceDeps, event: DoorEvent, query: string) {
  const q = query.trim();
  if (q.length < 2) return [];
  const rows = await searchDoorTickets(deps.d1, event.id, q);
  const tierName = new Map(event.ticketTypes.map((t) => [t.id, t.name]));
  return rows.map((r) => ({
    id: r.id,
    name: r.attendeeName,
    tier: tierName.get(r.ticketTypeId) ?? "",
    reference: r.reference,
    status: doorStatus(event, r),
    checkedInAt: r.checkedInAt ? new Date(r.checkedInAt).toISOString() : null,
  }));
}
