import type { Config } from "@/config";
import { ConfigError } from "@/domain/errors";
import {
  base64urlDecode,
  formatTicketCode,
  ticketPayload,
  verifyTicketCodeWith,
  type TicketClaims,
  type VerifyResult,
} from "@/domain/tickets/code-format";

// Ed25519 keys for ticket codes (the byte format is documented in code-format.ts).
//   TICKET_SIGNING_KEY  "<key id>.<base64url PKCS#8>"        signs new codes
//   TICKET_PUBLIC_KEYS  "<key id>.<base64url raw 32 bytes>"  older keys, still accepted
// Ed25519 is deterministic, so a ticket's code is the same every time it is signed.

export type { TicketClaims, VerifyResult } from "@/domain/tickets/code-format";

const ed25519 = { name: "Ed25519" } as const;

type SigningKey = { keyId: string; privateKey: CryptoKey; publicKey: string };

// Imported keys live as long as the isolate; a failed import is forgotten so a fix takes effect.
const signingKeys = new Map<string, Promise<SigningKey>>();
const verifyingKeys = new Map<string, Promise<CryptoKey>>();

function splitKey(setting: string, name: string): [keyId: string, key: string] {
  const dot = setting.indexOf(".");
  if (dot < 1) throw new ConfigError({ setting: name, problem: "key_format" });
  return [setting.slice(0, dot), setting.slice(dot + 1)];
}

function cached<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let promise = map.get(key);
  if (!promise) {
    promise = load();
    map.set(key, promise);
    promise.catch(() => map.delete(key));
  }
  return promise;
}

/** The signing key, with its public half derived from it (so the two can never disagree). */
function signingKey(config: Config): Promise<SigningKey> {
  const setting = config.tickets.signingKey;
  return cached(signingKeys, setting, async () => {
    const [keyId, pkcs8] = splitKey(setting, "TICKET_SIGNING_KEY");
    try {
      const privateKey = await crypto.subtle.importKey("pkcs8", base64urlDecode(pkcs8), ed25519, true, ["sign"]);
      const jwk = (await crypto.subtle.exportKey("jwk", privateKey)) as JsonWebKey;
      if (!jwk.x) throw new Error("jwk_without_public_key");
      return { keyId, privateKey, publicKey: jwk.x };
    } catch (err) {
      throw new ConfigError({ setting: "TICKET_SIGNING_KEY", problem: "not_ed25519" }, { cause: err });
    }
  });
}

function verifyingKey(publicKey: string): Promise<CryptoKey> {
  return cached(verifyingKeys, publicKey, () => crypto.subtle.importKey("raw", base64urlDecode(publicKey), ed25519, false, ["verify"]));
}

/**
 * Every public key a code may be signed with: the current signing key's first, then the older
 * ones from TICKET_PUBLIC_KEYS. The offline scanner downloads this list.
 */
export async function publicKeys(config: Config): Promise<Array<{ keyId: string; publicKey: string }>> {
  const current = await signingKey(config);
  const keys = [{ keyId: current.keyId, publicKey: current.publicKey }];
  for (const setting of config.tickets.publicKeys) {
    const [keyId, publicKey] = splitKey(setting, "TICKET_PUBLIC_KEYS");
    const same = keys.find((k) => k.keyId === keyId);
    if (same && same.publicKey !== publicKey) {
      throw new ConfigError({ setting: "TICKET_PUBLIC_KEYS", problem: "key_id_clash", keyId });
    }
    if (!same) keys.push({ keyId, publicKey });
  }
  return keys;
}

/** Signs the ids a door scanner needs into the text of a ticket's QR code. */
export async function signTicketCode(config: Config, claims: TicketClaims): Promise<string> {
  const key = await signingKey(config);
  const payload = ticketPayload(key.keyId, claims);
  const signature = new Uint8Array(await crypto.subtle.sign(ed25519, key.privateKey, payload));
  return formatTicketCode(payload, signature);
}

/**
 * Checks a scanned or typed code. `malformed`: not a ticket code at all; `unknown_key`: signed
 * by a key we do not know (another system, or a key retired from TICKET_PUBLIC_KEYS);
 * `bad_signature`: altered or forged.
 */
export async function verifyTicketCode(config: Config, code: string): Promise<VerifyResult> {
  const keys = await publicKeys(config);
  return verifyTicketCodeWith(code, async (keyId) => {
    const known = keys.find((k) => k.keyId === keyId);
    return known ? verifyingKey(known.publicKey) : undefined;
  });
}
