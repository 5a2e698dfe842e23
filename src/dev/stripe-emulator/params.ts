import * as z from "zod";
import { StripeApiError } from "@/dev/stripe-emulator/errors";
import { asList, paramName, type FormRecord } from "@/dev/stripe-emulator/form";

/**
 * zod schemas for the request parameters the emulator accepts, failing the way Stripe
 * fails: unknown parameters are refused ("Received unknown parameter"), so a typo in the
 * app's Stripe call breaks offline just as it would against Stripe.
 */

const integer = (what: string) =>
  z
    .string()
    .regex(/^-?\d{1,15}$/, `Invalid integer: ${what} must be a whole number.`)
    .transform(Number);

export const positiveInteger = integer("the value").refine((n) => n > 0, "This value must be greater than 0.");
const nonNegativeInteger = integer("the value").refine((n) => n >= 0, "This value must be 0 or greater.");
const amount = nonNegativeInteger.refine((n) => n <= 99_999_999, "This value must be less than or equal to 99999999.");

/** Stripe's metadata limits: 50 keys, keys up to 40 characters, values up to 500. Empty values unset a key. */
export const metadata = z
  .record(
    z.string().max(40, "Metadata keys can be at most 40 characters long."),
    z.string({ error: "Metadata values must be strings." }).max(500, "Metadata values can be at most 500 characters long."),
  )
  .refine((m) => Object.keys(m).length <= 50, "You can specify up to 50 metadata keys.")
  .transform((m) => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== "")));

const url = z.string().refine((s) => /^https?:\/\//.test(s) && URL.canParse(s), "Not a valid URL");
const email = z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "Invalid email address");

export const expand = z.preprocess(asList, z.array(z.string()).max(10)).optional();

const lineItem = z.strictObject({
  quantity: positiveInteger,
  price: z.undefined({ error: "The offline Stripe emulator supports line_items[][price_data] only, not saved prices." }).optional(),
  price_data: z.strictObject({
    currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/, "Invalid currency: use a three-letter ISO code such as gbp.")
      .transform((s) => s.toLowerCase()),
    unit_amount: amount,
    product_data: z.strictObject({
      name: z.string().trim().min(1, "You must provide a product name.").max(250),
      description: z.string().max(500).optional(),
      metadata: metadata.optional(),
    }),
  }),
});

export const createSessionParams = z.strictObject({
  mode: z.literal("payment", { error: "The offline Stripe emulator supports only mode=payment." }),
  line_items: z.preprocess(asList, z.array(lineItem).min(1, "You must provide at least one line item.").max(100)),
  success_url: url,
  cancel_url: url.optional(),
  customer_email: email.optional(),
  client_reference_id: z.string().max(200).optional(),
  metadata: metadata.optional(),
  expires_at: integer("expires_at").optional(),
  payment_intent_data: z
    .strictObject({ metadata: metadata.optional(), description: z.string().max(1000).optional() })
    .optional(),
  locale: z.string().max(10).optional(),
  submit_type: z.enum(["auto", "book", "donate", "pay"]).optional(),
  payment_method_types: z.preprocess(asList, z.array(z.literal("card", { error: "Only card payments are emulated." }))).optional(),
  expand,
});
export type CreateSessionParams = z.infer<typeof createSessionParams>;

export const createRefundParams = z
  .strictObject({
    payment_intent: z.string().min(1).optional(),
    charge: z.string().min(1).optional(),
    amount: positiveInteger.optional(),
    reason: z.enum(["duplicate", "fraudulent", "requested_by_customer"]).optional(),
    metadata: metadata.optional(),
    expand,
  })
  .refine((p) => p.payment_intent !== undefined || p.charge !== undefined, {
    message: "One of `charge` or `payment_intent` is required.",
    path: ["payment_intent"],
  });
export type CreateRefundParams = z.infer<typeof createRefundParams>;

export const expandOnly = z.strictObject({ expand });

export const listParams = z.strictObject({
  limit: positiveInteger.optional(),
  starting_after: z.string().optional(),
  ending_before: z.string().optional(),
  expand,
});

/** Parses Stripe parameters or throws the 400 Stripe would send, naming the parameter. */
export function parseParams<T extends z.ZodType>(schema: T, form: FormRecord): z.output<T> {
  const result = schema.safeParse(form, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === "unrecognized_keys") {
    const param = paramName([...issue.path, issue.keys[0]!]);
    throw new StripeApiError(400, "invalid_request_error", `Received unknown parameter: ${param}`, {
      code: "parameter_unknown",
      param,
    });
  }
  const param = paramName(issue.path);
  if (issue.code === "invalid_type" && issue.input === undefined) {
    throw new StripeApiError(400, "invalid_request_error", `Missing required param: ${param}.`, {
      code: "parameter_missing",
      param,
    });
  }
  const message = issue.code === "invalid_type" ? `Invalid value for ${param}.` : issue.message;
  const code = { "Not a valid URL": "url_invalid", "Invalid email address": "email_invalid" }[message];
  throw new StripeApiError(400, "invalid_request_error", message, { param, ...(code && { code }) });
}
