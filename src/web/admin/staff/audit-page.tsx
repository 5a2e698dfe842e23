import type { StaffIdentity } from "@/domain/staff/roles";
import type { auditLog } from "@/domain/staff/staff";
import { AdminLayout } from "@/web/admin/admin-layout";

type Log = Awaited<ReturnType<typeof auditLog>>;

const link = (entity: string, id: string) => (entity === "order" ? `/admin/orders/${id}` : entity === "event" ? `/admin/events/${id}` : undefined);

/** `/admin/audit` (owners): who changed what, and when. */
export function AuditPage(props: { log: Log; page: number; staff: StaffIdentity; csrfToken: string }) {
  const { log, page } = props;
  return (
    <AdminLayout title="Audit log" staff={props.staff} csrfToken={props.csrfToken} current="/admin/audit">
      <h1>Audit log</h1>
      <p>{log.total} entries, newest first.</p>
      <table class="admin-table">
        <caption class="visually-hidden">Audit entries</caption>
        <thead>
          <tr>
            <th scope="col">When (UTC)</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Record</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {log.entries.map((e) => {
            const href = link(e.entity, e.entityId);
            return (
              <tr>
                <td>{e.createdAt.toISOString().replace("T", " ").slice(0, 19)}</td>
                <td>{e.staff?.email ?? "system"}</td>
                <td>{e.action.replace(/_/g, " ")}</td>
                <td>{href ? <a href={href}>{e.entity}</a> : e.entity}</td>
                <td>
                  <code>{e.detail}</code>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
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
