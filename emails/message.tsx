import { raw } from "hono/html";
import { EmailLayout, Opening, openingText } from "./layout";
import type { MailWords, RenderedEmail } from "./types";

export type MessageEmailModel = {
  words: MailWords;
  /** The catalogue's BCP 47 tag, for `<html lang>`. */
  lang: string;
  /** The language the organisers' text is in, when not the catalogue's (it fell back to the main language). */
  textLang: string | null;
  subject: string;
  heading: string;
  recipientName: string;
  /** Sentences from the catalogue before the organisers' text (the cancellation notice's). */
  paragraphs: string[];
  /** The organisers' text: its heading (if any), Markdown source for the plain text, and its safe HTML. */
  text: { heading: string | null; markdown: string; html: string } | null;
  footer: string;
};

/** An organisers' message to ticket holders, or the notice that an event is cancelled. */
export function messageEmail(model: MessageEmailModel): RenderedEmail {
  const greeting = model.words.greeting({ name: model.recipientName });
  const html = (
    <EmailLayout lang={model.lang} title={model.subject} preheader={model.paragraphs[0] ?? model.subject} footer={model.footer}>
      <Opening heading={model.heading} greeting={greeting} paragraphs={model.paragraphs} />
      {model.text?.heading && <h2 style="margin:16px 0 4px; font-size:18px;">{model.text.heading}</h2>}
      {model.text && <div lang={model.textLang ?? undefined}>{raw(model.text.html)}</div>}
    </EmailLayout>
  ).toString();
  const text = [
    ...openingText(greeting, model.paragraphs),
    ...(model.text ? [...(model.text.heading ? [model.text.heading, ""] : []), model.text.markdown.trim(), ""] : []),
    model.footer,
  ].join("\n");
  return { subject: model.subject, html, text };
}
