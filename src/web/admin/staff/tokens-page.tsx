import type { StaffIdentity } from "@/domain/staff/roles";
import type { listTokens } from "@/domain/staff/staff";
import type { Messages } from "@/i18n";
import { AdminLayout, CsrfField } from "@/web/admin/admin-layout";
import { DataTable, type Column } from "@/web/admin/data-table";
import { TextField } from "@/web/shared/form-parts";
import { DEFAULT_TIMEZONE } from "@/domain/events/event-input";
import { useMessages } from "@/web/shared/i18n";
import { MarkedSentence } from "@/web/shared/marked-sentence";
import { roleName } from "@/web/admin/staff/audit-facts";

type Tokens = Awaited<ReturnType<typeof listTokens>>;

const tokenColumns = (m: Messages, csrfToken: string): Column<Tokens[number]>[] => {
  const t = m.team.tokens;
  return [
    { heading: t.columns.name, rowHeader: true, cell: (token) => token.name },
    { heading: t.columns.owner, cell: (token) => t.ownerWithRole({ email: token.staff.email, role: roleName(token.staff.role, m) }) },
    // Tokens are not tied to one event: the organisation's zone, named in each time.
    { heading: t.columns.lastUsed, cell: (token) => (token.lastUsedAt ? m.format.dateTime(token.lastUsedAt, DEFAULT_TIMEZONE) : t.never) },
    {
      heading: t.columns.state,
      cell: (token) =>
        token.revokedAt ? (
          t.revoked
        ) : (
          <form method="post" action={`/admin/tokens/${token.id}/revoke`}>
            <CsrfField token={csrfToken} />
            <button type="submit" class="button-secondary">
              {t.revoke}
              <span class="visually-hidden"> {token.name}</span>
            </button>
          </form>
        ),
    },
  ];
};

/** `/admin/tokens`: API tokens (for exports and scanners), each with its owner's role. */
export function TokensPage(props: { tokens: Tokens; created?: string | undefined; staff: StaffIdentity; csrfToken: string; error?: string | undefined }) {
  const { csrfToken } = props;
  const m = useMessages();
  const t = m.team.tokens;
  return (
    <AdminLayout title={t.title} staff={props.staff} csrfToken={csrfToken} current="/admin/tokens">
      <h1>{t.title}</h1>
      <p>
        <MarkedSentence say={t.intro} slots={{ header: <code>Authorization: Bearer &lt;token&gt;</code> }} />
      </p>
      {props.created && (
        <div class="notice" role="status">
          <p>{t.createdNotice}</p>
          <p>
            <code class="token-once">{props.created}</code>
          </p>
        </div>
      )}
      <DataTable caption={t.caption} captionHidden columns={tokenColumns(m, csrfToken)} rows={props.tokens} empty={t.empty} />
      <h2>{t.createHeading}</h2>
      <form method="post" action="/admin/tokens">
        <CsrfField token={csrfToken} />
        <TextField name="name" label={t.nameLabel} hint={t.nameHint} required error={props.error} />
        <button type="submit" class="button-primary">
          {t.create}
        </button>
      </form>
      <h2>{t.signOutHeading}</h2>
      <form method="post" action="/admin/sign-out-everywhere">
        <CsrfField token={csrfToken} />
        <button type="submit" class="button-secondary">
          {t.signOutEverywhere}
        </button>
      </form>
    </AdminLayout>
  );
}
