import { raw } from "hono/html";
import type { Child } from "hono/jsx";

// Email clients ignore <style> blocks unevenly and block external CSS, so styles are inline,
// the layout is one 600 px table, and everything reads fine with images off.
export const colors = { ink: "#1b1f24", muted: "#4a5360", accent: "#0b5394", line: "#d3d8e0", wash: "#f3f5f8" };
const font = "font-family: -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif;";

/** The shell of every HTML email: a centred 600 px column that shrinks on phones, in `lang`. */
export function EmailLayout(props: { lang: string; title: string; preheader: string; children: Child; footer: string }) {
  return (
    <>
      {raw("<!doctype html>")}
      <html lang={props.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="color-scheme" content="light" />
          <title>{props.title}</title>
        </head>
        <body style={`margin:0; padding:0; background:${colors.wash}; ${font}`}>
          <div style="display:none; max-height:0; overflow:hidden;">{props.preheader}</div>
          <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style={`background:${colors.wash};`}>
            <tr>
              <td align="center" style="padding:16px 8px;">
                <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style={`max-width:600px; background:#ffffff; border:1px solid ${colors.line}; border-radius:8px;`}>
                  <tr>
                    <td style={`padding:24px; color:${colors.ink}; font-size:16px; line-height:1.5; ${font}`}>{props.children}</td>
                  </tr>
                </table>
                <p style={`max-width:600px; color:${colors.muted}; font-size:13px; line-height:1.4; ${font}`}>{props.footer}</p>
              </td>
            </tr>
          </table>
        </body>
      </html>
    </>
  );
}

export function Heading(props: { children: Child }) {
  return <h1 style={`margin:0 0 12px; font-size:24px; line-height:1.25; color:${colors.ink};`}>{props.children}</h1>;
}

export function Button(props: { href: string; children: Child }) {
  return (
    <a href={props.href} style={`display:inline-block; background:${colors.accent}; color:#ffffff; text-decoration:none; font-weight:bold; padding:10px 18px; border-radius:6px;`}>
      {props.children}
    </a>
  );
}

/** The plain-text part's opening: the greeting by name, then each paragraph, each followed by a blank line. */
export function openingText(greeting: string, paragraphs: string[]): string[] {
  return [greeting, "", ...paragraphs.flatMap((p) => [p, ""])];
}

/** A notice's opening: its heading, the greeting by name, and the catalogue's paragraphs. */
export function Opening(props: { heading: string; greeting: string; paragraphs: string[] }) {
  return (
    <>
      <Heading>{props.heading}</Heading>
      <p style="margin:0 0 8px;">{props.greeting}</p>
      {props.paragraphs.map((p) => (
        <p style="margin:0 0 8px;">{p}</p>
      ))}
    </>
  );
}
