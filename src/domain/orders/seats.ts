// The only code that takes or frees seats. Every change to the seat counters on Event and
// TicketType (soldCount, heldCount) is a statement made here, meant to run inside the same D1
// batch as the order or ticket change it belongs to (D1 runs a batch as one transaction).
//
// Taking: a counter update that would pass a limit sets the counter to NULL instead, which
// violates its NOT NULL constraint, fails the statement and rolls back the whole batch: the
// limit is enforced by the database in the same transaction as the write, with no
// read-then-write window, and with no triggers or CHECK constraints (which Prisma's migrations
// would not keep). `CAPACITY_EXCEEDED` recognises that failure.
//
// Freeing: each tier update that gives seats back says how many through RETURNING, so the
// batch's results carry one outcome, `seatsFreed(results)`, whatever freed them (an expired
// hold, a cancelled order or ticket, a refund). A waiting list listens to that one outcome.
import { sqlTime } from "@/lib/sql-time";
import { NOBODY_WAITING_FOR_EVENT, NOBODY_WAITING_FOR_TIER } from "@/domain/waitlist/repo";

/** The error D1 raises when a batch would take more seats than a limit allows. */
export const CAPACITY_EXCEEDED = /NOT NULL constraint failed: (Event|TicketType)\.(heldCount|soldCount)/;

/** The error D1 raises when a new capacity or quota is below the seats already taken. */
export const LIMIT_BELOW_TAKEN = /NOT NULL constraint failed: (Event|TicketType)\.soldCount/;

/**
 * A SET fragment for changing a limit (an event's capacity or a tier's quota, bound at
 * `limitParam`, NULL = none): the statement fails (LIMIT_BELOW_TAKEN) when the seats sold and
 * held would no longer fit, so a limit never drops below what is taken.
 */
export const keepTakenWithinSql = (limitParam: string) =>
  `"soldCount" = CASE WHEN ${limitParam} IS NULL OR "soldCount" + "heldCount" <= ${limitParam} THEN "soldCount" ELSE NULL END`;

/** How an order's seats move with its state: held → sold (payment), held → free (expiry), sold → free (refund). */
export type SeatMove = "hold_to_sold" | "release_hold" | "release_sold";

/** Seats given back by one batch, per tier id and in all. */
export type SeatsFreed = { total: number; tiers: Record<string, number> };

// Marks the RETURNING rows that report freed seats, so they can be found among any batch's results.
const FREED = "seats_freed";
const freedReturning = (count: string) => `RETURNING '${FREED}' AS "outcome", "id" AS "tierId", ${count} AS "freed"`;

// Marks the RETURNING rows that say how many places a take left, so a batch's results tell
// whether it took the last seat of the event or a tier (the public pages' cache is purged then).
const LEFT = "seats_left";

/**
 * Adds `n` to a counter unless the seats taken would pass `limitColumn` (NULL = no limit), and
 * says the places left after it (NULL when there is no limit).
 */
function takeSql(table: "Event" | "TicketType", counter: "heldCount" | "soldCount", limitColumn: "capacity" | "quota", extraCondition: string) {
  return `UPDATE "${table}" SET "${counter}" = CASE
      WHEN ${extraCondition} AND ("${limitColumn}" IS NULL OR "soldCount" + "heldCount" + ?1 <= "${limitColumn}") THEN "${counter}" + ?1
      ELSE NULL END,
    "updatedAt" = ?2
    WHERE "id" = ?3
    RETURNING '${LEFT}' AS "outcome", "${limitColumn}" - "soldCount" - "heldCount" AS "left"`;
}

/**
 * Whether a batch that took seats (takeSeatsStatements) left the event or one of its tiers with
 * no places at all. Exact under concurrency: batches run one at a time, so only the batch that
 * took the last place sees 0.
 */
export function tookLastSeats(results: readonly D1Result[]): boolean {
  return results.some((result) => ((result.results ?? []) as Array<{ outcome?: unknown; left?: unknown }>).some((row) => row.outcome === LEFT && typeof row.left === "number" && row.left <= 0));
}

/**
 * Takes seats for new tickets, as held (waiting for payment) or sold, per tier and for the
 * event. Online sales also need the event to be published at that instant (sales stop the
 * moment it is cancelled, even while someone pays); organisers adding registrations do not.
 * Unless `waitlist` is "bypass" (a person buying through their waiting-list offer, or an
 * organiser), seats are not taken while people wait for them: freed seats go to the waiting
 * list first (src/domain/waitlist).
 */
