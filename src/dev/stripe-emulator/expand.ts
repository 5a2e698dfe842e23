import type { EmulatorContext } from "@/dev/stripe-emulator/context";
import { StripeApiError } from "@/dev/stripe-emulator/errors";
import { list } from "@/dev/stripe-emulator/objects";
import type { SessionRecord } from "@/dev/stripe-emulator/sessions";
import { findObject, type Kind } from "@/dev/stripe-emulator/store";

/** Which id-valued fields of which object can be expanded, and into what kind of object. */
const expandable: Record<string, Record<string, Kind>> = {
  "checkout.session": { payment_intent: "payment_intent" },
  payment_intent: { latest_charge: "charge" },
  charge: { payment_intent: "payment_intent" },
  refund: { charge: "charge", payment_intent: "payment_intent" },
};

function cannotExpand(path: string) {
  return new StripeApiError(400, "invalid_request_error", `This property cannot be expanded (${path}).`, { param: "expand" });
}

type Json = Record<string, unknown>;

/** Replaces ids with their objects along one dotted `expand` path ("payment_intent.latest_charge"). */
async function expandPath(ctx: EmulatorContext, object: Json, fields: string[], fullPath: string): Promise<Json> {
  const [field, ...rest] = fields;
  const kind = expandable[String(object.object)]?.[field!];
  if (!kind) throw cannotExpand(fullPath);
  let value = object[field!];
  if (typeof value === "string") value = (await findObject<Json>(ctx, kind, value))?.value ?? value;
  if (rest.length && value && typeof value === "object") value = await expandPath(ctx, value as Json, rest, fullPath);
  return { ...object, [field!]: value };
}

/** The object with each requested `expand[]` path filled in, as Stripe answers it. */
export async function expandObject<T extends object>(ctx: EmulatorContext, object: T, paths: string[] = []): Promise<Json> {
  let out = { ...object } as Json;
  for (const path of paths) out = await expandPath(ctx, out, path.split("."), path);
  return out;
}

/** A Checkout Session, with `line_items` expandable as on Stripe (it is never included by default). */
export async function expandSession(ctx: EmulatorContext, record: SessionRecord, paths: string[] = []): Promise<Json> {
  const others = paths.filter((p) => p !== "line_items");
  const out = await expandObject(ctx, record.session, others);
  if (others.length === paths.length) return out;
  return { ...out, line_items: lineItemList(record) };
}

export function lineItemList(record: SessionRecord) {
  return list(record.lineItems, `/v1/checkout/sessions/${record.session.id}/line_items`);
}
