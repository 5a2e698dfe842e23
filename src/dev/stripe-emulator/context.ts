import type { PrismaClient } from "@/generated/prisma/client";
import type { OfflineStripeContext } from "@/domain/payments/context";
import { prismaFor } from "@/dev/db";
import { lazy } from "@/lib/lazy";

/**
 * What the offline Stripe emulator needs from the Worker it runs in: the app's context for it
 * (the database binding, the webhook secret, its origin, its own fetch handler and waitUntil),
 * and a Prisma client of its own over that database. Prisma lives only here, in the
 * development entry: the production Worker does not bundle it.
 */
export type EmulatorContext = OfflineStripeContext & { db: PrismaClient };

const clients = new WeakMap<OfflineStripeContext, EmulatorContext>();

/** The emulator's context for the app's `offline` context: one per request or run, its Prisma client built on first use. */
export function emulatorContextOf(offline: OfflineStripeContext): EmulatorContext {
  let ctx = clients.get(offline);
  if (!ctx) {
    ctx = { ...offline, db: lazy(() => prismaFor(offline.d1)) };
    clients.set(offline, ctx);
  }
  return ctx;
}
