import { DomainError } from "@/domain/errors";
import { issue, type FieldIssues } from "@/domain/issues";
import { newId } from "@/lib/ids";
import { cleanLine } from "@/lib/text";
import { randomToken } from "@/lib/tokens";
import { auditStatement } from "@/domain/staff/audit";
import type { ServiceDeps } from "@/domain/deps";
import type { Actor } from "@/domain/orders/admin-actions";
import { newOrderReference } from "@/domain/orders/reference";
import { runBatch } from "@/domain/batch";
import { findEventWithTiers } from "@/domain/events/repo";
import { priceOrder } from "@/domain/orders/pricing";
import { placeOrderStatements } from "@/domain/orders/repo";
import { CAPACITY_EXCEEDED } from "@/domain/orders/seats";

export type RegistrationRequest = {
  buyerName: string;
  buyerEmail: string;
  tierId: string;
  /** One attendee name per ticket. */
  attendees: string[];
  /** complimentary: free; door: pays at the door (recorded at the tier's price). */
  source: "complimentary" | "door";
};

const attendeeNames = (lines: string[]) => lines.map(cleanLine).filter(Boolean);

/**
 * What is wrong with the attendee names (one a line), if anything. The form also asks it when
 * other fields are wrong, so that every error shows at once.
 */
export function attendeeIssues(lines: string[]): FieldIssues {
  const attendees = attendeeNames(lines);
  if (!attendees.length) return { attendees: issue("attendee_names_required") };
  if (attendees.length > 100) return { attendees: issue("attendee_names_too_many", { max: 100 }) };
  if (attendees.some((a) => a.length > 100)) return { attendees: issue("attendee_name_too_long", { max: 100 }) };
  return {};
}

/**
 * An organiser registers people directly: a complimentary place or pay-at-the-door. It takes
 * seats like any order (same atomic capacity check, sales windows and eligibility do not
 * apply), is confirmed at once, and its tickets are emailed like any other.
 */
export async function addRegistration(deps: ServiceDeps, actor: Actor, eventId: string, request: RegistrationRequest) {
  const event = await findEventWithTiers(deps.d1, eventId);
  if (!event) throw new DomainError("not_found", { what: "event" });
  const tier = event.ticketTypes.find((t) => t.id === request.tierId);
  const fields = attendeeIssues(request.attendees);
  if (!tier) fields.tierId = issue("tier_required");
  if (Object.keys(fields).length || !tier) throw new DomainError("invalid", {}, fields);
  const attendees = attendeeNames(request.attendees);

  const price = priceOrder(event.currency, attendees.map(() => tier), request.source === "complimentary" ? "complimentary" : "standard");
  const now = deps.now();
  const order = {
    id: newId("ord"),
    eventId,
    reference: newOrderReference(event.referencePrefix),
    buyerName: cleanLine(request.buyerName),
    buyerEmail: request.buyerEmail.trim(),
    totalMinor: price.totalMinor,
    currency: event.currency,
    source: request.source,
    clientKey: null,
    // The organisers register people in the event's own language; its emails speak it.
    language: event.mainLanguage,
    paid: true,
    holdExpiresAt: null,
    tickets: attendees.map((name, i) => ({
      id: newId("tkt"),
      ticketTypeId: tier.id,
      attendeeName: name,
      attendeeEmail: null,
      eligibilityAnswer: request.source === "complimentary" ? "complimentary" : "pay at the door",
      pricePaidMinor: price.tickets[i]!,
      token: randomToken(),
    })),
  };
  try {
    await runBatch(deps.d1, [
      ...placeOrderStatements(deps, order, now, { requirePublished: false }),
      auditStatement(deps.d1, { staffId: actor.staffId, action: `registration_added_${request.source}`, entity: "order", entityId: order.id, detail: { tier: tier.name, count: attendees.length } }, now),
    ]);
  } catch (err) {
    if (CAPACITY_EXCEEDED.test(String(err))) throw new DomainError("sold_out", { reason: "not_enough_to_add" });
    throw err;
  }
  return order.id;
}