export function takeSeatsStatements(
  d1: D1Database,
  take: { eventId: string; tierIds: readonly string[]; as: "held" | "sold"; requirePublished: boolean; waitlist: "respect" | "bypass" },
  now: Date,
): D1PreparedStatement[] {
  const at = sqlTime(now);
  const counter = take.as === "sold" ? "soldCount" : "heldCount";
  const perTier = new Map<string, number>();
  for (const id of take.tierIds) perTier.set(id, (perTier.get(id) ?? 0) + 1);
  const respect = take.waitlist === "respect";
  const eventCondition = [take.requirePublished ? `"status" = 'published'` : "1", respect ? NOBODY_WAITING_FOR_EVENT : "1"].join(" AND ");
  return [
    d1.prepare(takeSql("Event", counter, "capacity", eventCondition)).bind(take.tierIds.length, at, take.eventId),
    ...[...perTier].map(([tierId, count]) => d1.prepare(takeSql("TicketType", counter, "quota", respect ? NOBODY_WAITING_FOR_TIER : "1")).bind(count, at, tierId)),
  ];
}

/**
 * Moves the seats of an order's tickets that are in one of `ticketsIn`, when the order changes
 * state. `stillFrom` is the SQL condition (on ?1 = order id) that the order is still in its old
 * state, so a repeated or racing move changes nothing. Freed seats are reported per tier.
 */
export function moveOrderSeatsStatements(
  d1: D1Database,
  move: { orderId: string; seats: SeatMove; ticketsIn: readonly string[]; stillFrom: string },
  now: Date,
): D1PreparedStatement[] {
  const at = sqlTime(now);
  const ticketsIn = move.ticketsIn.map((s) => `'${s.replace(/'/g, "")}'`).join(", ");
  const countFor = (tierCondition: string) => `(SELECT COUNT(*) FROM "Ticket" tk WHERE tk."orderId" = ?1 AND tk."status" IN (${ticketsIn})${tierCondition})`;
  const moves: Record<SeatMove, (n: string) => string> = {
    hold_to_sold: (n) => `"heldCount" = "heldCount" - ${n}, "soldCount" = "soldCount" + ${n}`,
    release_hold: (n) => `"heldCount" = "heldCount" - ${n}`,
    release_sold: (n) => `"soldCount" = "soldCount" - ${n}`,
  };
  const apply = moves[move.seats];
  const perTier = countFor(` AND tk."ticketTypeId" = "TicketType"."id"`);
  const report = move.seats === "hold_to_sold" ? "" : ` ${freedReturning(perTier)}`;
  return [
    d1
      .prepare(
        `UPDATE "TicketType" SET ${apply(perTier)}, "updatedAt" = ?2
         WHERE "id" IN (SELECT "ticketTypeId" FROM "Ticket" WHERE "orderId" = ?1) AND ${move.stillFrom}${report}`,
      )
      .bind(move.orderId, at),
    d1
      .prepare(
        `UPDATE "Event" SET ${apply(countFor(""))}, "updatedAt" = ?2
         WHERE "id" = (SELECT "eventId" FROM "Order" WHERE "id" = ?1) AND ${move.stillFrom}`,
      )
      .bind(move.orderId, at),
  ];
}

/**
 * Frees the sold seat of one ticket that is still valid (?1 = its id in `stillValid`), for a
 * ticket cancelled on its own. Must run before the statement that cancels the ticket.
 */
export function freeTicketSeatStatements(d1: D1Database, ticket: { id: string; ticketTypeId: string; eventId: string }, now: Date): D1PreparedStatement[] {
  const at = sqlTime(now);
  const stillValid = `EXISTS (SELECT 1 FROM "Ticket" WHERE "id" = ?1 AND "status" = 'valid')`;
  return [
    d1.prepare(`UPDATE "TicketType" SET "soldCount" = "soldCount" - 1, "updatedAt" = ?2 WHERE "id" = ?3 AND ${stillValid} ${freedReturning("1")}`).bind(ticket.id, at, ticket.ticketTypeId),
    d1.prepare(`UPDATE "Event" SET "soldCount" = "soldCount" - 1, "updatedAt" = ?2 WHERE "id" = ?3 AND ${stillValid}`).bind(ticket.id, at, ticket.eventId),
  ];
}

type FreedRow = { outcome?: unknown; tierId?: unknown; freed?: unknown };

/** The seats a batch gave back, read from its results (any statements may sit around them). */
export function seatsFreed(results: readonly D1Result[]): SeatsFreed {
  const freed: SeatsFreed = { total: 0, tiers: {} };
  for (const result of results) {
    for (const row of (result.results ?? []) as FreedRow[]) {
      if (row.outcome !== FREED || typeof row.tierId !== "string" || typeof row.freed !== "number" || row.freed <= 0) continue;
      freed.tiers[row.tierId] = (freed.tiers[row.tierId] ?? 0) + row.freed;
      freed.total += row.freed;
    }
  }
  return freed;
}
