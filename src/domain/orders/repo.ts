// Raw SQL for the order state changes that must be atomic. D1 has no interactive transactions
// and Prisma's D1 adapter runs $transaction calls as separate queries, so each change is one
// D1 batch (run by D1 as a single transaction) of conditional statements. Seats are taken and
// freed only through ./seats, in the same batch.
import type { AuditEntry, Event, Order, OutboxEmail, Staff, Ticket, TicketType } from "@/generated/prisma/client";
import { firstStored, storedRow } from "@/lib/stored-rows";
import { sqlTime } from "@/lib/sql-time";
import { foldForSearch, normaliseEmail, searchText } from "@/lib/text";
import { ticketEmailStatements, type Outbox } from "@/domain/mail/repo";
import { moveOrderSeatsStatements, takeSeatsStatements, type SeatMove } from "@/domain/orders/seats";
import { redeemVoucherStatement, releaseOrderVoucherSql } from "@/domain/vouchers/repo";
import { claimOfferStatements } from "@/domain/waitlist/repo";
import { ticketNumbersFrom, ticketNumbersStatement } from "@/domain/tickets/repo";

export type NewTicket = {
  id: string;
  ticketTypeId: string;
  attendeeName: string;
  attendeeEmail: string | null;
  eligibilityAnswer: string | null;
  pricePaidMinor: number;
  token: string;
  /** The attendee's language for their own ticket email; null for the buyer's. */
  language?: string | null;
  /** For a member ticket: every key of its membership, and how many member tickets it may have. */
  membership?: { keys: readonly string[]; max: number };
  /** The voucher that priced this ticket, and what it took off. */
  voucherId?: string | null;
  discountMinor?: number;
};

export type NewOrder = {
  id: string;
  eventId: string;
  reference: string;
  buyerName: string;
  buyerEmail: string;
  totalMinor: number;
  currency: string;
  source: "online" | "complimentary" | "door";
  /** Paid orders take seats as held until payment; free ones take them as sold at once. */
  paid: boolean;
  holdExpiresAt: Date | null;
  /** Hash of the client that placed an online order (null for organisers' registrations). */
  clientKey: string | null;
  /** The buyer's language: the order's emails speak it. */
  language?: string;
  /** Online holds: how many unpaid orders and tickets one client or buyer email may hold. */
  holdLimits?: HoldLimits;
  /** The voucher used: one use, and a seat per ticket it priced, are counted in the order's batch. */
  voucherId?: string | null;
  discountMinor?: number;
  /** The waiting-list offer this order is bought through: its held places pass to the order. */
  offerToken?: string | null;
  tickets: NewTicket[];
};

export type HoldLimits = { orders: number; tickets: number };

/** The error D1 raises when a batch would give a client or buyer more holds than allowed. */
export const HOLD_LIMIT_EXCEEDED = /NOT NULL constraint failed: Order\.status/;

// Unpaid orders of an event still holding seats at ?3, for one client (?4) or buyer email (?5).
const activeHolds = (who: string) =>
  `FROM "Order" o WHERE o."eventId" = ?2 AND o."status" = 'pending' AND o."holdExpiresAt" > ?3 AND ${who}`;
const byClient = `o."clientKey" = ?4`;
const byEmail = `lower(o."buyerEmail") = lower(?5)`;

/**
 * Fails the batch (HOLD_LIMIT_EXCEEDED) when, with the new order counted, its client or its
 * buyer's email would hold more unpaid orders or tickets for the event than allowed. Runs in
 * the same batch that takes the seats, after the order's rows: no read-then-write window.
 */
function holdLimitStatement(d1: D1Database, order: NewOrder, limits: HoldLimits, now: Date): D1PreparedStatement {
  const over = (who: string) =>
    `(SELECT COUNT(*) ${activeHolds(who)}) > ?6 OR (SELECT COUNT(*) FROM "Ticket" t WHERE t."orderId" IN (SELECT o."id" ${activeHolds(who)})) > ?7`;
  return d1
    .prepare(
      `UPDATE "Order" SET "status" = CASE WHEN ${over(byClient)} OR ${over(byEmail)} THEN NULL ELSE "status" END WHERE "id" = ?1`,
    )
    .bind(order.id, order.eventId, sqlTime(now), order.clientKey, order.buyerEmail, limits.orders, limits.tickets);
}

