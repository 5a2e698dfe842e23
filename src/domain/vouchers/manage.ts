// The organisers' changes to an event's vouchers: each one D1 batch with its audit entry.
import type { Voucher } from "@/generated/prisma/client";
import type { ServiceDeps } from "@/domain/deps";
import { DomainError } from "@/domain/errors";
import { issue } from "@/domain/issues";
import { runBatch } from "@/domain/batch";
import { newId } from "@/lib/ids";
import { auditStatement } from "@/domain/staff/audit";
import type { VoucherSettings } from "@/domain/vouchers/input";
import {
  VOUCHER_CODE_TAKEN,
  VOUCHER_EXHAUSTED,
  deleteUnusedVoucherStatement,
  findVoucherById,
  insertVoucherStatement,
  insertVouchersStatement,
  voucherGoneGuardStatement,
} from "@/domain/vouchers/repo";

// No 0/O, 1/I or L: codes are read aloud and typed from paper.
const unambiguous = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/** Tries before giving up on codes that keep clashing (a clash is already rare). */
const TRIES = 5;

/** `length` random characters of the unambiguous alphabet (unbiased: bytes past a multiple are redrawn). */
function randomCode(length: number): string {
  let out = "";
  const top = 256 - (256 % unambiguous.length);
  while (out.length < length) {
    for (const b of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (b < top && out.length < length) out += unambiguous[b % unambiguous.length];
    }
  }
  return out;
}

/** A new random code: "PARTNER-7KQ4M" with a prefix, "7KQ4MXR9" without. */
export const newVoucherCode = (prefix: string) => (prefix ? `${prefix}-${randomCode(5)}` : randomCode(8));

const detailOf = (eventId: string, code: string, s: VoucherSettings) => ({ eventId, code, kind: s.kind, value: s.value, maxUses: s.maxUses, seatBudget: s.seatBudget, label: s.label });

const isTaken = (err: unknown) => VOUCHER_CODE_TAKEN.test(String(err));

/**
 * Adds one voucher. A code typed by the organiser that the event already has is refused on
 * the code field; a code left blank is made, and made again on the rare clash. Returns it.
 */
export async function createVoucher(deps: ServiceDeps, staffId: string, eventId: string, code: string | null, settings: VoucherSettings): Promise<Voucher["code"]> {
  for (let attempt = 0; ; attempt++) {
    const chosen = code ?? newVoucherCode("");
    const id = newId("vch");
    const now = deps.now();
    try {
      await runBatch(deps.d1, [
        insertVoucherStatement(deps.d1, eventId, { ...settings, code: chosen }, now, id),
        auditStatement(deps.d1, { staffId, action: "voucher_created", entity: "voucher", entityId: id, detail: detailOf(eventId, chosen, settings) }, now),
      ]);
      return chosen;
    } catch (err) {
      if (!isTaken(err)) throw err;
      if (code !== null || attempt + 1 >= TRIES) throw new DomainError("invalid", {}, { code: issue("voucher_code_taken") });
    }
  }
}

/**
 * Makes `count` vouchers with the same settings and random codes (after `prefix`, if any), in
 * one batch with one audit entry: all of them or none. A clash with an existing code makes
 * every code again. Returns the codes.
 */
export async function generateVouchers(deps: ServiceDeps, staffId: string, eventId: string, count: number, prefix: string, settings: VoucherSettings): Promise<string[]> {
  for (let attempt = 0; ; attempt++) {
    const codes = new Set<string>();
    while (codes.size < count) codes.add(newVoucherCode(prefix));
    const list = [...codes];
    const now = deps.now();
    try {
      await runBatch(deps.d1, [
        insertVouchersStatement(deps.d1, eventId, list, settings, now),
        auditStatement(deps.d1, { staffId, action: "vouchers_generated", entity: "voucher", entityId: eventId, detail: { ...detailOf(eventId, prefix, settings), count } }, now),
      ]);
      return list;
    } catch (err) {
      if (!isTaken(err) || attempt + 1 >= TRIES) throw err;
    }
  }
}

/** Deletes a voucher no order has used; a used one is refused (conflict `voucher_used`) and stays. */
export async function deleteVoucher(deps: ServiceDeps, staffId: string, eventId: string, id: string): Promise<Voucher> {
  const voucher = await findVoucherById(deps.d1, eventId, id);
  if (!voucher) throw new DomainError("not_found", { what: "voucher", next: "back_to_event" });
  const now = deps.now();
  try {
    await runBatch(deps.d1, [
      deleteUnusedVoucherStatement(deps.d1, eventId, id),
      voucherGoneGuardStatement(deps.d1, id),
      auditStatement(deps.d1, { staffId, action: "voucher_deleted", entity: "voucher", entityId: id, detail: detailOf(eventId, voucher.code, voucher) }, now),
    ]);
  } catch (err) {
    if (VOUCHER_EXHAUSTED.test(String(err))) throw new DomainError("conflict", { reason: "voucher_used" });
    throw err;
  }
  return voucher;
}
