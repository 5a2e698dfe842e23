import type { Event, TicketType } from "@/generated/prisma/client";
import { ACCESS_CODE_MIN, type TierFormValues } from "@/domain/events/tier-input";
import type { StaffIdentity } from "@/domain/staff/roles";
import { AdminLayout, CsrfField } from "@/web/admin/admin-layout";
import { Input, Radios, TextArea } from "@/web/admin/events/fields";
import { ErrorSummary } from "@/web/shared/form-parts";
import { TierTranslationFields, versionLabels } from "@/web/admin/events/translation-fields";

export const tierLabels: Record<keyof TierFormValues, string> = {
  name: "Name",
  description: "Description",
  price: "Price",
  quota: "Quota",
  eligibility: "Who may buy this tier",
  declarationText: "Statement to confirm",
  accessCode: "Access code",
  salesStart: "Sales open",
  salesEnd: "Sales close",
  minPerOrder: "Fewest per order",
  maxPerOrder: "Most per order",
  sortOrder: "Position in the list",
};

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

const eligibilityOptions = [
  { value: "open", label: "Anyone", hint: "For example the non-member price." },
  { value: "declaration", label: "People who confirm a statement", hint: "They tick the statement below, e.g. “I am a student, unwaged or receiving a pension”." },
  { value: "member_list", label: "Members on the members list", hint: "Checked against the email or membership number on the Members page." },
  { value: "access_code", label: "People with an access code", hint: "For speakers, volunteers or guests: they type the code below." },
];

/** `/admin/events/:id/tiers/new` and `/admin/tiers/:id/edit`. */
export function TierFormPage(props: Props) {
  const { event, tier, values: v, errors: e } = props;
  const field = (name: keyof TierFormValues) => ({ name, label: tierLabels[name], value: v[name], error: e[name] });
  const heading = tier ? `Edit the ${tier.name} tier` : "Add a ticket tier";
  const taken = tier ? tier.soldCount + tier.heldCount : 0;
  return (
    <AdminLayout title={`${props.message ? "Error: " : ""}${heading} · ${event.title}`} staff={props.staff} csrfToken={props.csrfToken} current="/admin">
      <p class="breadcrumb">
        <a href={`/admin/events/${event.id}/edit`}>← {event.title}</a>
      </p>
      <h1>{heading}</h1>
      {tier && (
        <dl class="facts admin-tier-counts">
          <dt>Sold</dt>
          <dd>{tier.soldCount}</dd>
          <dt>Held</dt>
          <dd>{tier.heldCount} (in orders waiting for payment)</dd>
          <dt>Quota</dt>
          <dd>{tier.quota ?? "none"}</dd>
        </dl>
      )}
      {props.message && <ErrorSummary message={props.message} errors={props.errors} labels={{ ...tierLabels, ...versionLabels() }} />}
      <form method="post" action={tier ? `/admin/tiers/${tier.id}/edit` : `/admin/events/${event.id}/tiers/new`} novalidate class="admin-form">
        <CsrfField token={props.csrfToken} />
        <Input {...field("name")} required maxlength={100} hint="As buyers see it, e.g. Member, Concession, Non-member." />
        <Input {...field("description")} maxlength={300} />
        <Input {...field("price")} inputmode="decimal" width="short" required hint={`In ${event.currency === "GBP" ? "pounds and pence" : event.currency}, e.g. 8 or 12.50. 0 makes the ticket free.`} />
        <Input
          {...field("quota")}
          inputmode="numeric"
          width="short"
          hint={`The most of this tier that can be sold; the event's capacity still applies. Leave blank for no quota.${taken ? ` ${taken} are sold or held, so it cannot go below that.` : ""}`}
        />
        <Radios {...field("eligibility")} required options={eligibilityOptions} />
        <TextArea {...field("declarationText")} rows={2} maxlength={200} hint="Only for “People who confirm a statement”." />
        <Input
          {...field("accessCode")}
          width="medium"
          maxlength={64}
          spellcheck={false}
          hint={
            tier?.accessCodeHash
              ? "Only for “People with an access code”. The code is stored scrambled, so it cannot be shown: leave this blank to keep the current code, or type a new one to replace it."
              : `Only for “People with an access code”: at least ${ACCESS_CODE_MIN} characters. Letter case and spaces around it do not matter.`
          }
        />
        <fieldset>
          <legend>Sales window for this tier</legend>
          <p class="hint">Local time at the venue ({event.timezone.replace(/_/g, " ")}). Leave both blank to follow the event's sales dates.</p>
          <Input {...field("salesStart")} type="datetime-local" width="medium" hint="For example 2027-05-01 09:00." />
          <Input {...field("salesEnd")} type="datetime-local" width="medium" hint="For example an early-bird price ending on 2027-05-31 23:59." />
        </fieldset>
        <TierTranslationFields values={v} errors={e} mainLanguage={event.mainLanguage} />
        <Input {...field("minPerOrder")} inputmode="numeric" width="short" hint="Leave blank for no minimum." />
        <Input {...field("maxPerOrder")} inputmode="numeric" width="short" hint={`Leave blank to allow up to the event's limit (${event.maxPerOrder}).`} />
        <Input {...field("sortOrder")} inputmode="numeric" width="short" hint="Tiers are listed from the lowest number. Leave blank to keep its place (a new tier goes last)." />
        <button type="submit" class="button-primary">
          {tier ? "Save the tier" : "Add the tier"}
        </button>
      </form>
    </AdminLayout>
  );
}