// Tickets of an event that still count against their membership (?1 = event, ?2 = now): valid,
// or waiting for payment on a hold still running (or with no end: a bank payment processing).
const countingMemberTickets = `FROM "Ticket" t JOIN "Order" o ON o."id" = t."orderId"
  WHERE t."eventId" = ?1 AND (t."status" = 'valid' OR (t."status" = 'pending' AND o."status" = 'pending' AND (o."holdExpiresAt" IS NULL OR o."holdExpiresAt" > ?2)))`;
const answerIn = (keys: readonly string[], from: number) => `t."eligibilityAnswer" IN (${keys.map((_, i) => `?${from + i}`).join(", ")})`;

/** The answer recorded on a member ticket for one membership key (number or email). */
export const memberAnswer = (key: string) => `member ${key}`;

/** How many member tickets of the event each membership (all its keys) already counts. */
export async function countMemberTickets(d1: D1Database, eventId: string, memberships: readonly (readonly string[])[], now: Date): Promise<number[]> {
  if (!memberships.length) return [];
  const rows = await d1.batch(
    memberships.map((keys) =>
      d1.prepare(`SELECT COUNT(*) AS "n" ${countingMemberTickets} AND ${answerIn(keys, 3)}`).bind(eventId, sqlTime(now), ...keys.map(memberAnswer)),
    ),
  );
  return rows.map((r) => Number((r.results?.[0] as { n?: number } | undefined)?.n ?? 0));
}

/** The error D1 raises when a batch would give a membership more member tickets than allowed. */
export const MEMBERSHIP_LIMIT_EXCEEDED = /NOT NULL constraint failed: Ticket\.status/;

/**
 * Fails the batch (MEMBERSHIP_LIMIT_EXCEEDED) when, with the new ticket counted, a membership
 * (all its keys) would hold more than `max` member tickets of the event. Runs after the ticket's
 * insert, in the same batch: concurrent orders with one membership cannot both pass.
 */
export function membershipLimitStatement(d1: D1Database, q: { eventId: string; ticketId: string; keys: readonly string[]; max: number }, now: Date): D1PreparedStatement {
  return d1
    .prepare(
      `UPDATE "Ticket" SET "status" = CASE WHEN (SELECT COUNT(*) ${countingMemberTickets} AND ${answerIn(q.keys, 5)}) > ?4 THEN NULL ELSE "status" END WHERE "id" = ?3`,
    )
    .bind(q.eventId, sqlTime(now), q.ticketId, q.max, ...q.keys.map(memberAnswer));
}

/** When the first of a client's or buyer's holds on an event ends (to say when to try again). */
export async function firstHoldEnd(d1: D1Database, q: { eventId: string; clientKey: string | null; email: string }, now: Date): Promise<Date | null> {
  const row = await d1
    .prepare(`SELECT MIN(o."holdExpiresAt") AS "until" ${activeHolds(`(${byClient} OR ${byEmail})`)}`)
    .bind(null, q.eventId, sqlTime(now), q.clientKey, q.email)
    .first<{ until: string | null }>();
  return row?.until ? new Date(row.until) : null;
}

/**
 * Inserts an order with its tickets and takes their seats, all or nothing. Emails are stored
 * normalised (lower case), so every later comparison ("email me my tickets again") is exact. Online sales need
 * the event to be published at that instant; organisers adding registrations do not.
 */
