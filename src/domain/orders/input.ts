import * as z from "zod";
import type { FieldCode } from "@/domain/issues";
import { cleanLine } from "@/lib/text";

// Messages are field codes (src/domain/issues.ts); the edge says them in the reader's language.
type Who = "your" | "attendee";
const code = (c: FieldCode) => c;

const name = (who: Who) =>
  z
    .string({ error: code(`${who}_name_required`) })
    .transform(cleanLine)
    .pipe(z.string().min(1, code(`${who}_name_required`)).max(100, code("too_long")));

const email = (who: Who) =>
  z
    .string({ error: code(`${who}_email_required`) })
    .trim()
    .min(1, code(`${who}_email_required`))
    .max(254, code("too_long"))
    .pipe(z.email(code(`${who}_email_invalid`)));

/** Optional text: empty strings count as absent (what an untouched form field sends). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

/**
 * A language someone chose for their emails: a plain tag ("es"). Which tags are spoken is the
 * catalogues' business, so placing the order checks it against the list the edge passes.
 */
const language = optional(z.string().trim().toLowerCase().max(8, code("not_allowed")));

export const ticketInputSchema = z.object({
  tier: z.string({ error: code("tier_required") }).trim().min(1, code("tier_required")).max(64),
  name: name("attendee"),
  email: optional(email("attendee")),
  declaration: z.boolean().optional(),
  membership: optional(z.string().transform(cleanLine).pipe(z.string().max(254, code("too_long")))),
  accessCode: optional(z.string().trim().max(64, code("too_long"))),
  /** The attendee's language for their own ticket email, when not the buyer's. */
  language,
  /** Answers to the event's per-attendee questions: { questionId: value } (checked by domain/questions/answers.ts). */
  answers: z.unknown().optional(),
});

/** A registration: the buyer and one entry per ticket. The API and the HTML form both use it. */
export const orderInputSchema = z.object({
  buyer: z.object({ name: name("your"), email: email("your") }),
  tickets: z.array(ticketInputSchema).min(1, code("tickets_required")).max(50, code("tickets_too_many")),
  /** The buyer's language, when said outright (the API); otherwise the edge's negotiated one. */
  language,
  /** Answers to the event's per-order questions: { questionId: value }. */
  answers: z.unknown().optional(),
  /** A voucher code (src/domain/vouchers): a lower price, or a hidden tier. */
  voucher: optional(z.string().trim().max(64, code("too_long"))),
  /** The token of the buyer's waiting-list offer, when buying through it. */
  offer: optional(z.string().trim().max(128, code("too_long"))),
});

export type OrderInput = z.infer<typeof orderInputSchema>;
export type TicketInput = z.infer<typeof ticketInputSchema>;

// Each part of a ticket that the rules read, or nothing when that part does not parse.
const { shape } = ticketInputSchema;
const ruleTicketSchema = z.object({
  tier: shape.tier.catch(""),
  name: z.unknown().transform(() => ""),
  email: shape.email.catch(undefined),
  declaration: shape.declaration.catch(undefined),
  membership: shape.membership.catch(undefined),
  accessCode: shape.accessCode.catch(undefined),
  answers: z.unknown().optional(),
});

/**
 * What the rules (tiers, limits, eligibility) can check of a registration that the schema
 * refused, so that every problem is listed at once. Unreadable parts are left out.
 */
export const ruleInputSchema = z.object({
  // Every entry kept (an unreadable one as a ticket of no tier), so issues keep their paths.
  tickets: z.array(ruleTicketSchema.catch({ tier: "", name: "" })).max(50),
  answers: z.unknown().optional(),
  voucher: orderInputSchema.shape.voucher.catch(undefined),
  offer: orderInputSchema.shape.offer.catch(undefined),
});
