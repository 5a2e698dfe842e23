import { formatMoney } from "@/lib/format";
import type { AdminEvent } from "@/domain/events/admin-events";
import { CsrfField } from "@/web/admin/admin-layout";
import { DataTable, type Column } from "@/web/admin/data-table";
import { fieldId } from "@/web/shared/form-parts";

const eligibilityLabels: Record<string, string> = {
  open: "Open to everyone",
  declaration: "Declaration",
  member_list: "Members list",
  access_code: "Access code",
};

type Tier = AdminEvent["ticketTypes"][number];

/** A tier's links: edit it, or delete it while nothing is sold. */
function TierLinks(props: { tier: Tier; deletable: boolean; csrfToken: string }) {
  const { tier } = props;
  return (
    <ul class="admin-links">
      <li>
        <a href={`/admin/tiers/${tier.id}/edit`}>
          Edit<span class="visually-hidden"> the {tier.name} tier</span>
        </a>
      </li>
      {props.deletable && (
        <li>
          <form method="post" action={`/admin/tiers/${tier.id}/delete`} class="inline-action">
            <CsrfField token={props.csrfToken} />
            <button type="submit" class="button-link">
              Delete<span class="visually-hidden"> the {tier.name} tier (nothing sold)</span>
            </button>
          </form>
        </li>
      )}
    </ul>
  );
}

/** The event's tiers with what each has sold and holds, and links to change them. */
export function TierTable(props: { event: AdminEvent; deletable: Set<string>; csrfToken: string }) {
  const { event } = props;
  const columns: Column<Tier>[] = [
    {
      heading: "Tier",
      rowHeader: true,
      cell: (tier) => (
        <>
          {tier.name}
          <span class="admin-slug">{eligibilityLabels[tier.eligibility] ?? tier.eligibility}</span>
        </>
      ),
    },
    { heading: "Price", cell: (tier) => formatMoney(tier.priceMinor, event.currency) },
    { heading: "Seats", cell: (tier) => `${tier.soldCount} sold, ${tier.heldCount} held, ${tier.quota === null ? "no quota" : `quota ${tier.quota}`}` },
    { heading: "Change", cell: (tier) => <TierLinks tier={tier} deletable={props.deletable.has(tier.id)} csrfToken={props.csrfToken} /> },
  ];
  return (
    <section aria-labelledby="tiers-heading">
      <h2 id="tiers-heading">Ticket tiers</h2>
      <DataTable
        caption="Ticket tiers with who may buy, price, and seats sold, held and quota"
        captionHidden
        columns={columns}
        rows={event.ticketTypes}
        empty="No tiers yet. Add at least one before publishing."
        stack
      />
      <p>
        <a class="button-secondary" href={`/admin/events/${event.id}/tiers/new`}>
          Add a ticket tier
        </a>
      </p>
    </section>
  );
}

function ActionError(props: { name: string; errors: Record<string, string> }) {
  const error = props.errors[props.name];
  return error ? (
    <p class="error-message" id={`${fieldId(props.name)}-error`}>
      <span class="visually-hidden">Error: </span>
      {error}
    </p>
  ) : null;
}

/** Publish, cancel, archive and duplicate: each a POST whose button says what it does. */
export function StatusActions(props: { event: AdminEvent; csrfToken: string; errors: Record<string, string>; weeks: string }) {
  const { event, errors } = props;
  const canCancel = event.status === "draft" || event.status === "published";
  return (
    <section aria-labelledby="actions-heading" class="admin-status-actions">
      <h2 id="actions-heading">Publish, cancel or copy</h2>
      {event.status === "draft" && (
        <form method="post" action={`/admin/events/${event.id}/publish`}>
          <CsrfField token={props.csrfToken} />
          <h3>Publish</h3>
          <p>
            The event appears on the public list and its page, and tickets go on sale (from the sales opening time, if set). It needs at
            least one ticket tier. Check the <a href={`/admin/events/${event.id}/preview`}>preview</a> first.
          </p>
          <button type="submit" class="button-primary">
            Publish this event and open registration
          </button>
        </form>
      )}
      {canCancel && (
        <form method="post" action={`/admin/events/${event.id}/cancel`}>
          <CsrfField token={props.csrfToken} />
          <h3>Cancel</h3>
          <p>
            Registration closes at once and the public page says the event is cancelled. This cannot be undone. Nobody is refunded
            automatically: refund paid orders from the event's <a href={`/admin/events/${event.id}`}>dashboard</a>
            {event.soldCount > 0 ? ` (${event.soldCount} tickets are sold)` : ""}.
          </p>
          <div class={errors.confirm ? "field field-error" : "field"}>
            <ActionError name="confirm" errors={errors} />
            <div class="checkbox">
              <input type="checkbox" id="confirm" name="confirm" value="yes" aria-describedby={errors.confirm ? "confirm-error" : undefined} />
              <label for="confirm">Yes, cancel “{event.title}”</label>
            </div>
          </div>
          <button type="submit" class="admin-button-danger">
            Cancel this event and close registration
          </button>
        </form>
      )}
      {event.status !== "archived" && (
        <form method="post" action={`/admin/events/${event.id}/archive`}>
          <CsrfField token={props.csrfToken} />
          <h3>Archive</h3>
          <p>For events that are over: the records are kept, the public page shows it as a past event, and nothing more can be sold.</p>
          <button type="submit" class="button-secondary">
            Archive this event
          </button>
        </form>
      )}
      <form method="post" action={`/admin/events/${event.id}/duplicate`} novalidate class="admin-form">
        <CsrfField token={props.csrfToken} />
        <h3>Duplicate</h3>
        <p>
          Start next year's event from this one: a new draft with the same details, tiers (nothing sold) and programme, every date moved
          forward by whole weeks so it stays on the same weekday.
        </p>
        <div class={errors.weeks ? "field field-error" : "field"}>
          <label for="weeks">Move the dates forward by (weeks)</label>
          <p class="hint" id="weeks-hint">
            52 weeks is a year less a day or two, on the same weekday.
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
          Duplicate as a new draft
        </button>
      </form>
    </section>
  );
}
