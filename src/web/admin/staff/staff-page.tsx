import type { Event } from "@/generated/prisma/client";
import { roles, type StaffIdentity } from "@/domain/staff/roles";
import type { listStaff } from "@/domain/staff/staff";
import { AdminLayout, CsrfField } from "@/web/admin/admin-layout";
import { TextField } from "@/web/shared/form-parts";

type StaffRows = Awaited<ReturnType<typeof listStaff>>;

/** `/admin/staff` (owners): who has access, their roles and door events. */
export function StaffPage(props: { rows: StaffRows; events: Event[]; staff: StaffIdentity; csrfToken: string; error?: string | undefined; errors?: Record<string, string> }) {
  const { csrfToken } = props;
  return (
    <AdminLayout title="Staff" staff={props.staff} csrfToken={csrfToken} current="/admin/staff">
      <h1>Staff</h1>
      <p>Owners manage staff; organisers run events, orders, exports and refunds; door staff only scan tickets for the events ticked below.</p>
      {props.error && (
        <p class="error-summary" role="alert">
          {props.error}
        </p>
      )}
      {props.rows.map((s) => (
        <section class="staff-card" aria-labelledby={`staff-${s.id}`}>
          <h2 id={`staff-${s.id}`}>
            {s.name || s.email} {s.disabledAt && <span class="badge badge-past">disabled</span>}
          </h2>
          <p>{s.email}</p>
          <form method="post" action={`/admin/staff/${s.id}`}>
            <CsrfField token={csrfToken} />
            <div class="field">
              <label for={`role-${s.id}`}>Role</label>
              <select id={`role-${s.id}`} name="role">
                {roles.map((r) => (
                  <option value={r} selected={s.role === r}>
                    {r}
                  </option>
                ))}
              </select>
            </div>
            <fieldset>
              <legend>Door events</legend>
              {props.events.map((e) => (
                <div class="checkbox">
                  <input type="checkbox" id={`ev-${s.id}-${e.id}`} name="events" value={e.id} checked={s.events.some((x) => x.eventId === e.id)} />
                  <label for={`ev-${s.id}-${e.id}`}>{e.title}</label>
                </div>
              ))}
            </fieldset>
            <div class="checkbox">
              <input type="checkbox" id={`disabled-${s.id}`} name="disabled" value="yes" checked={Boolean(s.disabledAt)} />
              <label for={`disabled-${s.id}`}>Disabled (signs them out and revokes their API tokens)</label>
            </div>
            <button type="submit" class="button-secondary">
              Save<span class="visually-hidden"> {s.email}</span>
            </button>
          </form>
        </section>
      ))}
      <h2>Add someone</h2>
      <form method="post" action="/admin/staff">
        <CsrfField token={csrfToken} />
        <TextField name="email" label="Email" type="email" required error={props.errors?.email} />
        <TextField name="name" label="Name" error={props.errors?.name} />
        <div class="field">
          <label for="new-role">Role</label>
          <select id="new-role" name="role">
            {roles.map((r) => (
              <option value={r} selected={r === "door"}>
                {r}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button-primary">
          Add
        </button>
      </form>
    </AdminLayout>
  );
}
