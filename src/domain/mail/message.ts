// A message as the transports take it, whoever wrote it (emails/compose.ts writes ours).
import type { OutboxEmail } from "@/generated/prisma/client";

export type Attachment = { filename: string; content: Uint8Array | string; contentType: string; contentId?: string };

/** A message ready for any transport. */
export type OutgoingEmail = { to: string; subject: string; html: string; text: string; attachments: Attachment[] };

/**
 * Writes what an outbox row says, from the database as it is now (so a ticket cancelled
 * before the mail went out is left out); null when nothing is left to send. The edge supplies
 * it (emails/compose.ts, in the reader's language): the domain holds no words or markup.
 */
export type EmailComposer = (row: OutboxEmail) => Promise<OutgoingEmail | null>;
