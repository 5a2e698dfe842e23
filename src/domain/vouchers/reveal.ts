// A voucher code typed where it only shows something (the event page, the registration form's
// first step, the events API): checked as ordering checks it, and counted as a guess from the
// same per-client budget, so the pages are no free way to find codes.
import type { TicketType, Voucher } from "@/generated/prisma/client";
import type { ServiceDeps } from "@/domain/deps";
import type { VoucherRefusal } from "@/domain/errors";
import { issue } from "@/domain/issues";
import { spendGuesses } from "@/domain/orders/guessing";
import { clientKeyOf } from "@/domain/orders/place-order";
import { findVoucher, normaliseCode } from "@/domain/vouchers/repo";
import { tierVisible, voucherRefusal } from "@/domain/vouchers/rules";

/** A code as typed (normalised), the voucher when it may be used now (else null), and why not. */
export type VoucherLook = { code: string; voucher: Voucher | null; refusal: VoucherRefusal | null };

/**
 * Looks up `code` among `event`'s vouchers for `client` (CF-Connecting-IP, or "local"),
 * spending one guess first (rate_limited past the budget) and giving it back when the code
 * is good. A code is good when it could price an order of the tiers it makes visible now.
 */
export async function lookUpVoucher(deps: ServiceDeps, event: { id: string; ticketTypes: TicketType[] }, code: string, client: string, now: Date): Promise<VoucherLook> {
  const guesses = await spendGuesses(deps.d1, event.id, await clientKeyOf(client), [], now, 1);
  const voucher = await findVoucher(deps.d1, event.id, code);
  const tierIds = event.ticketTypes.filter((t) => tierVisible(t, voucher)).map((t) => t.id);
  const refusal = voucherRefusal(voucher, tierIds, now);
  await guesses.settle(refusal ? { voucher: issue("voucher_invalid", { reason: refusal }) } : {});
  return { code: normaliseCode(code), voucher: refusal ? null : voucher, refusal };
}
