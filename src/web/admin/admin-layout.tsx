import type { Child } from "hono/jsx";
import { can, type StaffIdentity } from "@/domain/staff/roles";
import { Layout } from "@/web/shared/layout";

/** The CSRF field every organiser form carries. */
export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/** Organiser pages: the site shell plus a navigation bar for the staff member's role. */
export function AdminLayout(props: { title: string; staff: StaffIdentity; csrfToken: string; children: Child; current?: string }) {
  const { staff } = props;
  const links: Array<[string, string, boolean]> = [
    ["/admin", "Events", can(staff, "manage_events")],
    ["/admin/members", "Members", can(staff, "manage_members")],
    ["/admin/staff", "Staff", can(staff, "manage_staff")],
    ["/admin/tokens", "API tokens", can(staff, "signed_in")],
    ["/admin/audit", "Audit log", can(staff, "view_audit")],
  ];
  const nav = (
    <nav class="admin-nav" aria-label="Organiser pages">
      <ul>
        {links
          .filter(([, , allowed]) => allowed)
          .map(([href, label]) => (
            <li>
              <a href={href} aria-current={props.current === href ? "page" : undefined}>
                {label}
              </a>
            </li>
          ))}
      </ul>
      <form method="post" action="/admin/sign-out" class="admin-signout">
        <CsrfField token={props.csrfToken} />
        <span class="admin-who">
          {staff.email} ({staff.role})
        </span>{" "}
        <button type="submit" class="button-link">
          Sign out
        </button>
      </form>
    </nav>
  );
  return (
    <Layout title={props.title} noindex nav={nav}>
      {props.children}
    </Layout>
  );
}
