import Stripe from "stripe";
import type { StripeConfig } from "@/config";
import { ConfigError } from "@/domain/errors";

/**
 * The Stripe SDK client for this request. With a key it talks to Stripe (or to
 * STRIPE_API_BASE, e.g. stripe-mock). Offline (no key), every SDK call goes through
 * `offlineFetch`, the development entry's emulator, in process, in Stripe's own wire
 * format, so the SDK's real request and response handling runs either way; the production
 * entry has no such stand-in, so offline it refuses.
 */
export function createStripe(config: StripeConfig, offlineFetch: (() => typeof fetch) | undefined): Stripe {
  if (config.mode === "offline") {
    if (!offlineFetch) {
      throw new ConfigError({ setting: "STRIPE_SECRET_KEY", problem: "no_offline_stripe" });
    }
    return new Stripe("sk_test_offline_emulator", {
      httpClient: Stripe.createFetchHttpClient(offlineFetch()),
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

const subtleCrypto = Stripe.createSubtleCryptoProvider();

/**
 * Verifies a webhook's signature with the SDK (WebCrypto on Workers); throws if it is not
 * Stripe's. It needs no client (the SDK's static `Stripe.webhooks`): building one costs about
 * as much CPU as the check, and a webhook that only fulfils an order never calls Stripe.
 */
export function verifyWebhook(rawBody: string, signature: string, secret: string) {
  return Stripe.webhooks.constructEventAsync(rawBody, signature, secret, undefined, subtleCrypto);
}
