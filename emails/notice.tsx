import { Button, EmailLayout, Heading } from "./layout";
import type { RenderedEmail } from "./types";

export type NoticeEmailModel = {
  subject: string;
  heading: string;
  recipientName: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  eventTitle: string;
};

/** A short message with one optional button: refunds, failed payments and the like. */
export function noticeEmail(model: NoticeEmailModel): RenderedEmail {
  const html = (
    <EmailLayout title={model.subject} preheader={model.paragraphs[0] ?? model.heading} footer={`About ${model.eventTitle}. Reply to this email to reach the organisers.`}>
      <Heading>{model.heading}</Heading>
      <p style="margin:0 0 8px;">Hello {model.recipientName},</p>
      {model.paragraphs.map((p) => (
        <p style="margin:0 0 8px;">{p}</p>
      ))}
      {model.action && (
        <p style="margin:16px 0 0;">
          <Button href={model.action.url}>{model.action.label}</Button>
        </p>
      )}
    </EmailLayout>
  ).toString();
  const text = [
    `Hello ${model.recipientName},`,
    "",
    ...model.paragraphs.flatMap((p) => [p, ""]),
    ...(model.action ? [`${model.action.label}: ${model.action.url}`, ""] : []),
    "Reply to this email to reach the organisers.",
  ].join("\n");
  return { subject: model.subject, html, text };
}
