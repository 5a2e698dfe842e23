import { createMiddleware } from "hono/factory";
import { bodyText, type ApiEnv } from "@/dev/stripe-emulator/api-env";
import type { EmulatorContext } from "@/dev/stripe-emulator/context";
import { StripeApiError } from "@/dev/stripe-emulator/errors";
import { findObject } from "@/dev/stripe-emulator/store";

type KeyRecord = {
  method: string;
  path: string;
  body: string;
  startedAt: number;
  response: { status: number; body: string; requestId: string } | null;
};

/** A key whose request never finished (its isolate died) is given up after this long. */
const ABANDONED_MS = 60_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Claims the key with one INSERT OR IGNORE: true when this request is the first to use it. */
async function reserve(ctx: EmulatorContext, id: string, record: KeyRecord): Promise<boolean> {
  const now = new Date();
  const inserted = await ctx.db.$executeRaw`
    INSERT OR IGNORE INTO "StripeEmulatorObject" (id, kind, data, "createdAt", "updatedAt")
    VALUES (${id}, 'idempotency_key', ${JSON.stringify(record)}, ${now}, ${now})`;
  return inserted === 1;
}

function inProgress(key: string) {
  return `There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): ${key}. Please try again later.`;
}

function idempotencyError(status: 400 | 409, message: string) {
  return new StripeApiError(status, "idempotency_error", message);
}

/**
 * Stripe's idempotent requests: the first POST with an `Idempotency-Key` runs and its
 * successful answer is saved; the same key again replays that answer (`Idempotent-Replayed:
 * true`), a different request with the key is refused, and a concurrent one gets a 409.
 * Failed requests release their key, as Stripe saves no result for rejected parameters.
 */
export const idempotency = createMiddleware<ApiEnv>(async function idempotency(c, next) {
  const key = c.req.header("idempotency-key");
  if (c.req.method !== "POST" || !key) return next();
  const ctx = c.env.emulator;
  const id = `idk_${key}`;
  const record: KeyRecord = { method: c.req.method, path: c.req.path, body: await bodyText(c), startedAt: Date.now(), response: null };

  for (let tries = 0; !(await reserve(ctx, id, record)); tries++) {
    const existing = await findObject<KeyRecord>(ctx, "idempotency_key", id);
    if (!existing && tries < 3) continue; // released meanwhile: try again
    if (!existing) throw idempotencyError(409, inProgress(key));
    const prior = existing.value;
    if (prior.method !== record.method || prior.path !== record.path || prior.body !== record.body) {
      throw idempotencyError(
        400,
        `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      );
    }
    if (prior.response) {
      return c.body(prior.response.body, prior.response.status as 200, {
        "content-type": "application/json",
        "idempotent-replayed": "true",
        "original-request": prior.response.requestId,
      });
    }
    if (tries > 2 || Date.now() - prior.startedAt < ABANDONED_MS) {
      throw idempotencyError(409, inProgress(key));
    }
    await ctx.db.stripeEmulatorObject.deleteMany({ where: { id, data: existing.raw } });
  }

  await next();
  if (c.res.status >= 200 && c.res.status < 300) {
    const response = { status: c.res.status, body: await c.res.clone().text(), requestId: c.var.requestId };
    await ctx.db.stripeEmulatorObject.update({ where: { id }, data: { data: JSON.stringify({ ...record, response }) } });
  } else {
    await ctx.db.stripeEmulatorObject.deleteMany({ where: { id } });
  }
});

/** Forgets keys older than a day, as Stripe does. */
export async function pruneIdempotencyKeys(ctx: EmulatorContext): Promise<number> {
  const { count } = await ctx.db.stripeEmulatorObject.deleteMany({
    where: { kind: "idempotency_key", createdAt: { lt: new Date(Date.now() - DAY_MS) } },
  });
  return count;
}
