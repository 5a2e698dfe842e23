import type Stripe from "stripe";
import type { Config } from "@/config";
import type { EmailComposer } from "@/domain/mail/message";

/** What services need from the outside world; routes and the scheduled handler supply it. */
export type ServiceDeps = {
  config: Config;
  /** The raw D1 binding, for atomic batches Prisma cannot express on D1. */
  d1: D1Database;
  stripe: Stripe;
  /** Origin for links that leave the request (Stripe return URLs). */
  origin: string;
  now: () => Date;
  /** Writes an outbox row's message; the edge supplies it (src/deps.ts), as the domain has no words. */
  composeEmail: EmailComposer;
  /**
   * Told whenever a statement queues mail (with its order, or null), so the edge can send it
   * right after the response; the cron sends whatever this misses.
   */
  mailQueued?: (orderId: string | null) => void;
};
