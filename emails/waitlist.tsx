import { Button, EmailLayout, Opening, openingText } from "./layout";
import type { MailWords, RenderedEmail } from "./types";

export type WaitlistEmailModel = {
  words: MailWords;
  /** The catalogue's BCP 47 tag, for `<html lang>`. */
  lang: string;
  subject: string;
  heading: string;
  recipientName: string;
  paragraphs: string[];
  /** The offer's button; none in the confirmation. */
  action: { label: string; url: string } | null;
  /** The link to leave the list (or let an offer's places go), with a line saying why. */
  leave: { hint: string; label: string; url: string };
  footer: string;
};

/**
 * A waiting-list email: the notice's opening, an optional button, and the personal link to
 * leave the list, which every email about an entry carries.
 */
export function waitlistEmail(model: WaitlistEmailModel): RenderedEmail {
  const greeting = model.words.greeting({ name: model.recipientName });
  const html = (
    <EmailLayout lang={model.lang} title={model.subject} preheader={model.paragraphs[0] ?? model.heading} footer={model.footer}>
      <Opening heading={model.heading} greeting={greeting} paragraphs={model.paragraphs} />
      {model.action && (
        <p style="margin:16px 0;">
          <Button href={model.action.url}>{model.action.label}</Button>
        </p>
      )}
      <p style="margin:16px 0 0;">
        {model.leave.hint} <a href={model.leave.url}>{model.leave.label}</a>
      </p>
    </EmailLayout>
  ).toString();
  const text = [
    ...openingText(greeting, model.paragraphs),
    ...(model.action ? [model.words.actionLine(model.action), ""] : []),
    model.leave.hint,
    model.words.actionLine({ label: model.leave.label, url: model.leave.url }),
    "",
    model.footer,
  ].join("\n");
  return { subject: model.subject, html, text };
}
