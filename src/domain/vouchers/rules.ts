// Whether a voucher may price an order, and which tiers it reveals. Prices themselves are
// computed in orders/pricing; the limits are enforced again by the order's own batch
// (vouchers/repo), so these checks give clear reasons and the database gives the guarantee.
import type { TicketType, Voucher } from "@/generated/prisma/client";
import type { VoucherRefusal } from "@/domain/errors";
import { voucherCovers } from "@/domain/orders/pricing";

/** Why `voucher` cannot price an order of `tierIds` at `now`, or null when it can. */
export function voucherRefusal(voucher: Voucher | null, tierIds: readonly string[], now: Date): VoucherRefusal | null {
  if (!voucher) return "unknown";
  if (voucher.validFrom && now < voucher.validFrom) return "not_yet_valid";
  if (voucher.validUntil && now >= voucher.validUntil) return "expired";
  const covered = tierIds.filter((id) => voucherCovers(voucher, id)).length;
  if (covered === 0) return "not_applicable";
  const seats = Math.min(covered, voucher.maxPerOrder ?? covered);
  if (voucher.maxUses !== null && voucher.usesCount >= voucher.maxUses) return "exhausted";
  if (voucher.seatBudget !== null && voucher.seatsCount + seats > voucher.seatBudget) return "exhausted";
  return null;
}

/** Whether a buyer holding `voucher` (or none) may see and buy `tier`: hidden tiers only with the code that unlocks them. */
export function tierVisible(tier: Pick<TicketType, "id" | "hidden">, voucher: Pick<Voucher, "kind" | "ticketTypeId"> | null): boolean {
  return !tier.hidden || (voucher?.kind === "unlock" && voucher.ticketTypeId === tier.id);
}
