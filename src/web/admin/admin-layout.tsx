import type { Child } from "hono/jsx";
import { can, type StaffIdentity } from "@/domain/staff/roles";
import type { HiddenTail, Linked } from "@/i18n/areas/admin";
import { Layout } from "@/web/shared/layout";
import { useMessages } from "@/web/shared/i18n";

/** The CSRF field every organiser form carries. */
export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/** A stored code (a status, a source) in the reader's words; one the catalogue lacks, as stored. */
export const said = <T extends Record<string, string>>(words: T, code: string) => (Object.hasOwn(words, code) ? words[code as keyof T] : code.replace(/_/g, " "));

const linkMark = "\u0000";

/**
 * A catalogue sentence with a link inside it: the sentence is said whole (with the link's
 * place marked) and the link drawn where the language put it.
 */
export function LinkedText<P extends object>(props: { text: Linked<P>; params: P; href: string; label: string }) {
  const [before = "", after = ""] = props.text({ ...props.params, link: linkMark }).split(linkMark);
  return (
    <>
      {before}
      <a href={props.href}>{props.label}</a>
      {after}
    </>
  );
}

/** A link or button's word, followed by the words only screen readers hear. */
export function WithHidden<P>(props: { words: HiddenTail<P>; params: P }) {
  return (
    <>
      {props.words.shown}
      <span class="visually-hidden">{props.words.hidden(props.params)}</span>
    </>
  );
}

/**
 * Organiser pages: the site shell (its `<html lang>` and language switch follow the staff
 * member's choice, remembered by the `lang` cookie) plus a navigation bar for their role.
 */
export function AdminLayout(props: { title: string; staff: StaffIdentity; csrfToken: string; children: Child; current?: string }) {
  const { staff } = props;
  const words = useMessages();
  const m = words.admin.nav;
  const links: Array<[string, string, boolean]> = [
    ["/admin", m.events, can(staff, "manage_events")],
    ["/admin/members", m.members, can(staff, "manage_members")],
    ["/admin/staff", m.staff, can(staff, "manage_staff")],
    ["/admin/tokens", m.tokens, can(staff, "signed_in")],
    ["/admin/audit", m.audit, can(staff, "view_audit")],
    ["/admin/settings", words.correspondence.settings.nav, can(staff, "manage_settings")],
  ];
  const nav = (
    <nav class="admin-nav" aria-label={m.label}>
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
        <span class="admin-who">{m.who({ email: staff.email, role: words.team.roles[staff.role] ?? staff.role })}</span>{" "}
        <button type="submit" class="button-link">
          {m.signOut}
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
