import { raw } from "hono/html";
import type { Child } from "hono/jsx";

export type PageMeta = {
  title: string;
  description?: string;
  /** Absolute URL of the page, for Open Graph. */
  url?: string;
  ogType?: "website" | "event";
  /** Keep the page out of search engines (errors, private pages). */
  noindex?: boolean;
  /** Reload the page after this many seconds (a status that is about to change). */
  refreshSeconds?: number | undefined;
};

const siteName = "Conference tickets";

/**
 * The page shell: head with title, description and Open Graph tags, a header, an optional
 * navigation bar (outside main, so "Skip to content" lands past it), and main content.
 */
export function Layout(props: PageMeta & { children: Child; nav?: Child }) {
  const fullTitle = props.title === siteName ? siteName : `${props.title} · ${siteName}`;
  return (
    <>
      {raw("<!doctype html>")}
      <html lang="en-GB">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{fullTitle}</title>
          {props.description && <meta name="description" content={props.description} />}
          {props.noindex && <meta name="robots" content="noindex" />}
          {props.refreshSeconds && <meta http-equiv="refresh" content={String(props.refreshSeconds)} />}
          <meta property="og:site_name" content={siteName} />
          <meta property="og:title" content={props.title} />
          <meta property="og:type" content={props.ogType ?? "website"} />
          {props.description && <meta property="og:description" content={props.description} />}
          {props.url && <meta property="og:url" content={props.url} />}
          {props.url && <link rel="canonical" href={props.url} />}
          <link rel="stylesheet" href="/styles.css" />
          <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        </head>
        <body>
          <a class="skip-link" href="#main">
            Skip to content
          </a>
          <header class="site-header">
            <a class="site-name" href="/">
              {siteName}
            </a>
          </header>
          {props.nav}
          <main id="main" tabindex={-1}>
            {props.children}
          </main>
          <footer class="site-footer">
            <p>Questions about an event? Reply to your ticket email and the organisers will help.</p>
          </footer>
        </body>
      </html>
    </>
  );
}
