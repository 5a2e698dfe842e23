import type { StaffIdentity } from "@/domain/staff/roles";
import type { auditLog } from "@/domain/staff/staff";
import { DEFAULT_TIMEZONE } from "@/domain/events/event-input";
import type { Messages } from "@/i18n";
import { AdminLayout } from "@/web/admin/admin-layout";
import { DataTable, type Column } from "@/web/admin/data-table";
import { actionName, AuditFacts } from "@/web/admin/staff/audit-facts";
import { useMessages } from "@/web/shared/i18n";

type Log = Awaited<ReturnType<typeof auditLog>>;

const link = (entity: string, id: string) => (entity === "order" ? `/admin/orders/${id}` : entity === "event" ? `/admin/events/${id}` : undefined);

/** The log is not tied to one event, so it shows the organisation's default zone, and says so. */
const zone = DEFAULT_TIMEZONE;

/** What a kind of record is called (a kind the catalogue does not know, as stored). */
const entityName = (entity: string, m: Messages) => (m.team.audit.entities as Record<string, string>)[entity] ?? entity.replace(/_/g, " ");

const auditColumns = (m: Messages): Column<Log["entries"][number]>[] => {
  const words = m.audit;
  const t = m.team.audit;
  return [
    { heading: words.when({ zone }), cell: (e) => <time datetime={e.createdAt.toISOString()}>{m.format.dateTime(e.createdAt, zone)}</time> },
    { heading: t.columns.who, cell: (e) => e.staff?.email ?? words.system },
    { heading: t.columns.what, cell: (e) => actionName(e.action, words) },
    {
      heading: t.columns.record,
      cell: (e) => {
        const href = link(e.entity, e.entityId);
        return href ? <a href={href}>{entityName(e.entity, m)}</a> : entityName(e.entity, m);
      },
    },
    { heading: t.columns.details, cell: (e) => <AuditFacts detail={e.detail} words={words} timeZone={zone} /> },
  ];
};

/** `/admin/audit` (owners): who changed what, and when. */
export function AuditPage(props: { log: Log; page: number; staff: StaffIdentity; csrfToken: string }) {
  const { log, page } = props;
  const m = useMessages();
  const t = m.team.audit;
  return (
    <AdminLayout title={t.title} staff={props.staff} csrfToken={props.csrfToken} current="/admin/audit">
      <h1>{t.title}</h1>
      <p>{m.audit.count({ count: log.total, zone })}</p>
      <DataTable caption={t.caption} captionHidden columns={auditColumns(m)} rows={log.entries} empty={t.empty} />
      {log.pages > 1 && (
        <nav aria-label={t.pages} class="pager">
          {page > 1 && <a href={`?page=${page - 1}`}>{t.newer}</a>}
          <span>{t.pageOf({ page, pages: log.pages })}</span>
          {page < log.pages && <a href={`?page=${page + 1}`}>{t.older}</a>}
        </nav>
      )}
    </AdminLayout>
  );
}
