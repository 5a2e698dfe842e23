import type { AdminEvent } from "@/domain/events/admin-events";
import type { StaffIdentity } from "@/domain/staff/roles";
import type { OrganiserEntry, OrganiserWaitlist, TierSummary } from "@/domain/waitlist/organiser-list";
import type { WaitlistSettingsValues } from "@/domain/waitlist/settings-input";
import { defaultLocale } from "@/i18n";
import { AdminLayout, CsrfField, LinkedText, WithHidden } from "@/web/admin/admin-layout";
import { ConfirmedActionForm } from "@/web/admin/confirmed-action";
import { DataTable, type Column } from "@/web/admin/data-table";
import { Notice } from "@/web/admin/events/fields";
import { WaitlistSettingsForm } from "@/web/admin/waitlist/settings-form";
import { useLocale, useMessages } from "@/web/shared/i18n";

export type WaitlistPageProps = {
  staff: StaffIdentity;
  csrfToken: string;
  event: AdminEvent;
  list: OrganiserWaitlist;
  values: WaitlistSettingsValues;
  errors: Record<string, string>;
  notice?: string | undefined;
  /** Why an action was refused, as a sentence. */
  error?: string | undefined;
  /** Why the settings were not saved. */
  settingsProblem?: string | undefined;
};

/** A row's status in words: until when an offer holds, and the order bought through it. */
function StatusCell(props: { entry: OrganiserEntry; timezone: string }) {
  const m = useMessages();
  const w = m.waitlistAdmin.status;
  const e = props.entry;
  switch (e.status) {
    case "waiting":
      return <>{w.waiting}</>;
    case "offered":
      return <>{w.offered({ until: e.offerExpiresAt ? m.format.dateTime(e.offerExpiresAt, props.timezone) : "" })}</>;
    case "converted":
      return e.orderId && e.orderReference ? <LinkedText text={w.converted} params={{ reference: e.orderReference }} href={`/admin/orders/${e.orderId}`} label={e.orderReference} /> : <>{w.convertedNoOrder}</>;
    case "expired":
    case "removed":
    case "left":
      return <>{w[e.status]}</>;
    default:
      return <>{e.status}</>;
  }
}

/** "Offer now" for waiting rows, "Remove" (once confirmed) for waiting or offered rows. */
function RowActions(props: { entry: OrganiserEntry; eventId: string; csrfToken: string }) {
  const w = useMessages().waitlistAdmin;
  const e = props.entry;
  const base = `/admin/events/${props.eventId}/waitlist/${e.id}`;
  if (e.status !== "waiting" && e.status !== "offered") return null;
  return (
    <ul class="admin-links">
      {e.status === "waiting" && (
        <li>
          <form method="post" action={`${base}/offer`} class="inline-action">
            <CsrfField token={props.csrfToken} />
            <button type="submit" class="button-secondary">
              <WithHidden words={w.offerNow} params={{ name: e.name }} />
            </button>
          </form>
        </li>
      )}
      <li>
        <ConfirmedActionForm
          action={`${base}/remove`}
          csrfToken={props.csrfToken}
          boxId={`remove-${e.id}`}
          words={{ legend: w.remove.legend({ name: e.name }), hint: w.remove.hint, confirm: w.remove.confirm({ name: e.name }), button: w.remove.button }}
        />
      </li>
    </ul>
  );
}

/** The CSV download, and for readers of another language the same with headings in theirs. */
function Download(props: { eventId: string }) {
  const w = useMessages().waitlistAdmin.download;
  const href = `/admin/events/${props.eventId}/waitlist.csv`;
  return (
    <section aria-labelledby="waitlist-download-heading">
      <h2 id="waitlist-download-heading">{w.heading}</h2>
      <ul class="admin-links">
        <li>
          <a href={href}>{w.csv}</a>
        </li>
        {useLocale() !== defaultLocale && (
          <li>
            {w.translated} <a href={`${href}?headers=translated`}>{w.csvTranslated}</a>
          </li>
        )}
      </ul>
    </section>
  );
}

/** `/admin/events/:id/waitlist`: who waits for what, in joining order, with the list's settings. */
export function WaitlistPage(props: WaitlistPageProps) {
  const { event, list } = props;
  const m = useMessages();
  const w = m.waitlistAdmin;
  const state = !event.waitlistEnabled ? w.state.closed : event.waitlistPaused ? w.state.paused : w.state.open;
  const summaryColumns: Column<TierSummary>[] = [
    { heading: w.summary.columns.tier, rowHeader: true, cell: (t) => t.tierName },
    { heading: w.summary.columns.waiting, numeric: true, cell: (t) => m.format.number(t.waiting) },
    { heading: w.summary.columns.offered, numeric: true, cell: (t) => m.format.number(t.offered) },
    { heading: w.summary.columns.places, numeric: true, cell: (t) => m.format.number(t.placesWanted) },
  ];
  const c = w.list.columns;
  const columns: Column<OrganiserEntry>[] = [
    { heading: c.position, numeric: true, cell: (e) => m.format.number(e.position) },
    { heading: c.name, rowHeader: true, cell: (e) => e.name },
    { heading: c.email, cell: (e) => e.email },
    { heading: c.tier, cell: (e) => e.tierName },
    { heading: c.places, numeric: true, cell: (e) => m.format.number(e.places) },
    { heading: c.language, cell: (e) => e.language },
    { heading: c.status, cell: (e) => <StatusCell entry={e} timezone={event.timezone} /> },
    { heading: c.joined, cell: (e) => m.format.dateTime(e.createdAt, event.timezone) },
    { heading: c.actions, cell: (e) => <RowActions entry={e} eventId={event.id} csrfToken={props.csrfToken} /> },
  ];
  return (
    <AdminLayout title={w.title({ event: event.title })} staff={props.staff} csrfToken={props.csrfToken} current="/admin">
      <p class="breadcrumb">
        <a href={`/admin/events/${event.id}`}>← {event.title}</a>
      </p>
      <h1>{w.heading}</h1>
      <Notice text={props.notice} />
      {props.error && (
        <p class="error-summary" role="alert">
          {props.error}
        </p>
      )}
      <p>{w.intro}</p>
      <p>
        <strong>{state}</strong>
      </p>
      <h2>{w.summary.heading}</h2>
      <DataTable caption={w.summary.caption} captionHidden columns={summaryColumns} rows={list.tiers} empty={w.summary.empty} />
      <h2>{w.list.heading}</h2>
      <DataTable caption={w.list.caption} captionHidden columns={columns} rows={list.entries} empty={w.list.empty} stack />
      <Download eventId={event.id} />
      <WaitlistSettingsForm eventId={event.id} csrfToken={props.csrfToken} values={props.values} errors={props.errors} problem={props.settingsProblem} />
    </AdminLayout>
  );
}
