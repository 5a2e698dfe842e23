const encoder = new TextEncoder();

function toHex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The `Stripe-Signature` header Stripe would send for `payload`: `t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "t.payload" keyed with the endpoint secret>`. Used by the emulator to sign
 * its webhooks and by tests; verification always goes through the Stripe SDK.
 */
export async function stripeSignatureHeader(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)) {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(`${timestamp}.${payload}`));
  return `t=${timestamp},v1=${toHex(mac)}`;
}
