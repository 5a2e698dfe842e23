const alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

/** Random base32 string of `length` characters (5 bits of entropy each). */
export function randomBase32(length: number, chars = alphabet): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let out = "";
  for (const b of bytes) out += chars[b & 31];
  return out;
}

/** A record id such as "evt_5k2m9x…": a readable prefix and 80 random bits. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBase32(16)}`;
}