export function placeOrderStatements(outbox: Outbox, order: NewOrder, now: Date, options: { requirePublished: boolean } = { requirePublished: true }): D1PreparedStatement[] {
  const { d1 } = outbox;
  const at = sqlTime(now);

  const vouchered = order.tickets.filter((t) => t.voucherId).length;
  return [
    // An offer's places are given back just before the order takes its own (all or nothing).
    ...(order.offerToken ? claimOfferStatements(d1, order.offerToken, order.id, now) : []),
    d1
      .prepare(
        `INSERT INTO "Order" ("id", "eventId", "reference", "buyerName", "buyerEmail", "status", "source", "totalMinor",
          "refundedMinor", "currency", "holdExpiresAt", "clientKey", "createdAt", "paidAt", "updatedAt", "searchText", "language", "voucherId", "discountMinor")
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, ?9, ?10, ?13, ?11, ?12, ?11, ?14, ?15, ?16, ?17)`,
      )
      .bind(
        order.id,
        order.eventId,
        order.reference,
        order.buyerName,
        normaliseEmail(order.buyerEmail),
        order.paid ? "paid" : "pending",
        order.source,
        order.totalMinor,
        order.currency,
        order.holdExpiresAt ? sqlTime(order.holdExpiresAt) : null,
        at,
        order.paid ? at : null,
        order.clientKey,
        searchText(order.reference, order.buyerName, normaliseEmail(order.buyerEmail)),
        order.language ?? "en",
        order.voucherId ?? null,
        order.discountMinor ?? 0,
      ),
    ...(order.voucherId ? [redeemVoucherStatement(d1, order.voucherId, vouchered, now)] : []),
    ...takeSeatsStatements(
      d1,
      {
        eventId: order.eventId,
        tierIds: order.tickets.map((t) => t.ticketTypeId),
        as: order.paid ? "sold" : "held",
        requirePublished: options.requirePublished,
        // Organisers, and people buying through their offer, take seats whoever is waiting.
        waitlist: options.requirePublished && !order.offerToken ? "respect" : "bypass",
      },
      now,
    ),
    ...order.tickets.map((t) =>
      d1
        .prepare(
          `INSERT INTO "Ticket" ("id", "orderId", "eventId", "ticketTypeId", "attendeeName", "attendeeEmail",
            "eligibilityAnswer", "pricePaidMinor", "status", "token", "createdAt", "updatedAt", "searchText", "language", "voucherId", "discountMinor")
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12, ?13, ?14, ?15)`,
        )
        .bind(
          t.id,
          order.id,
          order.eventId,
          t.ticketTypeId,
          t.attendeeName,
          t.attendeeEmail && normaliseEmail(t.attendeeEmail),
          t.eligibilityAnswer,
          t.pricePaidMinor,
          order.paid ? "valid" : "pending",
          t.token,
          at,
          searchText(t.attendeeName, t.attendeeEmail && normaliseEmail(t.attendeeEmail)),
          t.language ?? null,
          t.voucherId ?? null,
          t.discountMinor ?? 0,
        ),
    ),
    ...(order.holdLimits ? [holdLimitStatement(d1, order, order.holdLimits, now)] : []),
    ...order.tickets.flatMap((t) => (t.membership ? [membershipLimitStatement(d1, { eventId: order.eventId, ticketId: t.id, ...t.membership }, now)] : [])),
    // A free order is confirmed now, so its ticket emails are queued in the same batch.
    ...(order.paid ? ticketEmailStatements(outbox, order.id, now) : []),
  ];
}

export type OrderTransition = {
  orderId: string;
  from: readonly string[];
  to: string;
  /** How the order's seats move: held → sold (payment), held → free (expiry), sold → free (refund). */
  seats: SeatMove | "none";
  ticketsFrom: readonly string[];
  ticketsTo: string | null;
  /** Extra columns to set on the order (raw SQL fragments are not allowed: values only). */
  set?: Record<string, string | number | null>;
};

/**
 * Moves an order from one of `from` to `to`, with its tickets and seat counters, in one batch.
 * Every statement is conditioned on the order still being in `from`, and the order row is
 * updated last, so a repeated or racing call changes nothing. The last statement's
 * `meta.changes` is 1 exactly when this call made the move.
 */
