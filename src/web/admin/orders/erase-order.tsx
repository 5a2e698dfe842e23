import { CsrfField } from "@/web/admin/admin-layout";
import { useMessages } from "@/web/shared/i18n";

/**
 * A person's erasure request: erases one order's personal data, once its box is ticked. Not
 * offered for an order still being paid for, nor for one already erased.
 */
export function EraseOrderForm(props: { order: { id: string; status: string; erasedAt: Date | null }; csrfToken: string; error?: string | undefined }) {
  const w = useMessages().privacy.order;
  if (props.order.erasedAt || props.order.status === "pending") return null;
  return (
    <form method="post" action={`/admin/orders/${props.order.id}/erase`} class="inline-action">
      <CsrfField token={props.csrfToken} />
      <fieldset>
        <legend>{w.heading}</legend>
        <p class="hint">{w.explain}</p>
        <div class="checkbox">
          <input type="checkbox" id="confirm-erase" name="confirm" value="yes" required />
          <label for="confirm-erase">{w.confirm}</label>
        </div>
        <button type="submit" class="button-secondary">
          {w.button}
        </button>
      </fieldset>
    </form>
  );
}

/** Where an erased order's buyer would be: when the data was erased. */
export function ErasedNote(props: { erasedAt: Date; timezone: string }) {
  const m = useMessages();
  return <>{m.privacy.order.erased({ date: m.format.date(props.erasedAt, props.timezone) })}</>;
}
