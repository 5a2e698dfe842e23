// The rules of a waiting-list offer as a buyer uses it: whose it is, until when, for what.
import type { WaitlistEntry } from "@/generated/prisma/client";
import type { DomainErrorParams } from "@/domain/errors";
import { normaliseEmail } from "@/lib/text";

/** Why an offer cannot be used now by `buyerEmail` (when given), or null when it can. */
export function offerRefusal(entry: WaitlistEntry, now: Date, buyerEmail?: string): DomainErrorParams["offer_unavailable"]["reason"] | null {
  if (entry.status === "converted") return "used";
  if (entry.status === "expired" || (entry.status === "offered" && entry.offerExpiresAt !== null && entry.offerExpiresAt <= now)) return "expired";
  if (entry.status !== "offered") return "withdrawn";
  if (buyerEmail !== undefined && normaliseEmail(buyerEmail) !== entry.email) return "not_yours";
  return null;
}
