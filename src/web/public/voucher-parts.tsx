import type { Voucher } from "@/generated/prisma/client";
import type { VoucherLook } from "@/domain/vouchers/reveal";
import { issue } from "@/domain/issues";
import { priceWithVoucher, voucherCovers } from "@/domain/orders/pricing";
import { fieldMessage } from "@/i18n";
import { describedBy } from "@/web/shared/form-parts";
import { useMessages } from "@/web/shared/i18n";

/** "Join the waiting list" for a sold-out tier, naming the tier for screen readers. */
export function JoinWaitlistLink(props: { slug: string; tierId: string; tierName: string }) {
  const words = useMessages().waitlistPublic.eventPage;
  return (
    <a class="join-waitlist" href={`/events/${props.slug}/waitlist?tier=${encodeURIComponent(props.tierId)}`}>
      {words.join}
      <span class="visually-hidden">{words.joinFor({ tier: props.tierName })}</span>
    </a>
  );
}

/** A tier's price with a valid voucher ("£11.70 with STUDENT10"), or nothing when the code does not change it. */
export function VoucherPrice(props: { voucher: Voucher | null | undefined; tierId: string; priceMinor: number; currency: string }) {
  const m = useMessages();
  const { voucher } = props;
  if (!voucher || !voucherCovers(voucher, props.tierId)) return null;
  const price = priceWithVoucher(props.priceMinor, voucher);
  if (price === props.priceMinor) return null;
  return (
    <>
      {" "}
      <span class="voucher-price">{m.waitlistPublic.eventPage.withVoucher({ price: m.format.money(price, props.currency), code: voucher.code })}</span>
    </>
  );
}

/**
 * "Have a voucher code?": a GET form back to the event page (`?voucher=CODE`), saying whether
 * the code typed works, and why not when it does not.
 */
export function VoucherForm(props: { slug: string; look?: VoucherLook | undefined }) {
  const m = useMessages();
  const words = m.waitlistPublic.eventPage;
  const { look } = props;
  const error = look?.refusal ? fieldMessage(issue("voucher_invalid", { reason: look.refusal }), m) : undefined;
  const id = "event-voucher";
  return (
    <section aria-labelledby="voucher-heading" class="voucher-lookup no-print">
      <h2 id="voucher-heading">{words.voucherHeading}</h2>
      {look?.voucher && (
        <p class="notice" role="status">
          {words.voucherApplied({ code: look.voucher.code })}
        </p>
      )}
      <form method="get" action={`/events/${props.slug}`}>
        <div class={error ? "field field-error" : "field"}>
          <label for={id}>{words.voucherLabel}</label>
          {error && (
            <p class="error-message" id={`${id}-error`} role="alert">
              <span class="visually-hidden">{m.public.form.errorPrefix} </span>
              {error}
            </p>
          )}
          <div class="inline-form">
            <input id={id} name="voucher" type="text" autocomplete="off" maxlength={64} value={look?.code ?? ""} aria-invalid={error ? "true" : undefined} aria-describedby={describedBy(id, { error })} />
            <button type="submit" class="button-secondary">
              {words.voucherButton}
            </button>
          </div>
        </div>
      </form>
    </section>
  );
}