export function transitionStatements(d1: D1Database, t: OrderTransition, now: Date): D1PreparedStatement[] {
  const at = sqlTime(now);
  const fromList = t.from.map((s) => `'${s.replace(/'/g, "")}'`).join(", ");
  const stillFrom = `EXISTS (SELECT 1 FROM "Order" WHERE "id" = ?1 AND "status" IN (${fromList}))`;
  const ticketsFrom = t.ticketsFrom.map((s) => `'${s.replace(/'/g, "")}'`).join(", ");
  const statements: D1PreparedStatement[] = [];
  if (t.seats !== "none") statements.push(...moveOrderSeatsStatements(d1, { orderId: t.orderId, seats: t.seats, ticketsIn: t.ticketsFrom, stillFrom }, now));
  // An order that gives its seats back gives its voucher's use back too.
  if (t.seats === "release_hold" || t.seats === "release_sold") statements.push(d1.prepare(releaseOrderVoucherSql(ticketsFrom, stillFrom)).bind(t.orderId, at));
  if (t.ticketsTo) {
    statements.push(
      d1
        .prepare(`UPDATE "Ticket" SET "status" = ?3, "updatedAt" = ?2 WHERE "orderId" = ?1 AND "status" IN (${ticketsFrom}) AND ${stillFrom}`)
        .bind(t.orderId, at, t.ticketsTo),
    );
  }
  const extra = Object.entries(t.set ?? {});
  const assignments = extra.map(([column], i) => `"${column.replace(/\W/g, "")}" = ?${i + 4}`);
  statements.push(
    d1
      .prepare(`UPDATE "Order" SET "status" = ?3, "updatedAt" = ?2${assignments.map((a) => `, ${a}`).join("")} WHERE "id" = ?1 AND "status" IN (${fromList})`)
      .bind(t.orderId, at, t.to, ...extra.map(([, v]) => v)),
  );
  return statements;
}

// ---- Reads, and the small writes that are not transitions ----

/** An order with its event and its tickets (with tiers) in the order they were bought: for the buyer's pages and checkout. */
export async function findOrderWithTickets(d1: D1Database, orderId: string): Promise<OrderWithParts | null> {
  // The reads of readOrderWithTickets but its voucher's: one batch, one round trip.
  return orderWithPartsOf(await d1.batch<Record<string, unknown>>(orderWithTicketsStatements(d1, orderId).slice(0, 4)));
}

/** Just the order row. */
export async function findOrder(d1: D1Database, orderId: string): Promise<Order | null> {
  return firstStored("Order", d1.prepare(`SELECT * FROM "Order" WHERE "id" = ?1`).bind(orderId));
}

/** The order a Stripe payment belongs to. */
export async function findOrderByPaymentIntent(d1: D1Database, paymentIntentId: string): Promise<Order | null> {
  return firstStored("Order", d1.prepare(`SELECT * FROM "Order" WHERE "stripePaymentIntentId" = ?1 LIMIT 1`).bind(paymentIntentId));
}

/** A ticket row by id. */
export async function findTicket(d1: D1Database, ticketId: string): Promise<Ticket | null> {
  return firstStored("Ticket", d1.prepare(`SELECT * FROM "Ticket" WHERE "id" = ?1`).bind(ticketId));
}

/** Pending orders whose hold ended before `cutoff`, with their Stripe sessions. */
export async function findExpiredHolds(d1: D1Database, cutoff: Date, limit: number) {
  const due = await d1
    .prepare(`SELECT "id", "stripeSessionId" FROM "Order" WHERE "status" = 'pending' AND "holdExpiresAt" IS NOT NULL AND "holdExpiresAt" <= ?1 LIMIT ?2`)
    .bind(sqlTime(cutoff), limit)
    .all<{ id: string; stripeSessionId: string | null }>();
  return due.results;
}

/** Records the Checkout Session opened for an order. */
/**
 * Extends a pending order's hold from `from` (the end the caller read, and found still ahead)
 * to `until`: a compare-and-swap, so an order the sweep already ended is never revived, and of
 * two requests at once only one extends it. True only for the one that did.
 */
export async function extendHold(d1: D1Database, orderId: string, from: Date, until: Date): Promise<boolean> {
  // updatedAt is the clock's time, as Prisma's @updatedAt set it.
  const { meta } = await d1
    .prepare(`UPDATE "Order" SET "holdExpiresAt" = ?3, "updatedAt" = ?4 WHERE "id" = ?1 AND "status" = 'pending' AND "holdExpiresAt" = ?2`)
    .bind(orderId, sqlTime(from), sqlTime(until), sqlTime(new Date()))
    .run();
  return meta.changes === 1;
}

