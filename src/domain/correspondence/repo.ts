// All SQL of receipts and messages to attendees: the organisation's settings (one row), the
// order a receipt is drawn from, an event's ticket holders, and the messages sent.
import type { PrismaClient } from "@/generated/prisma/client";
import { sqlTime } from "@/lib/sql-time";

/** The id of the organisation's only row. */
export const ORGANISATION_ID = "org";

/** The organisation's receipt settings as stored; null until an owner first saves them. */
export function findOrganisation(db: PrismaClient) {
  return db.organisation.findUnique({ where: { id: ORGANISATION_ID } });
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
export async function findReceiptSource(db: PrismaClient, orderId: string) {
  const [found, organisation] = await Promise.all([
    db.order.findUnique({ where: { id: orderId }, include: { event: true, tickets: { include: { ticketType: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] } } }),
    findOrganisation(db),
  ]);
  // Only an order that used a voucher costs a second read.
  const voucher = found?.voucherId ? await db.voucher.findUnique({ where: { id: found.voucherId }, select: { code: true } }) : null;
  return { order: found && { ...found, voucherCode: voucher?.code ?? null }, organisation };
}

/** Every ticket of an event with its order's buyer and language: who a message may go to. */
export function findEventTickets(db: PrismaClient, eventId: string) {
  return db.ticket.findMany({
    where: { eventId },
    select: {
      id: true,
      status: true,
      ticketTypeId: true,
      attendeeName: true,
      attendeeEmail: true,
      language: true,
      checkedInAt: true,
      order: { select: { id: true, status: true, buyerName: true, buyerEmail: true, language: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
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
export function findMessageByNonce(db: PrismaClient, nonce: string) {
  return db.attendeeMessage.findUnique({ where: { nonce } });
}

/** One message, by id. */
export function findMessage(db: PrismaClient, id: string) {
  return db.attendeeMessage.findUnique({ where: { id } });
}

/** An event's messages, newest first. */
export function listMessages(db: PrismaClient, eventId: string) {
  return db.attendeeMessage.findMany({ where: { eventId }, orderBy: { createdAt: "desc" }, take: 100 });
}
