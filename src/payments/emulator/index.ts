// PLACEHOLDER: the offline Stripe emulator is being written (see the emulator task).
import type { EmulatorContext } from "@/payments/emulator/context";

/** A fetch function that answers Stripe API requests (https://api.stripe.com/v1/...) offline. */
export function emulatorFetch(_ctx: EmulatorContext): typeof fetch {
  return (async () => new Response(JSON.stringify({ error: { type: "api_error", message: "emulator not built yet" } }), { status: 500 })) as unknown as typeof fetch;
}

/** Delivers webhooks that are due (first tries and retries). */
export async function deliverPendingWebhooks(_ctx: EmulatorContext): Promise<{ delivered: number; failed: number }> {
  return { delivered: 0, failed: 0 };
}

/** Expires open sessions whose expires_at has passed, as Stripe does, emitting checkout.session.expired. */
export async function expireDueSessions(_ctx: EmulatorContext): Promise<number> {
  return 0;
}
