import Stripe from "stripe";
import type { StripeConfig } from "@/config";

/**
 * The Stripe SDK client for this request. With a key it talks to Stripe (or to
 * STRIPE_API_BASE, e.g. stripe-mock); without one, every SDK call goes through
 * `emulatorFetch` to the built-in emulator, in process, in Stripe's own wire format, so the
 * SDK's real request and response handling runs either way.
 */
export function createStripe(config: StripeConfig, emulatorFetch: () => typeof fetch): Stripe {
  if (config.mode === "emulator") {
    return new Stripe("sk_test_offline_emulator", {
      httpClient: Stripe.createFetchHttpClient(emulatorFetch()),
      maxNetworkRetries: 0,
    });
  }
  const base = config.apiBase;
  return new Stripe(config.secretKey, {
    httpClient: Stripe.createFetchHttpClient(),
    maxNetworkRetries: 2,
    timeout: 20_000,
    ...(base && {
      host: base.hostname,
      port: base.port || (base.protocol === "https:" ? 443 : 80),
      protocol: base.protocol === "https:" ? "https" : "http",
    }),
  });
}

/** Verifies a webhook's signature with the SDK (WebCrypto on Workers); throws if it is not Stripe's. */
export function verifyWebhook(stripe: Stripe, rawBody: string, signature: string, secret: string) {
  return stripe.webhooks.constructEventAsync(rawBody, signature, secret, undefined, Stripe.createSubtleCryptoProvider());
}
