import type Stripe from "stripe";
import { composeEmail } from "@emails/compose";
import type { Config } from "@/config";
import type { ServiceDeps } from "@/domain/deps";

/**
 * What the domain needs from the outside world, built the same way for a request, a
 * scheduled run and the tests: the clients, and the edge's email writer (each message in its
 * recipient's language: emails/compose.ts).
 */
export function serviceDepsFrom(parts: { config: Config; d1: D1Database; stripe: Stripe; origin: string; now?: () => Date; mailQueued?: (orderId: string | null) => void }): ServiceDeps {
  const deps: ServiceDeps = {
    config: parts.config,
    d1: parts.d1,
    stripe: parts.stripe,
    origin: parts.origin,
    now: parts.now ?? (() => new Date()),
    composeEmail: (row, read) => composeEmail(deps, row, read),
    ...(parts.mailQueued ? { mailQueued: parts.mailQueued } : {}),
  };
  return deps;
}
