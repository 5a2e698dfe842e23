import type { Event, TicketType } from "@/generated/prisma/client";
import { ALL_TIERS, MAX_GENERATED, voucherKinds } from "@/domain/vouchers/input";
import type { VoucherFieldKey } from "@/i18n/areas/vouchers-admin";
import { CsrfField } from "@/web/admin/admin-layout";
import { Input, Radios, Select } from "@/web/admin/events/fields";
import { ErrorSummary } from "@/web/shared/form-parts";
import { useMessages } from "@/web/shared/i18n";

/** The generate form's fields are named "g.label", "g.kind"…: both forms share one page, and each field needs its own id. */
export const GENERATE_PREFIX = "g.";

type FormProps = {
  event: Event & { ticketTypes: TicketType[] };
  csrfToken: string;
  /** The form's values and errors by field name (without the prefix). */
  values: Record<string, string>;
  errors: Record<string, string>;
  /** The sentence above the form when it came back with problems. */
  message?: string | undefined;
};

/** The settings both forms share, their names after `prefix`. */
function SettingFields(props: FormProps & { prefix: string }) {
  const { event, values: v, errors: e, prefix } = props;
  const words = useMessages().vouchersAdmin.form;
  const field = (name: VoucherFieldKey) => ({ name: `${prefix}${name}`, label: words.labels[name], value: v[name] ?? "", error: e[name] });
  const tiers: Array<[string, string]> = [[ALL_TIERS, useMessages().vouchersAdmin.list.allTiers], ...event.ticketTypes.map((t): [string, string] => [t.id, t.hidden ? words.tierHidden({ tier: t.name }) : t.name])];
  const zone = event.timezone.replace(/_/g, " ");
  return (
    <>
      <Input {...field("label")} maxlength={100} hint={words.hints.label} />
      <Radios {...field("kind")} required options={voucherKinds.map((k) => ({ value: k, label: words.kinds[k] }))} />
      <Input {...field("value")} inputmode="decimal" width="short" hint={words.hints.value({ currency: event.currency })} />
      <Select {...field("tier")} hint={words.hints.tier} options={tiers} />
      <fieldset>
        <legend>{words.validLegend}</legend>
        <p class="hint">{words.hints.valid({ zone })}</p>
        <Input {...field("validFrom")} type="datetime-local" width="medium" />
        <Input {...field("validUntil")} type="datetime-local" width="medium" />
      </fieldset>
      <fieldset>
        <legend>{words.limitsLegend}</legend>
        <Input {...field("maxUses")} inputmode="numeric" width="short" hint={words.hints.maxUses} />
        <Input {...field("maxPerOrder")} inputmode="numeric" width="short" hint={words.hints.maxPerOrder} />
        <Input {...field("seatBudget")} inputmode="numeric" width="short" hint={words.hints.seatBudget} />
      </fieldset>
    </>
  );
}

/** The labels of a form's fields by their names in the HTML, for its error summary. */
const labelsFor = (labels: Record<VoucherFieldKey, string>, prefix: string) => Object.fromEntries(Object.entries(labels).map(([k, l]) => [`${prefix}${k}`, l]));
const prefixed = (errors: Record<string, string>, prefix: string) => Object.fromEntries(Object.entries(errors).map(([k, msg]) => [`${prefix}${k}`, msg]));

/** Adds one code (typed, or made when left blank). */
export function CreateVoucherForm(props: FormProps) {
  const words = useMessages().vouchersAdmin.form;
  return (
    <section aria-labelledby="create-heading">
      <h2 id="create-heading">{words.createHeading}</h2>
      {props.message && <ErrorSummary message={props.message} errors={props.errors} labels={labelsFor(words.labels, "")} />}
      <form method="post" action={`/admin/events/${props.event.id}/vouchers`} novalidate class="admin-form">
        <CsrfField token={props.csrfToken} />
        <Input name="code" label={words.labels.code} value={props.values.code ?? ""} error={props.errors.code} width="medium" maxlength={32} spellcheck={false} hint={words.hints.code} />
        <SettingFields {...props} prefix="" />
        <button type="submit" class="button-primary">
          {words.createButton}
        </button>
      </form>
    </section>
  );
}

/** Makes many codes with the same settings (single-use by default). */
export function GenerateVouchersForm(props: FormProps) {
  const words = useMessages().vouchersAdmin.form;
  const p = GENERATE_PREFIX;
  return (
    <section aria-labelledby="generate-heading">
      <h2 id="generate-heading">{words.generateHeading}</h2>
      <p>{words.generateIntro}</p>
      {props.message && <ErrorSummary message={props.message} errors={prefixed(props.errors, p)} labels={labelsFor(words.labels, p)} />}
      <form method="post" action={`/admin/events/${props.event.id}/vouchers/generate`} novalidate class="admin-form">
        <CsrfField token={props.csrfToken} />
        <Input name={`${p}count`} label={words.labels.count} value={props.values.count ?? ""} error={props.errors.count} required inputmode="numeric" width="short" hint={words.hints.count({ max: MAX_GENERATED })} />
        <Input name={`${p}prefix`} label={words.labels.prefix} value={props.values.prefix ?? ""} error={props.errors.prefix} width="medium" maxlength={12} spellcheck={false} hint={words.hints.prefix} />
        <SettingFields {...props} prefix={p} />
        <button type="submit" class="button-primary">
          {words.generateButton}
        </button>
      </form>
    </section>
  );
}
