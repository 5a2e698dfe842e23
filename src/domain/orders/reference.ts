import { randomBase32 } from "@/lib/ids";

// No 0/O or 1/I: references are read aloud at the door and typed from paper.
const unambiguous = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/** A short human-readable order reference such as "HRD-7KQ4M" (32^5 ≈ 33.5 million per prefix). */
export function newOrderReference(prefix: string): string {
  return `${prefix}-${randomBase32(5, unambiguous)}`;
}
