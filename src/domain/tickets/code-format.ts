// The text inside a ticket's QR code, and how to check it. No imports and no configuration:
// the door scanner's offline script can use this file as is, with only the public keys.
//
// A code is "T1:" followed by RFC 4648 base32 (A–Z, 2–7, upper case, no padding) of these bytes:
//
//   offset      length  content
//   0           1       format version, 1
//   1           1       K, length of the key id (1–8)
//   2           K       key id, ASCII letters and digits (which key signed it)
//   2+K         10      event id without "evt_"   ┐ each id is "<prefix>_" + 16 characters of
//   12+K        10      ticket id without "tkt_"  │ 0123456789abcdefghjkmnpqrstvwxyz (5 bits each),
//   22+K        10      tier id without "tier_"   ┘ packed big-endian: 80 bits = 10 bytes
//   32+K        64      Ed25519 signature of bytes 0 .. 32+K-1
//
// No personal data: ids only. Every character of the text is in QR's alphanumeric mode, so a
// code (159 to 170 characters with the prefix; 165 for a 5-character key id) fits QR version 7
// (45 × 45 modules) at error correction level M.
// The decoder is strict (exact length, upper case, zero padding bits), so every string has
// at most one meaning and any change to a signed code fails; normaliseTypedCode() first for
// codes typed by hand.

export const CODE_PREFIX = "T1:";
export const FORMAT_VERSION = 1;
const SIGNATURE_BYTES = 64;
const ID_BYTES = 10;
const MAX_CODE_LENGTH = 200;

export type TicketClaims = { eventId: string; ticketId: string; ticketTypeId: string };

export type VerifyResult =
  | ({ ok: true; keyId: string } & TicketClaims)
  | { ok: false; reason: "malformed" | "unknown_key" | "bad_signature" };

const idAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";
const idPrefixes = { eventId: "evt_", ticketId: "tkt_", ticketTypeId: "tier_" } as const;
const keyIdPattern = /^[A-Za-z0-9]{1,8}$/;

// ---- base32 (RFC 4648) ----

const base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function base32Encode(bytes: Uint8Array, alphabet = base32Alphabet): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += alphabet[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += alphabet[(buffer << (5 - bits)) & 31];
  return out;
}

/** Strict decoding: upper case only, no padding, and the unused trailing bits must be zero. */
export function base32Decode(text: string): Uint8Array | null {
  if (![0, 2, 4, 5, 7].includes(text.length % 8)) return null;
  const out = new Uint8Array(Math.floor((text.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let i = 0;
  for (const char of text) {
    const value = base32Alphabet.indexOf(char);
    if (value < 0) return null;
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[i++] = (buffer >> bits) & 255;
    }
    buffer &= (1 << bits) - 1;
  }
  return buffer === 0 ? out : null;
}

// ---- base64url, for keys ----

export function base64urlEncode(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function base64urlDecode(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

// ---- ids ----

function idToBytes(id: string, prefix: string): Uint8Array {
  const body = id.startsWith(prefix) ? id.slice(prefix.length) : "";
  if (body.length !== 16 || [...body].some((c) => !idAlphabet.includes(c))) {
    throw new TypeError(`malformed_id:${prefix}:${JSON.stringify(id)}`);
  }
  const out = new Uint8Array(ID_BYTES);
  let buffer = 0;
  let bits = 0;
  let i = 0;
  for (const char of body) {
    buffer = (buffer << 5) | idAlphabet.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[i++] = (buffer >> bits) & 255;
    }
    buffer &= (1 << bits) - 1;
  }
  return out;
}

function idFromBytes(bytes: Uint8Array, prefix: string): string {
  return prefix + base32Encode(bytes, idAlphabet);
}

// ---- codes ----

/** The bytes a key signs for these claims (offsets 0 .. 32+K-1 above). Throws on a malformed id or key id. */
export function ticketPayload(keyId: string, claims: TicketClaims): Uint8Array {
  if (!keyIdPattern.test(keyId)) throw new TypeError(`malformed_key_id:${JSON.stringify(keyId)}`);
  const ids = [idToBytes(claims.eventId, idPrefixes.eventId), idToBytes(claims.ticketId, idPrefixes.ticketId), idToBytes(claims.ticketTypeId, idPrefixes.ticketTypeId)];
  const out = new Uint8Array(2 + keyId.length + 3 * ID_BYTES);
  out[0] = FORMAT_VERSION;
  out[1] = keyId.length;
  out.set(new TextEncoder().encode(keyId), 2);
  ids.forEach((id, i) => out.set(id, 2 + keyId.length + i * ID_BYTES));
  return out;
}

/** The code's text: prefix, then base32 of the payload followed by its signature. */
export function formatTicketCode(payload: Uint8Array, signature: Uint8Array): string {
  const bytes = new Uint8Array(payload.length + signature.length);
  bytes.set(payload);
  bytes.set(signature, payload.length);
  return CODE_PREFIX + base32Encode(bytes);
}

export type ParsedTicketCode = { keyId: string; claims: TicketClaims; payload: Uint8Array<ArrayBuffer>; signature: Uint8Array<ArrayBuffer> };

/** A code as someone typed it from the small print: spaces and line breaks dropped, letters upper-cased. */
export function normaliseTypedCode(text: string): string {
  return text.replace(/\s+/g, "").toUpperCase();
}

/** Splits a code into its parts without checking the signature; null when it is not a well-formed code. */
export function parseTicketCode(code: unknown): ParsedTicketCode | null {
  if (typeof code !== "string" || code.length > MAX_CODE_LENGTH || !code.startsWith(CODE_PREFIX)) return null;
  const bytes = base32Decode(code.slice(CODE_PREFIX.length));
  if (!bytes || bytes.length < 2 || bytes[0] !== FORMAT_VERSION) return null;
  const k = bytes[1]!;
  if (bytes.length !== 2 + k + 3 * ID_BYTES + SIGNATURE_BYTES) return null;
  const keyId = String.fromCharCode(...bytes.subarray(2, 2 + k));
  if (!keyIdPattern.test(keyId)) return null;
  const id = (i: number, prefix: string) => idFromBytes(bytes.subarray(2 + k + i * ID_BYTES, 2 + k + (i + 1) * ID_BYTES), prefix);
  const split = bytes.length - SIGNATURE_BYTES;
  return {
    keyId,
    claims: { eventId: id(0, idPrefixes.eventId), ticketId: id(1, idPrefixes.ticketId), ticketTypeId: id(2, idPrefixes.ticketTypeId) },
    payload: bytes.slice(0, split),
    signature: bytes.slice(split),
  };
}

/**
 * Checks a code against the keys `findKey` knows (an Ed25519 public CryptoKey per key id).
 * The server and the offline scanner share this function, so they always agree.
 */
export async function verifyTicketCodeWith(code: unknown, findKey: (keyId: string) => Promise<CryptoKey | undefined>): Promise<VerifyResult> {
  const parsed = parseTicketCode(code);
  if (!parsed) return { ok: false, reason: "malformed" };
  const key = await findKey(parsed.keyId);
  if (!key) return { ok: false, reason: "unknown_key" };
  const valid = await crypto.subtle.verify({ name: "Ed25519" }, key, parsed.signature, parsed.payload);
  return valid ? { ok: true, keyId: parsed.keyId, ...parsed.claims } : { ok: false, reason: "bad_signature" };
}