/** Records a pending order's Checkout Session (one prepared statement: the pay page's second round trip). */
export async function setStripeSession(d1: D1Database, orderId: string, sessionId: string, now: Date) {
  await d1.prepare(`UPDATE "Order" SET "stripeSessionId" = ?2, "updatedAt" = ?3 WHERE "id" = ?1 AND "status" = 'pending'`).bind(orderId, sessionId, sqlTime(now)).run();
}

/**
 * An order with its event and its tickets (with tiers), as findOrderWithTickets gives it; the
 * batched reads (readOrderWithTickets) also give its voucher's code (null: none), which
 * payment lines and emails name.
 */
export type OrderWithTickets = OrderWithParts & { voucherCode?: string | null };

/** An order with its event and its tickets (with tiers), as findOrderWithTickets gives it. */
export type OrderWithParts = Order & { event: Event; tickets: Array<Ticket & { ticketType: TicketType }> };

/**
 * The pay page's first round trip, one batch: extends a pending order's first hold to `until`,
 * then reads the order with its event and tickets (with tiers), so the read sees the extension.
 *
 * The extension is the compare-and-swap that keeps a double click to one Checkout Session. It
 * applies only to an order still pending, with no session yet, whose hold is running and is
 * still a first hold: it ends within `firstHoldEnd` (now + the first hold's length), which an
 * extended hold (now + the long hold) does not for the first 25 minutes after its extension.
 * Of two requests racing, D1 runs one batch after the other: the first extends (`extended`),
 * the second sees the hold already extended and no session stored yet, and asks Stripe with
 * the same hold end, so the same idempotency key and the same session. A hold that ended, or
 * an order the sweep already ended, is never revived.
 */
export async function extendFirstHoldAndRead(d1: D1Database, orderId: string, times: { now: Date; until: Date; firstHoldEnd: Date }): Promise<{ order: OrderWithTickets | null; extended: boolean }> {
  const [extend, ...read] = await d1.batch<Record<string, unknown>>([
    d1
      .prepare(
        `UPDATE "Order" SET "holdExpiresAt" = ?2, "updatedAt" = ?3
         WHERE "id" = ?1 AND "status" = 'pending' AND "stripeSessionId" IS NULL
           AND "holdExpiresAt" IS NOT NULL AND "holdExpiresAt" > ?3 AND "holdExpiresAt" <= ?4`,
      )
      .bind(orderId, sqlTime(times.until), sqlTime(times.now), sqlTime(times.firstHoldEnd)),
    ...orderWithTicketsStatements(d1, orderId),
  ]);
  return { order: orderWithTicketsOf(read), extended: (extend!.meta.changes ?? 0) > 0 };
}

/** An order with its event and tickets (with tiers) in one round trip (a batch of reads), or null: findOrderWithTickets with its voucher's code. */
export async function readOrderWithTickets(d1: D1Database, orderId: string): Promise<OrderWithTickets | null> {
  return orderWithTicketsOf(await d1.batch<Record<string, unknown>>(orderWithTicketsStatements(d1, orderId)));
}

/** An order as its emails need it: readOrderWithTickets's, with each ticket's number in the order (tickets/repo ticketNumbersOf). */
export type OrderForEmail = OrderWithTickets & { ticketNumbers: Map<string, number> };

/** The reads of an order for its emails, for a batch (the mail sender's claim carries them); orderForEmailOf reads their results. */
export function orderForEmailStatements(d1: D1Database, orderId: string): D1PreparedStatement[] {
  return [...orderWithTicketsStatements(d1, orderId), ticketNumbersStatement(d1, orderId)];
}

export function orderForEmailOf(results: ReadonlyArray<D1Result<Record<string, unknown>>>): OrderForEmail | null {
  const order = orderWithTicketsOf(results.slice(0, 5));
  return order && { ...order, ticketNumbers: ticketNumbersFrom(results[5]!) };
}

