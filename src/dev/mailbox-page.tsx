import type { OutboxEmail } from "@/generated/prisma/client";
import type { OutgoingEmail } from "@/domain/mail/message";
import { Layout } from "@/web/shared/layout";

/** `/dev/mail`: every message in the outbox, newest first. */
export function DevMailboxPage(props: { rows: OutboxEmail[]; transport: string }) {
  return (
    <Layout title="Dev mailbox" noindex>
      <h1>Dev mailbox</h1>
      <p>
        {props.transport === "dev_mailbox"
          ? "No RESEND_API_KEY is set, so email stays here instead of being sent. Each message is shown as recipients would see it."
          : "Email is being sent through Resend; this list shows the outbox."}{" "}
        <a href="/dev/mail.json">As JSON</a>.
      </p>
      {props.rows.length === 0 ? (
        <p>No email yet. Register for the demo event and your ticket email appears here.</p>
      ) : (
        <table class="mail-table">
          <caption class="visually-hidden">Messages in the outbox</caption>
          <thead>
            <tr>
              <th scope="col">To</th>
              <th scope="col">Message</th>
              <th scope="col">Status</th>
              <th scope="col">Queued</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr>
                <td>{row.recipient}</td>
                <td>
                  <a href={`/dev/mail/${row.id}`}>{row.template.replace(/_/g, " ")}</a>
                </td>
                <td>
                  {row.status}
                  {row.lastError ? ` (${row.lastError})` : ""}
                </td>
                <td>
                  <time datetime={row.createdAt.toISOString()}>{row.createdAt.toISOString().slice(0, 19).replace("T", " ")} UTC</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

/** The state of the order behind a message that composes to nothing now. */
export type EmptyReason = { reference: string; orderStatus: string; eventStatus: string };

const when = (at: Date) => `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** A heading and a paragraph saying why a message has nothing to show now, and whether it went out. */
function emptyExplanation(row: OutboxEmail, empty: EmptyReason | undefined) {
  const sent = row.sentAt ? `It was sent at ${when(row.sentAt)}, with the tickets as they were then.` : "It was not sent.";
  if (empty && empty.eventStatus === "cancelled") {
    return { heading: "The event has been cancelled", body: `This message is composed from order ${empty.reference} as it is now, and the event has been cancelled since, so no ticket is left to show. ${sent}` };
  }
  if (empty && empty.orderStatus !== "paid" && empty.orderStatus !== "partially_refunded") {
    const status = empty.orderStatus.replace(/_/g, " ");
    return { heading: `Order ${empty.reference} is ${status}`, body: `This message is composed from the order as it is now, and the order is ${status}, so no ticket is left to show. ${sent}` };
  }
  return { heading: "No ticket left to show", body: `This message is composed from the database as it is now, and none of its tickets is valid any more. ${sent}` };
}

/** One message: headers, the HTML as a mail client shows it, the text part and attachments. */
export function DevMailMessagePage(props: { row: OutboxEmail; email: OutgoingEmail | null; empty?: EmptyReason | undefined }) {
  const { row, email } = props;
  const explanation = email ? undefined : emptyExplanation(row, props.empty);
  return (
    <Layout title={email?.subject ?? explanation!.heading} noindex>
      <p class="breadcrumb">
        <a href="/dev/mail">← Dev mailbox</a>
      </p>
      <h1>{email?.subject ?? explanation!.heading}</h1>
      {explanation && <p class="notice">{explanation.body}</p>}
      <dl class="facts">
        <dt>To</dt>
        <dd>{row.recipient}</dd>
        <dt>Template</dt>
        <dd>{row.template}</dd>
        <dt>Status</dt>
        <dd>{row.status}</dd>
        <dt>Idempotency key</dt>
        <dd>{row.idempotencyKey}</dd>
      </dl>
      {email && (
        <>
          <h2>As the recipient sees it</h2>
          <iframe class="mail-preview" src={`/dev/mail/${row.id}/html`} title={`HTML version of ${email.subject}`} sandbox=""></iframe>
          <h2>Attachments</h2>
          <ul>
            {email.attachments.map((a, i) => (
              <li>
                <a href={`/dev/mail/${row.id}/attachments/${i}`}>{a.filename}</a> ({a.contentType}
                {a.contentId ? `, inline as cid:${a.contentId}` : ""})
              </li>
            ))}
          </ul>
          <h2>Plain-text version</h2>
          <pre class="mail-text">{email.text}</pre>
        </>
      )}
    </Layout>
  );
}
