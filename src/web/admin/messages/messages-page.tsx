import { raw } from "hono/html";
import type { AttendeeMessage } from "@/generated/prisma/client";
import type { AdminEvent } from "@/domain/events/admin-events";
import type { SignedIn } from "@/web/middleware/auth";
import { catalogues, locales } from "@/i18n";
import { AdminLayout, CsrfField } from "@/web/admin/admin-layout";
import { describedBy, ErrorSummary, FieldShell, TextField } from "@/web/shared/form-parts";
import { useMessages } from "@/web/shared/i18n";

/** What the form holds: the audience ("all", "not_checked_in" or "tier:<id>"), texts per language, the nonce. */
export type MessageForm = { audience: string; subject: string; body: string; translations: Record<string, { subject: string; body: string }>; nonce: string };

/** One language's version as recipients will read it. */
export type PreviewVersion = { lang: string; subject: string; html: string };

type Props = SignedIn & {
  event: AdminEvent;
  form: MessageForm;
  history: AttendeeMessage[];
  errors?: Record<string, string>;
  problem?: string | undefined;
  notice?: string | undefined;
  preview?: { recipients: number; versions: PreviewVersion[] } | undefined;
};

const languageName = (lang: string) => catalogues[lang as keyof typeof catalogues]?.languageName ?? lang;
/** The languages other than the event's main one that a version may be written in. */
export const otherLanguages = (event: AdminEvent) => locales.filter((l) => l !== event.mainLanguage);

function TextArea(props: { name: string; label: string; value: string; error?: string | undefined; hint?: string; required?: boolean; rows: number }) {
  const id = props.name.replace(/\./g, "-");
  return (
    <FieldShell name={props.name} label={props.label} error={props.error} hint={props.hint} required={props.required ?? false}>
      <textarea id={id} name={props.name} rows={props.rows} maxlength={20000} aria-invalid={props.error ? "true" : undefined} aria-describedby={describedBy(id, props)}>
        {props.value}
      </textarea>
    </FieldShell>
  );
}

/** The texts' fields: the main language's (required), then each other language's (optional). */
function Texts(props: { event: AdminEvent; form: MessageForm; errors: Record<string, string> }) {
  const w = useMessages().correspondence.messages;
  const { form, errors } = props;
  const others = otherLanguages(props.event);
  return (
    <>
      <fieldset>
        <legend>{w.inMain({ language: languageName(props.event.mainLanguage) })}</legend>
        <TextField name="subject" label={w.subject} value={form.subject} error={errors.subject} required />
        <TextArea name="body" label={w.body} value={form.body} error={errors.body} hint={w.bodyHint} required rows={10} />
      </fieldset>
      {others.map((lang) => (
        <fieldset>
          <legend>{w.inOther({ language: languageName(lang) })}</legend>
          <p class="hint">{w.otherHint}</p>
          <TextField name={`translations.${lang}.subject`} label={w.subject} value={form.translations[lang]?.subject ?? ""} error={errors[`translations.${lang}.subject`]} />
          <TextArea name={`translations.${lang}.body`} label={w.body} value={form.translations[lang]?.body ?? ""} error={errors[`translations.${lang}.body`]} rows={8} />
        </fieldset>
      ))}
    </>
  );
}

/** The form's values as hidden fields, for the send button under the preview. */
function Hidden(props: { form: MessageForm }) {
  const { form } = props;
  return (
    <>
      <input type="hidden" name="audience" value={form.audience} />
      <input type="hidden" name="subject" value={form.subject} />
      <input type="hidden" name="body" value={form.body} />
      {Object.entries(form.translations).map(([lang, t]) => (
        <>
          <input type="hidden" name={`translations.${lang}.subject`} value={t.subject} />
          <input type="hidden" name={`translations.${lang}.body`} value={t.body} />
        </>
      ))}
      <input type="hidden" name="nonce" value={form.nonce} />
    </>
  );
}

/** `/admin/events/:id/messages`: write a message to ticket holders, preview it with its recipient count, send it; and the messages sent. */
export function MessagesPage(props: Props) {
  const m = useMessages();
  const w = m.correspondence.messages;
  const { event, form } = props;
  const errors = props.errors ?? {};
  const base = `/admin/events/${event.id}/messages`;
  const labels: Record<string, string> = { audience: w.audience, subject: w.subject, body: w.body };
  for (const lang of otherLanguages(event)) {
    labels[`translations.${lang}.subject`] = `${w.subject} (${languageName(lang)})`;
    labels[`translations.${lang}.body`] = `${w.body} (${languageName(lang)})`;
  }
  return (
    <AdminLayout title={w.title({ event: event.title })} staff={props.staff} csrfToken={props.csrfToken}>
      <p class="breadcrumb">
        <a href={`/admin/events/${event.id}/edit`}>{w.back({ event: event.title })}</a>
      </p>
      <h1>{w.title({ event: event.title })}</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      {props.problem && <ErrorSummary message={props.problem} errors={errors} labels={labels} />}
      {props.preview && (
        <section aria-labelledby="preview-heading" class="message-preview">
          <h2 id="preview-heading">{w.previewHeading}</h2>
          <p class="lead">{w.recipientCount({ count: props.preview.recipients })}</p>
          {props.preview.versions.map((v) => (
            <article class="message-version">
              <h3>{w.previewIn({ language: languageName(v.lang) })}</h3>
              <div lang={v.lang}>
                <p>
                  <strong>{v.subject}</strong>
                </p>
                <div class="description">{raw(v.html)}</div>
              </div>
            </article>
          ))}
          <form method="post" action={base}>
            <CsrfField token={props.csrfToken} />
            <Hidden form={form} />
            <button type="submit" class="button-primary">
              {w.send({ count: props.preview.recipients })}
            </button>
          </form>
        </section>
      )}
      <p>{w.intro}</p>
      <form method="post" action={`${base}/preview`} class="admin-form" novalidate>
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="nonce" value={form.nonce} />
        <FieldShell name="audience" label={w.audience} error={errors.audience} required>
          <select id="audience" name="audience" aria-invalid={errors.audience ? "true" : undefined} aria-describedby={describedBy("audience", { error: errors.audience })}>
            <option value="all" selected={form.audience === "all"}>
              {w.audienceAll}
            </option>
            <option value="not_checked_in" selected={form.audience === "not_checked_in"}>
              {w.audienceNotCheckedIn}
            </option>
            {event.ticketTypes.map((t) => (
              <option value={`tier:${t.id}`} selected={form.audience === `tier:${t.id}`}>
                {w.audienceTier({ tier: t.name })}
              </option>
            ))}
          </select>
        </FieldShell>
        <Texts event={event} form={form} errors={errors} />
        <button type="submit" class="button-secondary">
          {w.preview}
        </button>
      </form>
      <h2>{w.historyHeading}</h2>
      {props.history.length === 0 ? (
        <p>{w.historyEmpty}</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{w.historyWhen}</th>
              <th scope="col">{w.historySubject}</th>
              <th scope="col">{w.historyRecipients}</th>
            </tr>
          </thead>
          <tbody>
            {props.history.map((msg) => (
              <tr>
                <td>{m.format.dateTime(msg.createdAt, event.timezone)}</td>
                <td>{msg.kind === "cancellation" ? w.cancellationNotice : msg.subject}</td>
                <td>{m.format.number(msg.recipients)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}