/** An order for its emails, in one batch (one round trip). */
export async function readOrderForEmail(d1: D1Database, orderId: string): Promise<OrderForEmail | null> {
  return orderForEmailOf(await d1.batch<Record<string, unknown>>(orderForEmailStatements(d1, orderId)));
}

function orderWithTicketsStatements(d1: D1Database, orderId: string): D1PreparedStatement[] {
  return [
    d1.prepare(`SELECT * FROM "Order" WHERE "id" = ?1`).bind(orderId),
    d1.prepare(`SELECT * FROM "Event" WHERE "id" = (SELECT "eventId" FROM "Order" WHERE "id" = ?1)`).bind(orderId),
    d1.prepare(`SELECT * FROM "Ticket" WHERE "orderId" = ?1 ORDER BY "createdAt" ASC, rowid ASC`).bind(orderId),
    d1.prepare(`SELECT * FROM "TicketType" WHERE "id" IN (SELECT "ticketTypeId" FROM "Ticket" WHERE "orderId" = ?1)`).bind(orderId),
    d1.prepare(`SELECT "code" FROM "Voucher" WHERE "id" = (SELECT "voucherId" FROM "Order" WHERE "id" = ?1)`).bind(orderId),
  ];
}

function orderWithPartsOf([orders, events, tickets, tiers]: ReadonlyArray<D1Result<Record<string, unknown>>>): OrderWithParts | null {
  const row = orders!.results[0];
  const eventRow = events!.results[0];
  if (!row || !eventRow) return null;
  const tierById = new Map(tiers!.results.map((r) => storedRow("TicketType", r)).map((t) => [t.id, t]));
  return {
    ...storedRow("Order", row),
    event: storedRow("Event", eventRow),
    tickets: tickets!.results.map((r) => storedRow("Ticket", r)).map((t) => ({ ...t, ticketType: tierById.get(t.ticketTypeId)! })),
  };
}

function orderWithTicketsOf(results: ReadonlyArray<D1Result<Record<string, unknown>>>): OrderWithTickets | null {
  const order = orderWithPartsOf(results);
  const vouchers = results[4];
  return order && { ...order, voucherCode: vouchers?.results[0] ? String(vouchers.results[0].code) : null };
}

/** The code of an order's voucher, or null when it used none (one read, for pages that read the order with findOrderWithTickets). */
export async function orderVoucherCode(d1: D1Database, order: Pick<Order, "voucherId">): Promise<string | null> {
  if (!order.voucherId) return null;
  const row = await d1.prepare(`SELECT "code" FROM "Voucher" WHERE "id" = ?1`).bind(order.voucherId).first<{ code: string }>();
  return row?.code ?? null;
}

/** A pending order's payment is processing (a bank debit): keep its seats until Stripe says how it ended. */
export async function holdUntilPaymentSettles(d1: D1Database, orderId: string) {
  // updatedAt is the clock's time, as Prisma's @updatedAt set it.
  await d1.prepare(`UPDATE "Order" SET "holdExpiresAt" = NULL, "updatedAt" = ?2 WHERE "id" = ?1 AND "status" = 'pending'`).bind(orderId, sqlTime(new Date())).run();
}

/** Raises the refunded amount of a paid order to `totalRefundedMinor` (never lowers it, whatever order refunds are reported in). */
export function partialRefundStatement(d1: D1Database, orderId: string, totalRefundedMinor: number, now: Date): D1PreparedStatement {
  return d1
    .prepare(
      `UPDATE "Order" SET "refundedMinor" = MAX("refundedMinor", ?2), "status" = 'partially_refunded', "updatedAt" = ?3
       WHERE "id" = ?1 AND "status" IN ('paid', 'partially_refunded')`,
    )
    .bind(orderId, totalRefundedMinor, sqlTime(now));
}

/** Corrects an attendee's name, and its search column (the name's line; the email, stored lower case, follows). */
export function renameTicketStatement(d1: D1Database, ticketId: string, name: string, now: Date): D1PreparedStatement {
  return d1
    .prepare(`UPDATE "Ticket" SET "attendeeName" = ?2, "updatedAt" = ?3, "searchText" = ?4 || char(10) || coalesce("attendeeEmail", '') WHERE "id" = ?1`)
    .bind(ticketId, name, sqlTime(now), foldForSearch(name));
}

