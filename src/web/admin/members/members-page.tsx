import type { Member } from "@/generated/prisma/client";
import type { StaffIdentity } from "@/domain/staff/roles";
import { AdminLayout, CsrfField } from "@/web/admin/admin-layout";
import { DataTable, type Column } from "@/web/admin/data-table";
import { Notice, TextArea } from "@/web/admin/events/fields";
import { ErrorSummary } from "@/web/shared/form-parts";
import { MAX_MEMBER_ROWS } from "@/domain/members/members-csv";
import type { Messages } from "@/i18n";
import { useMessages } from "@/web/shared/i18n";
import { MarkedSentence } from "@/web/shared/marked-sentence";

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

const memberColumns = (t: Messages["team"]["members"], csrfToken: string, q: string, page: number): Column<Member>[] => [
  { heading: t.columns.email, cell: (m) => m.email ?? "—" },
  { heading: t.columns.number, cell: (m) => m.membershipNumber ?? "—" },
  { heading: t.columns.name, cell: (m) => m.name || "—" },
  {
    heading: t.columns.remove,
    cell: (m) => (
      <form method="post" action={`/admin/members/${m.id}/delete`} class="inline-action">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="q" value={q} />
        <input type="hidden" name="page" value={String(page)} />
        <button type="submit" class="button-link">
          {t.delete}
          <span class="visually-hidden"> {t.deleteWhom({ who: m.email ?? m.membershipNumber ?? m.id })}</span>
        </button>
      </form>
    ),
  },
];

function MemberTable(props: Props) {
  const { list, q } = props;
  const t = useMessages().team.members;
  if (list.total === 0) return <p>{t.empty}</p>;
  if (list.matching === 0) return <p>{t.noMatch({ q })}</p>;
  return (
    <>
      <DataTable
        caption={q ? t.captionMatching({ q, page: list.page, pages: list.pages }) : t.caption({ page: list.page, pages: list.pages })}
        columns={memberColumns(t, props.csrfToken, q, list.page)}
        rows={list.members}
        stack
      />
      {list.pages > 1 && (
        <nav class="pager" aria-label={t.pages}>
          {list.page > 1 && (
            <a href={pageHref(q, list.page - 1)} rel="prev">
              {t.previous}
            </a>
          )}{" "}
          <span>{t.pageOf({ page: list.page, pages: list.pages })}</span>{" "}
          {list.page < list.pages && (
            <a href={pageHref(q, list.page + 1)} rel="next">
              {t.next}
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
  const m = useMessages();
  const t = m.team.members;
  return (
    <AdminLayout title={props.uploadError ? m.team.errorTitle({ title: t.title }) : t.title} staff={props.staff} csrfToken={props.csrfToken} current="/admin/members">
      <h1>{t.title}</h1>
      <p class="lead">{t.onTheList({ count: list.total })}</p>
      <Notice text={props.notice} />
      {props.uploadError && <ErrorSummary message={m.pages.listUnreadable} errors={{ file: props.uploadError }} labels={{ file: t.upload }} />}

      <section aria-labelledby="find-heading">
        <h2 id="find-heading">{t.findHeading}</h2>
        <form method="get" action="/admin/members" role="search" class="admin-search">
          <label for="q">{t.searchLabel}</label>
          <div class="inline-form">
            <input id="q" name="q" type="search" value={props.q} autocomplete="off" />
            <button type="submit" class="button-secondary">
              {t.search}
            </button>
          </div>
        </form>
        {props.q && (
          <p>
            {t.found({ count: list.matching })} <a href="/admin/members">{t.showEveryone}</a>
          </p>
        )}
        <MemberTable {...props} />
      </section>

      <section aria-labelledby="upload-heading">
        <h2 id="upload-heading">{t.uploadHeading}</h2>
        <p>
          <MarkedSentence
            say={t.uploadHelp}
            slots={{
              emailColumn: <strong>{t.csvColumns.email}</strong>,
              numberColumn: <strong>{t.csvColumns.number}</strong>,
              otherNumberColumns: t.csvColumns.otherNumbers,
              nameColumn: <strong>{t.csvColumns.name}</strong>,
            }}
          />
        </p>
        <form method="post" action="/admin/members/preview" enctype="multipart/form-data" class="admin-form">
          <CsrfField token={props.csrfToken} />
          <div class={props.uploadError ? "field field-error" : "field"}>
            <label for="file">{t.fileLabel}</label>
            <p class="hint" id="file-hint">
              {t.fileHint({ max: MAX_MEMBER_ROWS })}
            </p>
            {props.uploadError && (
              <p class="error-message" id="file-error">
                <span class="visually-hidden">{m.team.errorPrefix}</span>
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
          <TextArea name="csv" label={t.pasteLabel} value={props.pasted ?? ""} rows={6} hint={t.pasteHint} />
          <button type="submit" class="button-primary">
            {t.check}
          </button>
          <p class="hint">{t.nothingYet}</p>
        </form>
      </section>
    </AdminLayout>
  );
}
