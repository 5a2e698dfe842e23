import type { AdminEvent } from "@/domain/events/admin-events";
import { CsrfField, LinkedText, WithHidden } from "@/web/admin/admin-layout";
import { useMessages } from "@/web/shared/i18n";
import { DataTable, type Column } from "@/web/admin/data-table";
import { fieldId } from "@/web/shared/form-parts";
import { WaitlistLink } from "@/web/admin/waitlist/waitlist-link";

type Tier = AdminEvent["ticketTypes"][number];

/** A tier's links: edit it, or delete it while nothing is sold. */
function TierLinks(props: { tier: Tier; deletable: boolean; csrfToken: string }) {
  const { tier } = props;
  const m = useMessages().admin.manage;
  return (
    <ul class="admin-links">
      <li>
        <a href={`/admin/tiers/${tier.id}/edit`}>
          <WithHidden words={m.editTier} params={{ name: tier.name }} />
        </a>
      </li>
      {props.deletable && (
        <li>
          <form method="post" action={`/admin/tiers/${tier.id}/delete`} class="inline-action">
            <CsrfField token={props.csrfToken} />
            <button type="submit" class="button-link">
              <WithHidden words={m.deleteTier} params={{ name: tier.name }} />
            </button>
          </form>
        </li>
      )}
    </ul>
  );
}

/** The event's tiers with what each has sold and holds, and links to change them. */
export function TierTable(props: { event: AdminEvent; deletable: Set<string>; csrfToken: string; waiting?: number }) {
  const { event } = props;
  const m = useMessages();
  const words = m.admin.manage;
  const columns: Column<Tier>[] = [
    {
      heading: words.columns.tier,
      rowHeader: true,
      cell: (tier) => (
        <>
          {tier.name}
          <span class="admin-slug">{words.eligibility[tier.eligibility as keyof typeof words.eligibility] ?? tier.eligibility}</span>
          {tier.hidden && <span class="admin-slug">{m.vouchersAdmin.hiddenTier.tag}</span>}
        </>
      ),
    },
    { heading: words.columns.price, cell: (tier) => m.format.money(tier.priceMinor, event.currency) },
    { heading: words.columns.seats, cell: (tier) => words.tierSeats({ sold: tier.soldCount, held: tier.heldCount, quota: tier.quota }) },
    { heading: words.columns.change, cell: (tier) => <TierLinks tier={tier} deletable={props.deletable.has(tier.id)} csrfToken={props.csrfToken} /> },
  ];
  return (
    <section aria-labelledby="tiers-heading">
      <h2 id="tiers-heading">{words.tiersHeading}</h2>
      <DataTable
        caption={words.tiersCaption}
        captionHidden
        columns={columns}
        rows={event.ticketTypes}
        empty={words.tiersEmpty}
        stack
      />
      <p>
        <a class="button-secondary" href={`/admin/events/${event.id}/tiers/new`}>
          {words.addTier}
        </a>
      </p>
      <p>
        <a href={`/admin/events/${event.id}/questions`}>{m.questions.list.manageLink}</a>
      </p>
      {props.waiting !== undefined && <WaitlistLink eventId={event.id} waiting={props.waiting} />}
      <p>
        <a href={`/admin/events/${event.id}/vouchers`}>{m.vouchersAdmin.link}</a>
      </p>
    </section>
  );
}

function ActionError(props: { name: string; errors: Record<string, string> }) {
  const error = props.errors[props.name];
  const m = useMessages().admin.manage;
  return error ? (
    <p class="error-message" id={`${fieldId(props.name)}-error`}>
      <span class="visually-hidden">{m.error}</span>
      {error}
    </p>
  ) : null;
}

/** On the cancel form: what ticket holders are told about refunds, in the message every holder gets. */
function RefundPlanField() {
  const w = useMessages().correspondence.cancellation;
  return (
    <div class="field">
      <label for="refundPlan">
        {w.refundPlanLabel} <span class="optional">{w.optional}</span>
      </label>
      <p class="hint" id="refundPlan-hint">
        {w.refundPlanHint}
      </p>
      <textarea id="refundPlan" name="refundPlan" rows={4} maxlength={5000} aria-describedby="refundPlan-hint"></textarea>
    </div>
  );
}

/** Publish, cancel, archive and duplicate: each a POST whose button says what it does. */
export function StatusActions(props: { event: AdminEvent; csrfToken: string; errors: Record<string, string>; weeks: string }) {
  const { event, errors } = props;
  const canCancel = event.status === "draft" || event.status === "published";
  const m = useMessages().admin.manage;
  return (
    <section aria-labelledby="actions-heading" class="admin-status-actions">
      <h2 id="actions-heading">{m.actionsHeading}</h2>
      <p>
        <a href={`/admin/events/${event.id}/messages`}>{useMessages().correspondence.messages.link}</a>
      </p>
      {event.status === "draft" && (
        <form method="post" action={`/admin/events/${event.id}/publish`}>
          <CsrfField token={props.csrfToken} />
          <h3>{m.publishHeading}</h3>
          <p>
            <LinkedText text={m.publishBody} params={{}} href={`/admin/events/${event.id}/preview`} label={m.publishLink} />
          </p>
          <button type="submit" class="button-primary">
            {m.publishButton}
          </button>
        </form>
      )}
      {canCancel && (
        <form method="post" action={`/admin/events/${event.id}/cancel`}>
          <CsrfField token={props.csrfToken} />
          <h3>{m.cancelHeading}</h3>
          <p>
            <LinkedText text={m.cancelBody} params={{ sold: event.soldCount }} href={`/admin/events/${event.id}`} label={m.cancelLink} />
          </p>
          <div class={errors.confirm ? "field field-error" : "field"}>
            <ActionError name="confirm" errors={errors} />
            <div class="checkbox">
              <input type="checkbox" id="confirm" name="confirm" value="yes" aria-describedby={errors.confirm ? "confirm-error" : undefined} />
              <label for="confirm">{m.cancelConfirm({ title: event.title })}</label>
            </div>
          </div>
          <RefundPlanField />
          <button type="submit" class="admin-button-danger">
            {m.cancelButton}
          </button>
        </form>
      )}
      {event.status !== "archived" && (
        <form method="post" action={`/admin/events/${event.id}/archive`}>
          <CsrfField token={props.csrfToken} />
          <h3>{m.archiveHeading}</h3>
          <p>{m.archiveBody}</p>
          <button type="submit" class="button-secondary">
            {m.archiveButton}
          </button>
        </form>
      )}
      <form method="post" action={`/admin/events/${event.id}/duplicate`} novalidate class="admin-form">
        <CsrfField token={props.csrfToken} />
        <h3>{m.duplicateHeading}</h3>
        <p>{m.duplicateBody}</p>
        <div class={errors.weeks ? "field field-error" : "field"}>
          <label for="weeks">{m.weeksLabel}</label>
          <p class="hint" id="weeks-hint">
            {m.weeksHint}
          </p>
          <ActionError name="weeks" errors={errors} />
          <input
            type="text"
            inputmode="numeric"
            id="weeks"
            name="weeks"
            value={props.weeks}
            class="input-short"
            aria-invalid={errors.weeks ? "true" : undefined}
            aria-describedby={errors.weeks ? "weeks-hint weeks-error" : "weeks-hint"}
          />
        </div>
        <button type="submit" class="button-secondary">
          {m.duplicateButton}
        </button>
      </form>
    </section>
  );
}
