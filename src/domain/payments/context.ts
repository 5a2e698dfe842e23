import type Stripe from "stripe";
import type { Config } from "@/config";
import type { PrismaClient } from "@/generated/prisma/client";
import type { EmulatorContext } from "@/dev/stripe-emulator/context";
import { emulatorFetch } from "@/dev/stripe-emulator";
import { createStripe } from "@/domain/payments/stripe-client";
import { lazy } from "@/lib/lazy";

export type Payments = { stripe: Stripe; emulator: EmulatorContext | undefined };

/**
 * The Stripe client (and, offline, the emulator it talks to) for one request or one
 * scheduled run. `dispatch` reaches this Worker's own fetch handler for emulator webhooks.
 */
export function paymentsFor(args: {
  config: Config;
  db: PrismaClient;
  origin: string;
  dispatch: (request: Request) => Promise<Response>;
  waitUntil: (promise: Promise<unknown>) => void;
}): Payments {
  const { config } = args;
  const emulator =
    config.stripe.mode === "emulator"
      ? { db: args.db, webhookSecret: config.stripe.webhookSecret, origin: args.origin, dispatch: args.dispatch, waitUntil: args.waitUntil }
      : undefined;
  const stripe = lazy(() => createStripe(config.stripe, () => emulatorFetch(emulator!)));
  return { stripe, emulator };
}
