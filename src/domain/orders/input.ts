import { z } from "zod";
import { cleanLine } from "@/lib/text";

const name = (who: string) =>
  z
    .string({ error: `Enter ${who} name.` })
    .transform(cleanLine)
    .pipe(z.string().min(1, `Enter ${who} name.`).max(100, "Use 100 characters or fewer."));

const email = (who: string) =>
  z
    .string({ error: `Enter ${who} email address.` })
    .trim()
    .min(1, `Enter ${who} email address.`)
    .max(254, "Use 254 characters or fewer.")
    .pipe(z.email(`Enter ${who} email address in the form name@example.org.`));

/** Optional text: empty strings count as absent (what an untouched form field sends). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

export const ticketInputSchema = z.object({
  tier: z.string({ error: "Choose a ticket type." }).trim().min(1, "Choose a ticket type.").max(64),
  name: name("the attendee's"),
  email: optional(email("the attendee's")),
  declaration: z.boolean().optional(),
  membership: optional(z.string().transform(cleanLine).pipe(z.string().max(254, "Use 254 characters or fewer."))),
  accessCode: optional(z.string().trim().max(64, "Use 64 characters or fewer.")),
});

/** A registration: the buyer and one entry per ticket. The API and the HTML form both use it. */
export const orderInputSchema = z.object({
  buyer: z.object({ name: name("your"), email: email("your") }),
  tickets: z.array(ticketInputSchema).min(1, "Choose at least one ticket.").max(50, "Choose 50 tickets or fewer."),
});

export type OrderInput = z.infer<typeof orderInputSchema>;
export type TicketInput = z.infer<typeof ticketInputSchema>;
