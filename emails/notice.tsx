import { Button, EmailLayout, Opening, openingText } from "./layout";
import type { MailWords, RenderedEmail } from "./types";

export type NoticeEmailModel = {
  words: MailWords;
  /** The catalogue's BCP 47 tag, for `<html lang>`. */
  lang: string;
  subject: string;
  heading: string;
  recipientName: string;
  paragraphs: string[];
  action?: { label: string; url: string } | null | undefined;
  /** A last line with its own link, under the button (a waiting list's "leave the list"). */
  postscript?: { hint: string; label: string; url: string };
  /** Small print under the message: why they got it. */
  footer: string;
};

/** A short message with one optional button: refunds, failed payments, waiting-list news and the like. */
export function noticeEmail(model: NoticeEmailModel): RenderedEmail {
  const greeting = model.words.greeting({ name: model.recipientName });
  const html = (
    <EmailLayout lang={model.lang} title={model.subject} preheader={model.paragraphs[0] ?? model.heading} footer={model.footer}>
      <Opening heading={model.heading} greeting={greeting} paragraphs={model.paragraphs} />
      {model.action && (
        <p style="margin:16px 0 0;">
          <Button href={model.action.url}>{model.action.label}</Button>
        </p>
      )}
      {model.postscript && (
        <p style="margin:16px 0 0;">
          {model.postscript.hint} <a href={model.postscript.url}>{model.postscript.label}</a>
        </p>
      )}
    </EmailLayout>
  ).toString();
  const text = [
    ...openingText(greeting, model.paragraphs),
    ...(model.action ? [model.words.actionLine(model.action), ""] : []),
    ...(model.postscript ? [model.postscript.hint, model.words.actionLine(model.postscript), ""] : []),
    model.footer,
  ].join("\n");
  return { subject: model.subject, html, text };
}
