import type { EmulatorContext } from "@/dev/stripe-emulator/context";

/** What each StripeEmulatorObject row holds. */
export type Kind = "checkout.session" | "payment_intent" | "charge" | "refund" | "event" | "idempotency_key";

/** A stored object with the exact text it was read from, for compare-and-swap updates. */
export type Stored<T> = { value: T; raw: string; sessionId: string | null };

/** The object of that kind with that id, or null. */
export async function findObject<T>(ctx: EmulatorContext, kind: Kind, id: string): Promise<Stored<T> | null> {
  const row = await ctx.db.stripeEmulatorObject.findUnique({ where: { id } });
  if (!row || row.kind !== kind) return null;
  return { value: JSON.parse(row.data) as T, raw: row.data, sessionId: row.sessionId };
}

export async function insertObject(ctx: EmulatorContext, kind: Kind, id: string, value: unknown, sessionId: string | null = null) {
  await ctx.db.stripeEmulatorObject.create({ data: { id, kind, sessionId, data: JSON.stringify(value) } });
}

/**
 * Replaces an object only if it still reads exactly as `before`: one conditional UPDATE, so
 * of two racing changes (pay and expire, two refunds) exactly one wins. D1 has no
 * interactive transactions, and Prisma's D1 adapter runs `$transaction([...])` as separate
 * queries, so this single statement is the commit point of every state change.
 */
export async function swapObject(ctx: EmulatorContext, id: string, before: string, after: unknown): Promise<boolean> {
  const { count } = await ctx.db.stripeEmulatorObject.updateMany({
    where: { id, data: before },
    data: { data: JSON.stringify(after) },
  });
  return count === 1;
}

export async function deleteObjects(ctx: EmulatorContext, ids: string[]) {
  await ctx.db.stripeEmulatorObject.deleteMany({ where: { id: { in: ids } } });
}
