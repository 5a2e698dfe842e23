import type { Event } from "@/generated/prisma/client";
import { roles, type StaffIdentity } from "@/domain/staff/roles";
import type { listStaff } from "@/domain/staff/staff";
import { AdminLayout, CsrfField } from "@/web/admin/admin-layout";
import { TextField } from "@/web/shared/form-parts";
import { useMessages } from "@/web/shared/i18n";

type StaffRows = Awaited<ReturnType<typeof listStaff>>;

/** `/admin/staff` (owners): who has access, their roles and door events. */
export function StaffPage(props: { rows: StaffRows; events: Event[]; staff: StaffIdentity; csrfToken: string; error?: string | undefined; errors?: Record<string, string> }) {
  const { csrfToken } = props;
  const { team } = useMessages();
  const t = team.staff;
  return (
    <AdminLayout title={t.title} staff={props.staff} csrfToken={csrfToken} current="/admin/staff">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {props.error && (
        <p class="error-summary" role="alert">
          {props.error}
        </p>
      )}
      {props.rows.map((s) => (
        <section class="staff-card" aria-labelledby={`staff-${s.id}`}>
          <h2 id={`staff-${s.id}`}>
            {s.name || s.email} {s.disabledAt && <span class="badge badge-past">{t.disabledBadge}</span>}
          </h2>
          <p>{s.email}</p>
          <form method="post" action={`/admin/staff/${s.id}`}>
            <CsrfField token={csrfToken} />
            <div class="field">
              <label for={`role-${s.id}`}>{t.role}</label>
              <select id={`role-${s.id}`} name="role">
                {roles.map((r) => (
                  <option value={r} selected={s.role === r}>
                    {team.roles[r]}
                  </option>
                ))}
              </select>
            </div>
            <fieldset>
              <legend>{t.doorEvents}</legend>
              {props.events.map((e) => (
                <div class="checkbox">
                  <input type="checkbox" id={`ev-${s.id}-${e.id}`} name="events" value={e.id} checked={s.events.some((x) => x.eventId === e.id)} />
                  <label for={`ev-${s.id}-${e.id}`}>{e.title}</label>
                </div>
              ))}
            </fieldset>
            <div class="checkbox">
              <input type="checkbox" id={`disabled-${s.id}`} name="disabled" value="yes" checked={Boolean(s.disabledAt)} />
              <label for={`disabled-${s.id}`}>{t.disabled}</label>
            </div>
            <button type="submit" class="button-secondary">
              {t.save}
              <span class="visually-hidden"> {s.email}</span>
            </button>
          </form>
        </section>
      ))}
      <h2>{t.addHeading}</h2>
      <form method="post" action="/admin/staff">
        <CsrfField token={csrfToken} />
        <TextField name="email" label={t.email} type="email" required error={props.errors?.email} />
        <TextField name="name" label={t.name} error={props.errors?.name} />
        <div class="field">
          <label for="new-role">{t.role}</label>
          <select id="new-role" name="role">
            {roles.map((r) => (
              <option value={r} selected={r === "door"}>
                {team.roles[r]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button-primary">
          {t.add}
        </button>
      </form>
    </AdminLayout>
  );
}
