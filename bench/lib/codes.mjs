// Signs ticket codes in Node exactly as the Worker does (same byte format, imported from the
// source with Node's type stripping), so a benchmark can scan tickets it did not buy by hand.
import { webcrypto } from "node:crypto";
import { formatTicketCode, ticketPayload } from "../../src/domain/tickets/code-format.ts";

/** A signer for "<key id>.<base64url PKCS#8>" keys (TICKET_SIGNING_KEY). */
export async function ticketSigner(signingKey) {
  const [keyId, pkcs8] = signingKey.split(".");
  const key = await webcrypto.subtle.importKey("pkcs8", Buffer.from(pkcs8, "base64url"), { name: "Ed25519" }, false, ["sign"]);
  return async (claims) => {
    const payload = ticketPayload(keyId, claims);
    const signature = new Uint8Array(await webcrypto.subtle.sign("Ed25519", key, payload));
    return formatTicketCode(payload, signature);
  };
}
