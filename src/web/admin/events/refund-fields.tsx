import { refundPolicies } from "@/domain/self-service/policy";
import { Input, Select } from "@/web/admin/events/fields";
import { useMessages } from "@/web/shared/i18n";

/**
 * The event form's self-service settings: what an attendee who cancels gets back (nothing, all
 * until a date, or all less a fee) and how long before the start their changes close.
 */
export function RefundFields(props: { values: Record<string, string>; errors: Record<string, string> }) {
  const w = useMessages().selfService.form;
  const { values: v, errors: e } = props;
  return (
    <fieldset>
      <legend>{w.legend}</legend>
      <Select name="refundPolicy" label={w.policyLabel} value={v.refundPolicy ?? "none"} error={e.refundPolicy} options={refundPolicies.map((p) => [p, w.policies[p]])} />
      <Input name="refundUntil" label={w.untilLabel} type="datetime-local" width="medium" value={v.refundUntil ?? ""} error={e.refundUntil} hint={w.untilHint} />
      <Input name="refundFee" label={w.feeLabel} inputmode="decimal" width="short" value={v.refundFee ?? ""} error={e.refundFee} hint={w.feeHint} />
      <Input name="changesCutoffHours" label={w.cutoffLabel} inputmode="numeric" width="short" required value={v.changesCutoffHours ?? "24"} error={e.changesCutoffHours} hint={w.cutoffHint} />
    </fieldset>
  );
}
