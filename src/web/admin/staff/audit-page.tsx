import type { StaffIdentity } from "@/domain/staff/roles";
import type { auditLog } from "@/domain/staff/staff";
import { AdminLayout } from "@/web/admin/admin-layout";
import { DataTable, type Column } from "@/web/admin/data-table";

type Log = Awaited<ReturnType<typeof auditLog>>;

const link = (entity: string, id: string) => (entity === "order" ? `/admin/orders/${id}` : entity === "event" ? `/admin/events/${id}` : undefined);

const auditColumns: Column<Log["entries"][number]>[] = [
  { heading: "When (UTC)", cell: (e) => e.createdAt.toISOString().replace("T", " ").slice(0, 19) },
  { heading: "Who", cell: (e) => e.staff?.email ?? "system" },
  { heading: "What", cell: (e) => e.action.replace(/_/g, " ") },
  {
    heading: "Record",
    cell: (e) => {
      const href = link(e.entity, e.entityId);
      return href ? <a href={href}>{e.entity}</a> : e.entity;
    },
  },
  { heading: "Details", cell: (e) => <code>{e.detail}</code> },
];

/** `/admin/audit` (owners): who changed what, and when. */
export function AuditPage(props: { log: Log; page: number; staff: StaffIdentity; csrfToken: string }) {
  const { log, page } = props;
  return (
    <AdminLayout title="Audit log" staff={props.staff} csrfToken={props.csrfToken} current="/admin/audit">
      <h1>Audit log</h1>
      <p>{log.total} entries, newest first.</p>
      <DataTable caption="Audit entries" captionHidden columns={auditColumns} rows={log.entries} empty="Nothing has been recorded yet." />
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
