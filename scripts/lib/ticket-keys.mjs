// Ed25519 key pairs for signing ticket QR codes, in the form the Worker's settings expect:
//   TICKET_SIGNING_KEY  = "<key id>.<base64url PKCS#8 private key>"
//   TICKET_PUBLIC_KEYS  = "<key id>.<base64url raw public key>" (older keys kept here verify still)
import { webcrypto } from "node:crypto";

const b64url = (bytes) => Buffer.from(bytes).toString("base64url");

/** A new key pair with a short random key id (e.g. "k7q2"). */
export async function generateTicketKeys(keyId = `k${Math.random().toString(36).slice(2, 6)}`) {
  const pair = await webcrypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"]);
  const pkcs8 = await webcrypto.subtle.exportKey("pkcs8", pair.privateKey);
  const raw = await webcrypto.subtle.exportKey("raw", pair.publicKey);
  return { keyId, signingKey: `${keyId}.${b64url(pkcs8)}`, publicKey: `${keyId}.${b64url(raw)}` };
}
