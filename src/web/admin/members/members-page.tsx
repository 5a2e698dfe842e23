import type { Member } from "@/generated/prisma/client";
import type { StaffIdentity } from "@/domain/staff/roles";
import { AdminLayout, CsrfField } from "@/web/admin/admin-layout";
import { DataTable, type Column } from "@/web/admin/data-table";
import { Notice, TextArea } from "@/web/admin/events/fields";
import { ErrorSummary } from "@/web/shared/form-parts";

type Props = {
  staff: StaffIdentity;
  csrfToken: string;
  list: { total: number; matching: number; members: Member[]; page: number; pages: number };
  q: string;
  notice?: string | undefined;
  /** Why the upload came back, and the pasted text to keep. */
  uploadError?: string | undefined;
  pasted?: string;
};

const pageHref = (q: string, page: number) => `/admin/members?${new URLSearchParams({ ...(q ? { q } : {}), page: String(page) })}`;

const memberColumns = (csrfToken: string, q: string, page: number): Column<Member>[] => [
  { heading: "Email", cell: (m) => m.email ?? "—" },
  { heading: "Membership number", cell: (m) => m.membershipNumber ?? "—" },
  { heading: "Name", cell: (m) => m.name || "—" },
  {
    heading: "Remove",
    cell: (m) => (
      <form method="post" action={`/admin/members/${m.id}/delete`} class="inline-action">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="q" value={q} />
        <input type="hidden" name="page" value={String(page)} />
        <button type="submit" class="button-link">
          Delete<span class="visually-hidden"> {m.email ?? m.membershipNumber ?? m.id} from the members list</span>
        </button>
      </form>
    ),
  },
];

function MemberTable(props: Props) {
  const { list, q } = props;
  if (list.total === 0) return <p>The members list is empty. Upload it below.</p>;
  if (list.matching === 0) return <p>No member matches “{q}”.</p>;
  return (
    <>
      <DataTable
        caption={`${q ? `Members matching “${q}”` : "Members"}: page ${list.page} of ${list.pages}`}
        columns={memberColumns(props.csrfToken, q, list.page)}
        rows={list.members}
        stack
      />
      {list.pages > 1 && (
        <nav class="pager" aria-label="Pages of members">
          {list.page > 1 && (
            <a href={pageHref(q, list.page - 1)} rel="prev">
              ← Previous page
            </a>
          )}{" "}
          <span>
            Page {list.page} of {list.pages}
          </span>{" "}
          {list.page < list.pages && (
            <a href={pageHref(q, list.page + 1)} rel="next">
              Next page →
            </a>
          )}
        </nav>
      )}
    </>
  );
}

/** `/admin/members`: the members list that member-price tiers are checked against. */
export function MembersPage(props: Props) {
  const { list } = props;
  return (
    <AdminLayout title={`${props.uploadError ? "Error: " : ""}Members`} staff={props.staff} csrfToken={props.csrfToken} current="/admin/members">
      <h1>Members</h1>
      <p class="lead">
        {list.total.toLocaleString("en-GB")} {list.total === 1 ? "member" : "members"} on the list. Tiers for “Members on the members list” accept anyone
        whose email address or membership number is here.
      </p>
      <Notice text={props.notice} />
      {props.uploadError && <ErrorSummary message="The list could not be read" errors={{ file: props.uploadError }} labels={{ file: "Upload" }} />}

      <section aria-labelledby="find-heading">
        <h2 id="find-heading">Find a member</h2>
        <form method="get" action="/admin/members" role="search" class="admin-search">
          <label for="q">Email, membership number or name</label>
          <div class="inline-form">
            <input id="q" name="q" type="search" value={props.q} autocomplete="off" />
            <button type="submit" class="button-secondary">
              Search
            </button>
          </div>
        </form>
        {props.q && (
          <p>
            {list.matching.toLocaleString("en-GB")} found. <a href="/admin/members">Show everyone</a>
          </p>
        )}
        <MemberTable {...props} />
      </section>

      <section aria-labelledby="upload-heading">
        <h2 id="upload-heading">Upload the list</h2>
        <p>
          A CSV file from a spreadsheet, with a first line naming the columns: <strong>email</strong>, <strong>membership number</strong> (or
          “member no”, “number”) and, if you like, <strong>name</strong>. Commas or semicolons both work. Each member needs an email address
          or a membership number. You will see what was read, and choose whether to add to the list or replace it, before anything changes.
        </p>
        <form method="post" action="/admin/members/preview" enctype="multipart/form-data" class="admin-form">
          <CsrfField token={props.csrfToken} />
          <div class={props.uploadError ? "field field-error" : "field"}>
            <label for="file">CSV file</label>
            <p class="hint" id="file-hint">
              Save it from your spreadsheet as “CSV (comma delimited)” or “CSV UTF-8”. Up to 20,000 members.
            </p>
            {props.uploadError && (
              <p class="error-message" id="file-error">
                <span class="visually-hidden">Error: </span>
                {props.uploadError}
              </p>
            )}
            <input
              type="file"
              id="file"
              name="file"
              accept=".csv,.txt,text/csv,text/plain"
              aria-invalid={props.uploadError ? "true" : undefined}
              aria-describedby={props.uploadError ? "file-hint file-error" : "file-hint"}
            />
          </div>
          <TextArea
            name="csv"
            label="Or paste the list"
            value={props.pasted ?? ""}
            rows={6}
            hint="Used when no file is chosen. For example: email,membership number,name — then one member per line."
          />
          <button type="submit" class="button-primary">
            Check the list
          </button>
          <p class="hint">Nothing changes until you confirm on the next page.</p>
        </form>
      </section>
    </AdminLayout>
  );
}
