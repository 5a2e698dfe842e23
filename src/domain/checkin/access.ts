import { DomainError } from "@/domain/errors";
import { findDoorEventRows, listDoorEvents } from "@/domain/checkin/repo";
import { findEventWithTiers } from "@/domain/events/repo";
import type { StaffIdentity } from "@/domain/staff/roles";
import type { ServiceDeps } from "@/domain/deps";

/**
 * The event a staff member may scan for, by slug. Owners and organisers may scan any event;
 * door staff only the events they are assigned to (anything else is a 403, as if it were
 * someone else's, so door staff learn nothing about other events).
 */
export async function doorEvent(deps: ServiceDeps, staff: StaffIdentity, slug: string): Promise<DoorEvent> {
  const rows = await findDoorEventRows(deps.d1, slug, staff.id);
  const first = rows[0];
  if (staff.role === "door" && !first?.assigned) {
    throw new DomainError("forbidden", { reason: "not_on_door_team" });
  }
  if (!first) throw new DomainError("not_found", { what: "event" });
  return {
    id: first.id,
    slug: first.slug,
    title: first.title,
    status: first.status,
    ticketTypes: rows.filter((r) => r.tierId).map((r) => ({ id: r.tierId!, name: r.tierName, eligibility: r.eligibility })),
  };
}

/** What the door needs to know about an event. */
export type DoorEvent = { id: string; slug: string; title: string; status: string; ticketTypes: Array<{ id: string; name: string; eligibility: string }> };

/** The full event for the scanner page, with the same access rule as doorEvent. */
export async function doorEventPage(deps: ServiceDeps, staff: StaffIdentity, slug: string) {
  const { id } = await doorEvent(deps, staff, slug);
  const event = await findEventWithTiers(deps.d1, id);
  if (!event) throw new DomainError("not_found", { what: "event" });
  return event;
}

/** Events a staff member may scan for: their assignments, or (organisers) every current event. */
export function doorEvents(deps: ServiceDeps, staff: StaffIdentity) {
  return listDoorEvents(deps.d1, staff.role === "door" ? staff.id : undefined);
}