/** Cancels one ticket if it is still valid; its `meta.changes` says whether it did. Seats: orders/seats. */
export function cancelTicketStatement(d1: D1Database, ticketId: string, now: Date): D1PreparedStatement {
  return d1.prepare(`UPDATE "Ticket" SET "status" = 'cancelled', "updatedAt" = ?2 WHERE "id" = ?1 AND "status" = 'valid'`).bind(ticketId, sqlTime(now));
}

// ---- What organisers see: sales, attendees, an order's history ----

/** Order statuses whose money was taken (in full or part). */
const SETTLED = ["paid", "partially_refunded", "refunded"];

/** Money taken and refunded, orders that took it, tickets checked in (per tier), orders waiting for payment, and mail that failed. */
export async function salesFigures(d1: D1Database, eventId: string) {
  const settled = SETTLED.map((s) => `'${s}'`).join(", ");
  const checkedInWhere = `"eventId" = ?1 AND "status" = 'valid' AND "checkedInAt" IS NOT NULL`;
  const [money, checkedIn, perTier, pending, failed] = await d1.batch<Record<string, unknown>>([
    d1
      .prepare(`SELECT SUM("totalMinor") AS "totalMinor", SUM("refundedMinor") AS "refundedMinor", COUNT(*) AS "n" FROM "Order" WHERE "eventId" = ?1 AND "status" IN (${settled})`)
      .bind(eventId),
    d1.prepare(`SELECT COUNT(*) AS "n" FROM "Ticket" WHERE ${checkedInWhere}`).bind(eventId),
    d1.prepare(`SELECT "ticketTypeId", COUNT(*) AS "n" FROM "Ticket" WHERE ${checkedInWhere} GROUP BY "ticketTypeId"`).bind(eventId),
    d1.prepare(`SELECT COUNT(*) AS "n" FROM "Order" WHERE "eventId" = ?1 AND "status" = 'pending'`).bind(eventId),
    d1
      .prepare(
        `SELECT m."id", m."recipient", m."template", m."lastError", m."orderId", o."reference" FROM "OutboxEmail" m JOIN "Order" o ON o."id" = m."orderId"
         WHERE m."status" = 'failed' AND o."eventId" = ?1 ORDER BY m."createdAt" DESC LIMIT 50`,
      )
      .bind(eventId),
  ]);
  const sums = money!.results[0] ?? {};
  const sum = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return {
    money: { _sum: { totalMinor: sum(sums.totalMinor), refundedMinor: sum(sums.refundedMinor) }, _count: Number(sums.n ?? 0) },
    checkedIn: Number(checkedIn!.results[0]?.n ?? 0),
    checkedInPerTier: perTier!.results.map((r) => ({ ticketTypeId: String(r.ticketTypeId), _count: Number(r.n) })),
    pendingOrders: Number(pending!.results[0]?.n ?? 0),
    failedMail: failed!.results as Array<{ id: string; recipient: string; template: string; lastError: string | null; orderId: string; reference: string }>,
  };
}

/** The filters of the organiser's attendee list. */
export type AttendeeFilter = {
  q?: string | undefined;
  tierId?: string | undefined;
  status?: string | undefined;
  checkedIn?: "yes" | "no" | undefined;
  /** Tickets whose answer (or whose order's answer) to a question is `value` (one of a multiple choice's). */
  answer?: { questionId: string; value: string } | undefined;
};

/**
 * One page of an event's tickets (with order and tier) matching `filter`, newest first, and how
 * many match in all. The filter runs in SQL (search columns compared with instr(), ignoring case
 * and accents, with no pattern limit as LIKE has on D1), and the page's tickets, orders and
 * tiers are read in the same batch: one round trip.
 */
