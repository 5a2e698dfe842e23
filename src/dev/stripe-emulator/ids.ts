const alphanumeric = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** `length` random letters and digits, unbiased (bytes past the last multiple of 62 are redrawn). */
function randomAlphanumeric(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < 248 && out.length < length) out += alphanumeric[byte % 62];
    }
  }
  return out;
}

/** An id shaped like Stripe's: `stripeId("pi")` → "pi_3Kq…" (24 characters after the prefix). */
export function stripeId(prefix: string): string {
  return `${prefix}_${randomAlphanumeric(24)}`;
}

/** Checkout Session ids are longer: "cs_test_a1…". */
export function checkoutSessionId(): string {
  return `cs_test_a1${randomAlphanumeric(56)}`;
}

/** Unix seconds, as every Stripe timestamp is. */
export function unixNow(now = Date.now()): number {
  return Math.floor(now / 1000);
}
