import { ConfirmedActionForm } from "@/web/admin/confirmed-action";
import { useMessages } from "@/web/shared/i18n";

/**
 * A person's erasure request: erases one order's personal data, once its box is ticked. Not
 * offered for an order still being paid for, nor for one already erased.
 */
export function EraseOrderForm(props: { order: { id: string; status: string; erasedAt: Date | null }; csrfToken: string; error?: string | undefined }) {
  const w = useMessages().privacy.order;
  if (props.order.erasedAt || props.order.status === "pending") return null;
  return (
    <ConfirmedActionForm
      action={`/admin/orders/${props.order.id}/erase`}
      csrfToken={props.csrfToken}
      boxId="confirm-erase"
      words={{ legend: w.heading, hint: w.explain, confirm: w.confirm, button: w.button }}
    />
  );
}

/** Where an erased order's buyer would be: when the data was erased. */
export function ErasedNote(props: { erasedAt: Date; timezone: string }) {
  const m = useMessages();
  return <>{m.privacy.order.erased({ date: m.format.date(props.erasedAt, props.timezone) })}</>;
}