export async function findAttendeePage(d1: D1Database, eventId: string, filter: AttendeeFilter, page: { skip: number; take: number }) {
  const q = filter.q?.trim();
  const where = [`t."eventId" = ?`];
  const args: unknown[] = [eventId];
  if (filter.tierId) where.push(`t."ticketTypeId" = ?`), args.push(filter.tierId);
  if (filter.status) where.push(`o."status" = ?`), args.push(filter.status);
  else where.push(`o."status" <> 'expired'`);
  if (filter.checkedIn) where.push(`(t."checkedInAt" IS NULL) = ?`), args.push(filter.checkedIn === "no" ? 1 : 0);
  if (q) where.push(`(instr(t."searchText", ?) > 0 OR instr(o."searchText", ?) > 0)`), args.push(foldForSearch(q), foldForSearch(q));
  if (filter.answer) {
    where.push(
      `EXISTS (SELECT 1 FROM "Answer" a WHERE a."questionId" = ? AND (a."ticketId" = t."id" OR (a."ticketId" IS NULL AND a."orderId" = t."orderId"))
        AND (a."value" = ? OR (a."value" LIKE '[%' AND EXISTS (SELECT 1 FROM json_each(a."value") j WHERE j.value = ?))))`,
    );
    args.push(filter.answer.questionId, filter.answer.value, filter.answer.value);
  }
  const from = `FROM "Ticket" t JOIN "Order" o ON o."id" = t."orderId" WHERE ${where.join(" AND ")}`;
  const pageIds = `SELECT t."id" ${from} ORDER BY t."createdAt" DESC, t."id" LIMIT ? OFFSET ?`;
  const pageArgs = [...args, page.take, page.skip];
  const [counted, tickets, orders, tiers] = await d1.batch<Record<string, unknown>>([
    d1.prepare(`SELECT COUNT(*) AS "n" ${from}`).bind(...args),
    d1.prepare(`SELECT * FROM "Ticket" WHERE "id" IN (${pageIds}) ORDER BY "createdAt" DESC, "id" ASC`).bind(...pageArgs),
    d1.prepare(`SELECT * FROM "Order" WHERE "id" IN (SELECT "orderId" FROM "Ticket" WHERE "id" IN (${pageIds}))`).bind(...pageArgs),
    d1.prepare(`SELECT * FROM "TicketType" WHERE "id" IN (SELECT "ticketTypeId" FROM "Ticket" WHERE "id" IN (${pageIds}))`).bind(...pageArgs),
  ]);
  const orderById = new Map(orders!.results.map((r) => storedRow("Order", r)).map((o) => [o.id, o]));
  const tierById = new Map(tiers!.results.map((r) => storedRow("TicketType", r)).map((t) => [t.id, t]));
  const rows = tickets!.results
    .map((r) => storedRow("Ticket", r))
    .map((t) => ({ ...t, order: orderById.get(t.orderId)!, ticketType: tierById.get(t.ticketTypeId)! }));
  return { total: Number(counted!.results[0]?.n ?? 0), rows };
}

/** What happened to an order (its audit entries, with who) and the mail it sent. */
export async function findOrderHistory(d1: D1Database, orderId: string): Promise<{ history: Array<AuditEntry & { staff: Staff | null }>; emails: OutboxEmail[] }> {
  const entries = `SELECT * FROM "AuditEntry" WHERE "entity" = 'order' AND "entityId" = ?1`;
  const [audit, staff, emails] = await d1.batch<Record<string, unknown>>([
    d1.prepare(`${entries} ORDER BY "createdAt" ASC`).bind(orderId),
    d1.prepare(`SELECT * FROM "Staff" WHERE "id" IN (SELECT "staffId" FROM (${entries}))`).bind(orderId),
    d1.prepare(`SELECT * FROM "OutboxEmail" WHERE "orderId" = ?1 ORDER BY "createdAt" ASC`).bind(orderId),
  ]);
  const staffById = new Map(staff!.results.map((r) => storedRow("Staff", r)).map((s) => [s.id, s]));
  return {
    history: audit!.results.map((r) => storedRow("AuditEntry", r)).map((e) => ({ ...e, staff: (e.staffId && staffById.get(e.staffId)) || null })),
    emails: emails!.results.map((r) => storedRow("OutboxEmail", r)),
  };
}
