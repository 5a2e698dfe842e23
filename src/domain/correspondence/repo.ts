// All SQL of receipts and messages to attendees: the organisation's settings (one row), the
// order a receipt is drawn from, an event's ticket holders, and the messages sent.
import type { AttendeeMessage, Event, Order, Organisation, Ticket, TicketType } from "@/generated/prisma/client";
import { sqlTime } from "@/lib/sql-time";
import { firstStored, storedRow } from "@/lib/stored-rows";

/** The id of the organisation's only row. */
export const ORGANISATION_ID = "org";

/** The organisation's receipt settings as stored; null until an owner first saves them. */
export async function findOrganisation(d1: D1Database): Promise<Organisation | null> {
  return firstStored("Organisation", d1.prepare(`SELECT * FROM "Organisation" WHERE "id" = ?1`).bind(ORGANISATION_ID));
}

export type OrganisationRow = {
  name: string;
  address: string;
  charityNumber: string;
  companyNumber: string;
  vatStatus: string;
  vatNumber: string;
  vatRateBasisPoints: number;
};

/** Writes the organisation's settings (creating the row the first time), for a batch with its audit entry. */
export function saveOrganisationStatement(d1: D1Database, org: OrganisationRow, now: Date): D1PreparedStatement {
  return d1
    .prepare(
      `INSERT INTO "Organisation" ("id", "name", "address", "charityNumber", "companyNumber", "vatStatus", "vatNumber", "vatRateBasisPoints", "updatedAt")
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
       ON CONFLICT ("id") DO UPDATE SET "name" = ?2, "address" = ?3, "charityNumber" = ?4, "companyNumber" = ?5, "vatStatus" = ?6,
         "vatNumber" = ?7, "vatRateBasisPoints" = ?8, "updatedAt" = ?9`,
    )
    .bind(ORGANISATION_ID, org.name, org.address, org.charityNumber, org.companyNumber, org.vatStatus, org.vatNumber, org.vatRateBasisPoints, sqlTime(now));
}

/** An order with its event, tickets (with tiers) and voucher's code, and the organisation: what a receipt shows. */
export async function findReceiptSource(
  d1: D1Database,
  orderId: string,
): Promise<{ order: (Order & { event: Event; tickets: Array<Ticket & { ticketType: TicketType }>; voucherCode: string | null }) | null; organisation: Organisation | null }> {
  // One D1 batch (one round trip, one consistent read): the order, its event, its tickets
  // (oldest first) and their tiers, the voucher's code and the organisation.
  const [orders, events, tickets, tiers, vouchers, organisations] = await d1.batch<Record<string, unknown>>([
    d1.prepare(`SELECT * FROM "Order" WHERE "id" = ?1`).bind(orderId),
    d1.prepare(`SELECT * FROM "Event" WHERE "id" = (SELECT "eventId" FROM "Order" WHERE "id" = ?1)`).bind(orderId),
    d1.prepare(`SELECT * FROM "Ticket" WHERE "orderId" = ?1 ORDER BY "createdAt" ASC, "id" ASC`).bind(orderId),
    d1.prepare(`SELECT * FROM "TicketType" WHERE "id" IN (SELECT "ticketTypeId" FROM "Ticket" WHERE "orderId" = ?1)`).bind(orderId),
    d1.prepare(`SELECT "code" FROM "Voucher" WHERE "id" = (SELECT "voucherId" FROM "Order" WHERE "id" = ?1)`).bind(orderId),
    d1.prepare(`SELECT * FROM "Organisation" WHERE "id" = ?1`).bind(ORGANISATION_ID),
  ]);
  const organisationRow = organisations!.results[0];
  const organisation = organisationRow ? storedRow("Organisation", organisationRow) : null;
  const orderRow = orders!.results[0];
  const eventRow = events!.results[0];
  if (!orderRow || !eventRow) return { order: null, organisation };
  const tierOf = new Map(tiers!.results.map((r) => storedRow("TicketType", r)).map((t) => [t.id, t]));
  const voucherCode = (vouchers!.results[0]?.code as string | undefined) ?? null;
  return {
    order: {
      ...storedRow("Order", orderRow),
      event: storedRow("Event", eventRow),
      tickets: tickets!.results.map((r) => {
        const ticket = storedRow("Ticket", r);
        return { ...ticket, ticketType: tierOf.get(ticket.ticketTypeId)! };
      }),
      voucherCode,
    },
    organisation,
  };
}

