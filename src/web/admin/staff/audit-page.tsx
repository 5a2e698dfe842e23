import type { StaffIdentity } from "@/domain/staff/roles";
import type { auditLog } from "@/domain/staff/staff";
import { DEFAULT_TIMEZONE } from "@/domain/events/event-input";
import type { Messages } from "@/i18n";
import { formatDateTime } from "@/lib/format";
import { AdminLayout } from "@/web/admin/admin-layout";
import { DataTable, type Column } from "@/web/admin/data-table";
import { actionName, AuditFacts } from "@/web/admin/staff/audit-facts";

type Log = Awaited<ReturnType<typeof auditLog>>;

const link = (entity: string, id: string) => (entity === "order" ? `/admin/orders/${id}` : entity === "event" ? `/admin/events/${id}` : undefined);

/** The log is not tied to one event, so it shows the organisation's default zone, and says so. */
const zone = DEFAULT_TIMEZONE;

const auditColumns = (words: Messages["audit"]): Column<Log["entries"][number]>[] => [
  { heading: words.when({ zone }), cell: (e) => <time datetime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt, zone)}</time> },
  { heading: "Who", cell: (e) => e.staff?.email ?? words.system },
  { heading: "What", cell: (e) => actionName(e.action, words) },
  {
    heading: "Record",
    cell: (e) => {
      const href = link(e.entity, e.entityId);
      return href ? <a href={href}>{e.entity}</a> : e.entity;
    },
  },
  { heading: "Details", cell: (e) => <AuditFacts detail={e.detail} words={words} timeZone={zone} /> },
];

/** `/admin/audit` (owners): who changed what, and when. */
export function AuditPage(props: { log: Log; page: number; words: Messages["audit"]; staff: StaffIdentity; csrfToken: string }) {
  const { log, page } = props;
  return (
    <AdminLayout title="Audit log" staff={props.staff} csrfToken={props.csrfToken} current="/admin/audit">
      <h1>Audit log</h1>
      <p>{props.words.count({ count: log.total, zone })}</p>
      <DataTable caption="Audit entries" captionHidden columns={auditColumns(props.words)} rows={log.entries} empty="Nothing has been recorded yet." />
      {log.pages > 1 && (
        <nav aria-label="Pages" class="pager">
          {page > 1 && <a href={`?page=${page - 1}`}>← Newer</a>}
          <span>
            Page {page} of {log.pages}
          </span>
          {page < log.pages && <a href={`?page=${page + 1}`}>Older →</a>}
        </nav>
      )}
    </AdminLayout>
  );
}
