import type { ImportPlan } from "@/domain/members/members";
import type { ParsedMembers, RowProblem } from "@/domain/members/members-csv";
import type { Messages } from "@/i18n";
import type { StaffIdentity } from "@/domain/staff/roles";
import { AdminLayout, CsrfField } from "@/web/admin/admin-layout";
import { DataTable, type Column } from "@/web/admin/data-table";
import { Radios } from "@/web/admin/events/fields";
import { ErrorSummary } from "@/web/shared/form-parts";
import { MarkedSentence } from "@/web/shared/marked-sentence";

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
const rowReason = (m: Messages, reason: RowProblem) => (m.members.rows[reason.problem] as (p: RowProblem) => string)(reason);

const problemColumns = (t: Messages["team"]["preview"]): Column<{ line: number; text: string; reason: string }>[] => [
  { heading: t.problemColumns.line, rowHeader: true, cell: (r) => r.line },
  { heading: t.problemColumns.row, cell: (r) => r.text || "—" },
  { heading: t.problemColumns.reason, cell: (r) => r.reason },
];

const acceptedColumns = (t: Messages["team"]["preview"]): Column<ParsedMembers["accepted"][number]>[] => [
  { heading: t.rowColumns.line, rowHeader: true, cell: (r) => r.line },
  { heading: t.rowColumns.email, cell: (r) => r.email ?? "—" },
  { heading: t.rowColumns.number, cell: (r) => r.membershipNumber ?? "—" },
  { heading: t.rowColumns.name, cell: (r) => r.name || "—" },
];

/** Step 1 of an upload: what was read, what was left out and why, and the choice of how to apply it. */
export function MembersPreviewPage(props: Props) {
  const { parsed, plan } = props;
  const accepted = parsed.accepted.length;
  const { m } = props;
  const t = m.team.preview;
  const n = m.format.number;
  const problems = [
    ...parsed.rejected.map((r) => ({ ...r, reason: rowReason(m, r.reason) })),
    ...plan.skipped.map((s) => ({ ...s, text: parsed.accepted.find((a) => a.line === s.line)?.email ?? "", reason: m.pages.skippedWhenAdding({ reason: rowReason(m, s.reason) }) })),
  ].sort(
    (a, b) => a.line - b.line,
  );
  return (
    <AdminLayout title={props.error ? m.team.errorTitle({ title: t.title }) : t.title} staff={props.staff} csrfToken={props.csrfToken} current="/admin/members">
      <p class="breadcrumb">
        <a href="/admin/members">{t.back}</a>
      </p>
      <h1>{t.title}</h1>
      {props.error && <ErrorSummary message={props.error} errors={{}} labels={{}} />}
      <p class="lead" role="status">
        {t.summary({ accepted, rejected: parsed.rejected.length })}
      </p>
      <dl class="facts">
        <dt>{t.columnsRead}</dt>
        <dd>{t.columns({ columns: parsed.columns.map((c) => m.members.columns[c]).join(", "), header: parsed.header })}</dd>
        <dt>{t.accepted}</dt>
        <dd>{n(accepted)}</dd>
        <dt>{t.rejected}</dt>
        <dd>{n(parsed.rejected.length)}</dd>
        <dt>{t.addAndUpdate}</dt>
        <dd>
          {t.addSummary({
            inserts: plan.inserts.length,
            updates: plan.updates.length,
            unchanged: plan.unchanged,
            skipped: plan.skipped.length,
            staying: Math.max(0, plan.current - plan.updates.length - plan.unchanged),
          })}
        </dd>
        <dt>{t.replace}</dt>
        <dd>{t.replaceSummary({ accepted, current: plan.current })}</dd>
      </dl>

      {problems.length > 0 && (
        <section aria-labelledby="rejected-heading">
          <h2 id="rejected-heading">{t.leftOutHeading}</h2>
          <p>{t.leftOutHelp}</p>
          <DataTable caption={t.leftOutCaption} captionHidden columns={problemColumns(t)} rows={problems.slice(0, SHOWN_REJECTED)} />
          {problems.length > SHOWN_REJECTED && <p>{t.more({ count: problems.length - SHOWN_REJECTED })}</p>}
        </section>
      )}

      {accepted > 0 && (
        <section aria-labelledby="accepted-heading">
          <h2 id="accepted-heading">{t.toApplyHeading}</h2>
          <DataTable
            caption={accepted > SHOWN_ACCEPTED ? t.firstRows({ shown: SHOWN_ACCEPTED, total: accepted }) : t.allRows}
            columns={acceptedColumns(t)}
            rows={parsed.accepted.slice(0, SHOWN_ACCEPTED)}
          />
          <form method="post" action="/admin/members/import" class="admin-form">
            <CsrfField token={props.csrfToken} />
            <input type="hidden" name="csv" value={props.csv} />
            <input type="hidden" name="hash" value={props.hash} />
            <Radios
              name="mode"
              label={t.howToApply}
              value={props.mode}
              required
              options={[
                { value: "add", label: t.addAndUpdate, hint: t.addHint },
                { value: "replace", label: t.replaceLabel, hint: t.replaceHint({ current: plan.current, accepted }) },
              ]}
            />
            <button type="submit" class="button-primary">
              {t.apply}
            </button>{" "}
            <a href="/admin/members">{t.cancel}</a>
          </form>
        </section>
      )}
      {accepted === 0 && (
        <p>
          <MarkedSentence say={t.noneUsable} slots={{ again: <a href="/admin/members">{t.uploadAnother}</a> }} />
        </p>
      )}
    </AdminLayout>
  );
}
