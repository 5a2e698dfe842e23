import type Stripe from "stripe";
import { composeEmail } from "@emails/compose";
import type { Config } from "@/config";
import type { ServiceDeps } from "@/domain/deps";
import type { PrismaClient } from "@/generated/prisma/client";
import { messagesFor } from "@/i18n";

/**
 * What the domain needs from the outside world, built the same way for a request, a
 * scheduled run and the tests: the clients, and the edge's email writer (English until an
 * order remembers its buyer's language).
 */
export function serviceDepsFrom(parts: { config: Config; db: PrismaClient; d1: D1Database; stripe: Stripe; origin: string; now?: () => Date; mailQueued?: (orderId: string | null) => void }): ServiceDeps {
  const deps: ServiceDeps = {
    config: parts.config,
    db: parts.db,
    d1: parts.d1,
    stripe: parts.stripe,
    origin: parts.origin,
    now: parts.now ?? (() => new Date()),
    composeEmail: (row) => composeEmail(deps, row, messagesFor("en")),
    ...(parts.mailQueued ? { mailQueued: parts.mailQueued } : {}),
  };
  return deps;
}
