import { DomainError } from "@/lib/errors";
import type { StaffIdentity } from "@/services/auth/roles";
import type { ServiceDeps } from "@/services/deps";

/**
 * The event a staff member may scan for, by slug. Owners and organisers may scan any event;
 * door staff only the events they are assigned to (anything else is a 403, as if it were
 * someone else's, so door staff learn nothing about other events).
 */
export async function doorEvent(deps: ServiceDeps, staff: StaffIdentity, slug: string) {
  const event = await deps.db.event.findUnique({ where: { slug }, include: { ticketTypes: { orderBy: { sortOrder: "asc" } } } });
  if (staff.role === "door") {
    const assigned = event && (await deps.db.staffEvent.findUnique({ where: { staffId_eventId: { staffId: staff.id, eventId: event.id } } }));
    if (!assigned) throw new DomainError("forbidden", "You are not on the door team for that event. Ask an organiser to add you.");
  }
  if (!event) throw new DomainError("not_found", "We could not find that event.");
  return event;
}

/** Events a staff member may scan for: their assignments, or (organisers) every current event. */
export function doorEvents(deps: ServiceDeps, staff: StaffIdentity) {
  const current = { status: { in: ["published", "draft"] } };
  return deps.db.event.findMany({
    where: staff.role === "door" ? { ...current, doorStaff: { some: { staffId: staff.id } } } : current,
    orderBy: { startsAt: "asc" },
  });
}
