import type { ImportPlan } from "@/domain/members/members";
import type { ParsedMembers, RowProblem } from "@/domain/members/members-csv";
import type { Messages } from "@/i18n";
import type { StaffIdentity } from "@/domain/staff/roles";
import { AdminLayout, CsrfField } from "@/web/admin/admin-layout";
import { DataTable, type Column } from "@/web/admin/data-table";
import { Radios } from "@/web/admin/events/fields";
import { ErrorSummary } from "@/web/shared/form-parts";

type Props = {
  m: Messages;
  staff: StaffIdentity;
  csrfToken: string;
  parsed: ParsedMembers;
  plan: ImportPlan;
  /** The text that was read, sent back unchanged with its hash on confirming. */
  csv: string;
  hash: string;
  mode: string;
  error?: string | undefined;
};

const SHOWN_ACCEPTED = 20;
const SHOWN_REJECTED = 500;
const n = (value: number) => value.toLocaleString("en-GB");
const plural = (value: number, one: string, many: string) => `${n(value)} ${value === 1 ? one : many}`;
const rowReason = (m: Messages, reason: RowProblem) => (m.members.rows[reason.problem] as (p: RowProblem) => string)(reason);

const problemColumns: Column<{ line: number; text: string; reason: string }>[] = [
  { heading: "Line", rowHeader: true, cell: (r) => r.line },
  { heading: "Row", cell: (r) => r.text || "—" },
  { heading: "Reason", cell: (r) => r.reason },
];

const acceptedColumns: Column<ParsedMembers["accepted"][number]>[] = [
  { heading: "Line", rowHeader: true, cell: (r) => r.line },
  { heading: "Email", cell: (r) => r.email ?? "—" },
  { heading: "Membership number", cell: (r) => r.membershipNumber ?? "—" },
  { heading: "Name", cell: (r) => r.name || "—" },
];

/** Step 1 of an upload: what was read, what was left out and why, and the choice of how to apply it. */
export function MembersPreviewPage(props: Props) {
  const { parsed, plan } = props;
  const accepted = parsed.accepted.length;
  const { m } = props;
  const problems = [
    ...parsed.rejected.map((r) => ({ ...r, reason: rowReason(m, r.reason) })),
    ...plan.skipped.map((s) => ({ ...s, text: parsed.accepted.find((a) => a.line === s.line)?.email ?? "", reason: m.pages.skippedWhenAdding({ reason: rowReason(m, s.reason) }) })),
  ].sort(
    (a, b) => a.line - b.line,
  );
  return (
    <AdminLayout title={`${props.error ? "Error: " : ""}Check the members list`} staff={props.staff} csrfToken={props.csrfToken} current="/admin/members">
      <p class="breadcrumb">
        <a href="/admin/members">← Members</a>
      </p>
      <h1>Check the members list</h1>
      {props.error && <ErrorSummary message={props.error} errors={{}} labels={{}} />}
      <p class="lead" role="status">
        {plural(accepted, "row", "rows")} can be used and {plural(parsed.rejected.length, "row was", "rows were")} left out. Nothing has changed yet.
      </p>
      <dl class="facts">
        <dt>Columns read</dt>
        <dd>
          {parsed.columns.map((c) => m.members.columns[c]).join(", ")}
          {parsed.header ? "" : " (no header line: the column with @ is the email address)"}
        </dd>
        <dt>Accepted</dt>
        <dd>{n(accepted)}</dd>
        <dt>Rejected</dt>
        <dd>{n(parsed.rejected.length)}</dd>
        <dt>Add and update</dt>
        <dd>
          {plural(plan.inserts.length, "new member", "new members")}, {n(plan.updates.length)} updated, {n(plan.unchanged)} already up to date
          {plan.skipped.length ? `, ${n(plan.skipped.length)} skipped` : ""}; the other {n(Math.max(0, plan.current - plan.updates.length - plan.unchanged))} members
          on the list stay.
        </dd>
        <dt>Replace</dt>
        <dd>
          The list becomes exactly the {plural(accepted, "member", "members")} in this file; the {n(plan.current)} on it now are removed first.
        </dd>
      </dl>

      {problems.length > 0 && (
        <section aria-labelledby="rejected-heading">
          <h2 id="rejected-heading">Rows left out</h2>
          <p>Correct these in your spreadsheet and upload it again, or apply the list without them.</p>
          <DataTable caption="Rows left out, by line number in the file, with the reason" captionHidden columns={problemColumns} rows={problems.slice(0, SHOWN_REJECTED)} />
          {problems.length > SHOWN_REJECTED && <p>… and {n(problems.length - SHOWN_REJECTED)} more.</p>}
        </section>
      )}

      {accepted > 0 && (
        <section aria-labelledby="accepted-heading">
          <h2 id="accepted-heading">Rows to apply</h2>
          <DataTable
            caption={accepted > SHOWN_ACCEPTED ? `The first ${SHOWN_ACCEPTED} of ${n(accepted)} rows, as they will be stored` : "The rows, as they will be stored"}
            columns={acceptedColumns}
            rows={parsed.accepted.slice(0, SHOWN_ACCEPTED)}
          />
          <form method="post" action="/admin/members/import" class="admin-form">
            <CsrfField token={props.csrfToken} />
            <input type="hidden" name="csv" value={props.csv} />
            <input type="hidden" name="hash" value={props.hash} />
            <Radios
              name="mode"
              label="How to apply it"
              value={props.mode}
              required
              options={[
                { value: "add", label: "Add and update", hint: "New members are added; members already on the list are updated; nobody is removed." },
                { value: "replace", label: "Replace the whole list", hint: `Everyone on the list now (${n(plan.current)}) is removed; only the ${plural(accepted, "member", "members")} in this file remain.` },
              ]}
            />
            <button type="submit" class="button-primary">
              Apply to the members list
            </button>{" "}
            <a href="/admin/members">Cancel: upload another file</a>
          </form>
        </section>
      )}
      {accepted === 0 && (
        <p>
          No row can be used. <a href="/admin/members">Upload another file</a>.
        </p>
      )}
    </AdminLayout>
  );
}
