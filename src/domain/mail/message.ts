// A message as the transports take it, whoever wrote it (emails/compose.ts writes ours).
import type { OutboxEmail } from "@/generated/prisma/client";
import type { OrderForEmail } from "@/domain/orders/repo";

export type Attachment = { filename: string; content: Uint8Array | string; contentType: string; contentId?: string };

/** A message ready for any transport. */
export type OutgoingEmail = { to: string; subject: string; html: string; text: string; attachments: Attachment[] };

/**
 * Writes what an outbox row says, from the database as it is now (so a ticket cancelled
 * before the mail went out is left out); null when nothing is left to send. The edge supplies
 * it (emails/compose.ts, in the reader's language): the domain holds no words or markup.
 */
export type EmailComposer = (row: OutboxEmail, read?: ReadForMail) => Promise<OutgoingEmail | null>;

/**
 * What the sender read in the round trip that claimed an order's messages: the order as its
 * emails need it (null: no such order), so composing them does not read it again.
 */
export type ReadForMail = { orderId: string; order: OrderForEmail | null };
