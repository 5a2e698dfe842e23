// What a buyer brings beside their choice of tickets: a voucher code (`?voucher=`) and a
// waiting-list offer (its token), read the same way by the event page, the registration form
// and the offer page.
import type { Context } from "hono";
import type { WaitlistEntry } from "@/generated/prisma/client";
import type { AppEnv } from "@/env";
import { viewInLanguage, type EventView } from "@/domain/events/public-event";
import { offerRefusal } from "@/domain/waitlist/offers";
import { findEntryByOfferToken } from "@/domain/waitlist/repo";
import { messagesOf } from "@/web/shared/i18n";
import type { OfferNotice } from "@/web/public/registration-page";

/** A voucher code from a query (`?voucher=`), trimmed and bounded; undefined when none was typed. */
export function voucherQuery(value: string | undefined): string | undefined {
  const code = value?.trim().slice(0, 64);
  return code ? code : undefined;
}

/** What the offer `entry` holds, in the reader's words: places, tier, and until when in the event's zone. */
export function offerNoticeOf(c: Context<AppEnv>, view: EventView, entry: WaitlistEntry): OfferNotice {
  const m = messagesOf(c);
  const tier = viewInLanguage(view, c.var.locale).tiers.find((t) => t.tier.id === entry.ticketTypeId)?.tier.name ?? "";
  return { places: entry.places, tier, until: m.format.dateTime(entry.offerExpiresAt ?? new Date(), view.event.timezone), email: entry.email };
}

/** The notice of the offer a registration form carries (`token`), while it is still open; else undefined. */
export async function offerNotice(c: Context<AppEnv>, view: EventView, token: string): Promise<OfferNotice | undefined> {
  const entry = await findEntryByOfferToken(c.var.deps.d1, token);
  if (!entry || entry.eventId !== view.event.id || offerRefusal(entry, new Date())) return undefined;
  return offerNoticeOf(c, view, entry);
}