/** A ticket of an event as a message's recipients are chosen from: with its order's buyer and language. */
export type EventTicket = Pick<Ticket, "id" | "status" | "ticketTypeId" | "attendeeName" | "attendeeEmail" | "language" | "checkedInAt"> & {
  order: Pick<Order, "id" | "status" | "buyerName" | "buyerEmail" | "language">;
};

/** Every ticket of an event with its order's buyer and language: who a message may go to. */
export async function findEventTickets(d1: D1Database, eventId: string): Promise<EventTicket[]> {
  const { results } = await d1
    .prepare(
      `SELECT t."id", t."status", t."ticketTypeId", t."attendeeName", t."attendeeEmail", t."language", t."checkedInAt",
         o."id" AS "orderId", o."status" AS "orderStatus", o."buyerName", o."buyerEmail", o."language" AS "orderLanguage"
       FROM "Ticket" t JOIN "Order" o ON o."id" = t."orderId"
       WHERE t."eventId" = ?1
       ORDER BY t."createdAt" ASC, t."id" ASC`,
    )
    .bind(eventId)
    .all<Record<string, unknown>>();
  return results.map((r) => {
    const ticket = storedRow("Ticket", r);
    return {
      id: ticket.id,
      status: ticket.status,
      ticketTypeId: ticket.ticketTypeId,
      attendeeName: ticket.attendeeName,
      attendeeEmail: ticket.attendeeEmail,
      language: ticket.language,
      checkedInAt: ticket.checkedInAt,
      order: { id: r.orderId as string, status: r.orderStatus as string, buyerName: r.buyerName as string, buyerEmail: r.buyerEmail as string, language: r.orderLanguage as string },
    };
  });
}

export type MessageRow = {
  id: string;
  eventId: string;
  kind: "message" | "cancellation";
  audience: string;
  ticketTypeId: string | null;
  subject: string;
  body: string;
  translations: string;
  nonce: string;
  staffId: string | null;
  recipients: number;
};

/** Records a message sent. Its nonce is unique: a second batch with the same nonce fails whole. */
export function insertMessageStatement(d1: D1Database, row: MessageRow, now: Date): D1PreparedStatement {
  return d1
    .prepare(
      `INSERT INTO "AttendeeMessage" ("id", "eventId", "kind", "audience", "ticketTypeId", "subject", "body", "translations", "nonce", "staffId", "recipients", "createdAt")
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)`,
    )
    .bind(row.id, row.eventId, row.kind, row.audience, row.ticketTypeId, row.subject, row.body, row.translations, row.nonce, row.staffId, row.recipients, sqlTime(now));
}

/** The message a form's nonce already sent, if any. */
export async function findMessageByNonce(d1: D1Database, nonce: string): Promise<AttendeeMessage | null> {
  return firstStored("AttendeeMessage", d1.prepare(`SELECT * FROM "AttendeeMessage" WHERE "nonce" = ?1`).bind(nonce));
}

/** One message, by id. */
export async function findMessage(d1: D1Database, id: string): Promise<AttendeeMessage | null> {
  return firstStored("AttendeeMessage", d1.prepare(`SELECT * FROM "AttendeeMessage" WHERE "id" = ?1`).bind(id));
}

/** An event's messages, newest first. */
export async function listMessages(d1: D1Database, eventId: string): Promise<AttendeeMessage[]> {
  const { results } = await d1.prepare(`SELECT * FROM "AttendeeMessage" WHERE "eventId" = ?1 ORDER BY "createdAt" DESC LIMIT 100`).bind(eventId).all<Record<string, unknown>>();
  return results.map((r) => storedRow("AttendeeMessage", r));
}
