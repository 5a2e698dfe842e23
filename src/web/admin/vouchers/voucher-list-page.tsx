import type { Event, TicketType, Voucher } from "@/generated/prisma/client";
import type { StaffIdentity } from "@/domain/staff/roles";
import type { Messages } from "@/i18n";
import { AdminLayout, CsrfField } from "@/web/admin/admin-layout";
import { DataTable, type Column } from "@/web/admin/data-table";
import { Notice } from "@/web/admin/events/fields";
import { CreateVoucherForm, GenerateVouchersForm } from "@/web/admin/vouchers/voucher-forms";
import { useMessages } from "@/web/shared/i18n";

type AdminEvent = Event & { ticketTypes: TicketType[] };
type FormState = { values: Record<string, string>; errors: Record<string, string>; message?: string | undefined };

type Props = {
  staff: StaffIdentity;
  csrfToken: string;
  event: AdminEvent;
  vouchers: Voucher[];
  /** The label the list is filtered by, or null for every code. */
  label: string | null;
  notice?: string | undefined;
  /** A sentence above the list (a refused deletion). */
  problem?: string | undefined;
  create: FormState;
  generate: FormState;
};

/** "10% off", "£2 off", "£5 each", "Unlocks Press": what a voucher does, in words. */
export function voucherDoes(m: Messages, v: Voucher, event: AdminEvent): string {
  const does = m.vouchersAdmin.list.does;
  if (v.kind === "percent") return does.percent({ percent: m.format.number(v.value) });
  if (v.kind === "amount") return does.amount({ amount: m.format.amount(v.value, event.currency) });
  if (v.kind === "fixed") return does.fixed({ amount: m.format.amount(v.value, event.currency) });
  return does.unlock({ tier: event.ticketTypes.find((t) => t.id === v.ticketTypeId)?.name ?? "" });
}

/** When a voucher may be used, in the event's zone. */
function validity(m: Messages, v: Voucher, zone: string): string {
  const words = m.vouchersAdmin.list;
  const from = v.validFrom && m.format.dateTime(v.validFrom, zone);
  const until = v.validUntil && m.format.dateTime(v.validUntil, zone);
  if (from && until) return words.validBetween({ from, until });
  if (from) return words.validFrom({ from });
  if (until) return words.validUntil({ until });
  return words.always;
}

/** The filter by label, and the CSV of what is shown. */
function Filter(props: { event: AdminEvent; label: string | null }) {
  const words = useMessages().vouchersAdmin.list;
  const base = `/admin/events/${props.event.id}/vouchers`;
  const csv = props.label === null ? `${base}.csv` : `${base}.csv?label=${encodeURIComponent(props.label)}`;
  return (
    <>
      <form method="get" action={base} class="admin-filter">
        <label for="filter-label">{words.filterLabel}</label>
        <input type="search" id="filter-label" name="label" value={props.label ?? ""} maxlength={100} class="input-medium" />
        <button type="submit" class="button-secondary">
          {words.filterButton}
        </button>
        {props.label !== null && <a href={base}>{words.filterClear}</a>}
      </form>
      <p>
        <a href={csv} download>
          {props.label ? words.downloadLabel({ label: props.label }) : words.download}
        </a>
      </p>
    </>
  );
}

/** `/admin/events/:id/vouchers`: the event's codes, what each does and how much it was used; forms to add or generate more. */
export function VoucherListPage(props: Props) {
  const m = useMessages();
  const words = m.vouchersAdmin.list;
  const { event } = props;
  const n = m.format.number;
  const columns: Column<Voucher>[] = [
    { heading: words.columns.code, rowHeader: true, cell: (v) => <code>{v.code}</code> },
    { heading: words.columns.label, cell: (v) => v.label },
    { heading: words.columns.does, cell: (v) => voucherDoes(m, v, event) },
    { heading: words.columns.tier, cell: (v) => (v.ticketTypeId === null ? words.allTiers : (event.ticketTypes.find((t) => t.id === v.ticketTypeId)?.name ?? "")) },
    { heading: words.columns.valid, cell: (v) => validity(m, v, event.timezone) },
    { heading: words.columns.uses, cell: (v) => (v.maxUses === null ? words.usesUnlimited({ used: n(v.usesCount) }) : words.uses({ used: n(v.usesCount), max: n(v.maxUses) })) },
    { heading: words.columns.seats, cell: (v) => (v.seatBudget === null ? words.seatsNoBudget({ used: n(v.seatsCount) }) : words.seats({ used: n(v.seatsCount), budget: n(v.seatBudget) })) },
    {
      heading: words.columns.actions,
      cell: (v) =>
        v.usesCount > 0 ? (
          words.inUse
        ) : (
          <form method="post" action={`/admin/events/${event.id}/vouchers/${v.id}/delete`} class="inline-action">
            <CsrfField token={props.csrfToken} />
            <button type="submit" class="button-link" aria-label={words.deleteLabel({ code: v.code })}>
              {words.delete}
            </button>
          </form>
        ),
    },
  ];
  const title = words.title({ event: event.title });
  const failed = props.create.message ?? props.generate.message;
  return (
    <AdminLayout title={failed || props.problem ? m.admin.errorTitle({ title }) : title} staff={props.staff} csrfToken={props.csrfToken} current="/admin">
      <p class="breadcrumb">
        <a href={`/admin/events/${event.id}/edit`}>← {event.title}</a>
      </p>
      <h1>{words.heading}</h1>
      <Notice text={props.notice} />
      {props.problem && (
        <p class="error-message" role="alert">
          {props.problem}
        </p>
      )}
      <p>{words.intro}</p>
      <Filter event={event} label={props.label} />
      <DataTable caption={words.caption} captionHidden columns={columns} rows={props.vouchers} empty={props.label === null ? words.empty : words.emptyFiltered({ label: props.label })} stack />
      <CreateVoucherForm event={event} csrfToken={props.csrfToken} {...props.create} />
      <GenerateVouchersForm event={event} csrfToken={props.csrfToken} {...props.generate} />
    </AdminLayout>
  );
}
