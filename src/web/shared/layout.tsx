import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { catalogues, locales } from "@/i18n";
import { useMessages, useRequest } from "@/web/shared/i18n";

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

/** This page's address in another language: the same path and query, with `lang` set. */
export function inLanguage(url: string, locale: string): string {
  const u = new URL(url);
  u.searchParams.set("lang", locale);
  return `${u.pathname}${u.search}`;
}

/** Links to this same page in each other language, each named in its own language. */
export function LanguageSwitch() {
  const m = useMessages();
  const url = useRequest().req.url;
  return (
    <nav class="language-switch" aria-label={m.layout.languages}>
      <ul>
        {locales.map((locale) => {
          const other = catalogues[locale];
          return other.locale === m.locale ? (
            <li>
              <span aria-current="true" lang={other.locale}>
                {other.languageName}
              </span>
            </li>
          ) : (
            <li>
              <a href={inLanguage(url, locale)} hreflang={locale} lang={other.locale} title={other.layout.readIn({ language: other.languageName })}>
                {other.languageName}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/**
 * The page shell, in the reader's language: head with title, description, Open Graph tags
 * and the page's other-language alternates, a header with the language switch, an optional
 * navigation bar (outside main, so "Skip to content" lands past it), and main content.
 */
export function Layout(props: PageMeta & { children: Child; nav?: Child }) {
  const m = useMessages();
  const siteName = m.layout.siteName;
  const fullTitle = props.title === siteName ? siteName : `${props.title} · ${siteName}`;
  const alternates = props.url ? locales.map((locale) => ({ locale, href: new URL(inLanguage(props.url!, locale), props.url).href })) : [];
  return (
    <>
      {raw("<!doctype html>")}
      <html lang={m.locale}>
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
          <meta property="og:locale" content={m.ogLocale} />
          {locales
            .filter((locale) => catalogues[locale].ogLocale !== m.ogLocale)
            .map((locale) => (
              <meta property="og:locale:alternate" content={catalogues[locale].ogLocale} />
            ))}
          {props.description && <meta property="og:description" content={props.description} />}
          {props.url && <meta property="og:url" content={props.url} />}
          {props.url && <link rel="canonical" href={props.url} />}
          {alternates.map((a) => (
            <link rel="alternate" hreflang={a.locale} href={a.href} />
          ))}
          <link rel="stylesheet" href="/styles.css" />
          <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        </head>
        <body>
          <a class="skip-link" href="#main">
            {m.layout.skipToContent}
          </a>
          <header class="site-header">
            <a class="site-name" href="/">
              {siteName}
            </a>
            <LanguageSwitch />
          </header>
          {props.nav}
          <main id="main" tabindex={-1}>
            {props.children}
          </main>
          <footer class="site-footer">
            <p>{m.layout.footer}</p>
            <p>
              <a href="/privacy">{m.privacy.page.link}</a>
            </p>
          </footer>
        </body>
      </html>
    </>
  );
}
