import type { StaffIdentity } from "@/domain/staff/roles";
import type { listTokens } from "@/domain/staff/staff";
import { AdminLayout, CsrfField } from "@/web/admin/admin-layout";
import { DataTable, type Column } from "@/web/admin/data-table";
import { TextField } from "@/web/shared/form-parts";
import { DEFAULT_TIMEZONE } from "@/domain/events/event-input";
import { formatDateTime } from "@/lib/format";

type Tokens = Awaited<ReturnType<typeof listTokens>>;

const tokenColumns = (csrfToken: string): Column<Tokens[number]>[] => [
  { heading: "Name", rowHeader: true, cell: (t) => t.name },
  { heading: "Owner", cell: (t) => `${t.staff.email} (${t.staff.role})` },
  // Tokens are not tied to one event: the organisation's zone, named in each time.
  { heading: "Last used", cell: (t) => (t.lastUsedAt ? formatDateTime(t.lastUsedAt, DEFAULT_TIMEZONE) : "never") },
  {
    heading: "State",
    cell: (t) =>
      t.revokedAt ? (
        "revoked"
      ) : (
        <form method="post" action={`/admin/tokens/${t.id}/revoke`}>
          <CsrfField token={csrfToken} />
          <button type="submit" class="button-secondary">
            Revoke<span class="visually-hidden"> {t.name}</span>
          </button>
        </form>
      ),
  },
];

/** `/admin/tokens`: API tokens (for exports and scanners), each with its owner's role. */
export function TokensPage(props: { tokens: Tokens; created?: string | undefined; staff: StaffIdentity; csrfToken: string; error?: string | undefined }) {
  const { csrfToken } = props;
  return (
    <AdminLayout title="API tokens" staff={props.staff} csrfToken={csrfToken} current="/admin/tokens">
      <h1>API tokens</h1>
      <p>
        A token acts with its owner's role: send it as <code>Authorization: Bearer &lt;token&gt;</code>. Treat it like a password.
      </p>
      {props.created && (
        <div class="notice" role="status">
          <p>Your new token is shown once; copy it now:</p>
          <p>
            <code class="token-once">{props.created}</code>
          </p>
        </div>
      )}
      <DataTable caption="API tokens" captionHidden columns={tokenColumns(csrfToken)} rows={props.tokens} empty="No tokens yet." />
      <h2>Create a token</h2>
      <form method="post" action="/admin/tokens">
        <CsrfField token={csrfToken} />
        <TextField name="name" label="What will use it" hint="For example: the society website, or the door scanner on the front desk." required error={props.error} />
        <button type="submit" class="button-primary">
          Create token
        </button>
      </form>
      <h2>Sign out everywhere</h2>
      <form method="post" action="/admin/sign-out-everywhere">
        <CsrfField token={csrfToken} />
        <button type="submit" class="button-secondary">
          Sign me out on every device
        </button>
      </form>
    </AdminLayout>
  );
}
