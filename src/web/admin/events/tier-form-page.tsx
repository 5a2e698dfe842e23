import type { Event, TicketType } from "@/generated/prisma/client";
import { ACCESS_CODE_MIN, type TierFormValues } from "@/domain/events/tier-input";
import type { StaffIdentity } from "@/domain/staff/roles";
import { AdminLayout, CsrfField } from "@/web/admin/admin-layout";
import { Input, Radios, TextArea } from "@/web/admin/events/fields";
import { ErrorSummary } from "@/web/shared/form-parts";
import { TierTranslationFields, versionLabels } from "@/web/admin/events/translation-fields";
import type { Messages } from "@/i18n";
import type { TierFieldKey } from "@/i18n/areas/admin";
import { useMessages } from "@/web/shared/i18n";

/** Field labels in the reader's language, also used by the error summary. */
export const tierLabels = (m: Messages["admin"]): Record<TierFieldKey, string> => m.tierForm.labels;

type Props = {
  staff: StaffIdentity;
  csrfToken: string;
  event: Event;
  /** The tier being edited; absent when adding one. */
  tier?: TicketType | undefined;
  values: TierFormValues;
  errors: Record<string, string>;
  message?: string | undefined;
};

const eligibilityOptions = (m: Messages["admin"]["tierForm"]) =>
  (["open", "declaration", "member_list", "access_code"] as const).map((value) => ({ value, ...m.eligibility[value] }));

/** `/admin/events/:id/tiers/new` and `/admin/tiers/:id/edit`. */
export function TierFormPage(props: Props) {
  const { event, tier, values: v, errors: e } = props;
  const admin = useMessages().admin;
  const hidden = useMessages().vouchersAdmin.hiddenTier;
  const m = admin.tierForm;
  const hints = m.hints;
  const field = (name: TierFieldKey) => ({ name, label: m.labels[name], value: v[name], error: e[name] });
  const heading = tier ? m.edit({ name: tier.name }) : m.add;
  const taken = tier ? tier.soldCount + tier.heldCount : 0;
  const title = m.title({ heading, event: event.title });
  return (
    <AdminLayout title={props.message ? admin.errorTitle({ title }) : title} staff={props.staff} csrfToken={props.csrfToken} current="/admin">
      <p class="breadcrumb">
        <a href={`/admin/events/${event.id}/edit`}>← {event.title}</a>
      </p>
      <h1>{heading}</h1>
      {tier && (
        <dl class="facts admin-tier-counts">
          <dt>{m.sold}</dt>
          <dd>{tier.soldCount}</dd>
          <dt>{m.held}</dt>
          <dd>{m.heldCount({ count: tier.heldCount })}</dd>
          <dt>{m.quota}</dt>
          <dd>{tier.quota ?? m.noQuota}</dd>
        </dl>
      )}
      {props.message && <ErrorSummary message={props.message} errors={props.errors} labels={{ ...tierLabels(admin), ...versionLabels() }} />}
      <form method="post" action={tier ? `/admin/tiers/${tier.id}/edit` : `/admin/events/${event.id}/tiers/new`} novalidate class="admin-form">
        <CsrfField token={props.csrfToken} />
        <Input {...field("name")} required maxlength={100} hint={hints.name} />
        <Input {...field("description")} maxlength={300} />
        <Input {...field("price")} inputmode="decimal" width="short" required hint={hints.price({ currency: event.currency })} />
        <Input
          {...field("quota")}
          inputmode="numeric"
          width="short"
          hint={hints.quota({ taken })}
        />
        <Radios {...field("eligibility")} required options={eligibilityOptions(m)} />
        <TextArea {...field("declarationText")} rows={2} maxlength={200} hint={hints.declarationText} />
        <Input
          {...field("accessCode")}
          width="medium"
          maxlength={64}
          spellcheck={false}
          hint={tier?.accessCodeHash ? hints.accessCodeKept : hints.accessCodeNew({ min: ACCESS_CODE_MIN })}
        />
        <fieldset>
          <legend>{m.windowLegend}</legend>
          <p class="hint">{hints.window({ zone: event.timezone.replace(/_/g, " ") })}</p>
          <Input {...field("salesStart")} type="datetime-local" width="medium" hint={hints.salesStart} />
          <Input {...field("salesEnd")} type="datetime-local" width="medium" hint={hints.salesEnd} />
        </fieldset>
        <TierTranslationFields values={v} errors={e} mainLanguage={event.mainLanguage} />
        <Input {...field("minPerOrder")} inputmode="numeric" width="short" hint={hints.minPerOrder} />
        <Input {...field("maxPerOrder")} inputmode="numeric" width="short" hint={hints.maxPerOrder({ max: event.maxPerOrder })} />
        <Input {...field("sortOrder")} inputmode="numeric" width="short" hint={hints.sortOrder} />
        <fieldset class="field">
          <legend>{hidden.legend}</legend>
          <div class="checkbox">
            <input type="checkbox" id="hidden" name="hidden" value="yes" checked={v.hidden === "yes"} />
            <label for="hidden">{hidden.box}</label>
          </div>
        </fieldset>
        <button type="submit" class="button-primary">
          {tier ? m.save : m.addButton}
        </button>
      </form>
    </AdminLayout>
  );
}
