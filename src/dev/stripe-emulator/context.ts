import type { OfflineStripeContext } from "@/domain/payments/context";

/**
 * What the offline Stripe emulator needs from the Worker it runs in: the app's database,
 * the webhook secret, its origin, its own fetch handler and waitUntil. The app defines the
 * shape (it builds one per request when Stripe is offline); the emulator only reads it.
 */
export type EmulatorContext = OfflineStripeContext;
