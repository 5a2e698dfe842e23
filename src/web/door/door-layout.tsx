import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { can, type StaffIdentity } from "@/domain/staff/roles";
import type { ScannerCatalogue } from "@/i18n/areas/door";
import { LanguageSwitch } from "@/web/shared/layout";
import { useLocale, useMessages } from "@/web/shared/i18n";

/** The scanner's theme colour: the site's accent, also in the web app manifest (src/web/door/manifest.ts). */
export const doorThemeColour = "#0b5394";

/** The id of the JSON block that carries the scanner's words (read by src/client/door/words.ts). */
export const doorWordsId = "door-words";

/** The scanner's words as JSON that is safe inside a `<script>` element. */
function wordsJson(catalogue: ScannerCatalogue): string {
  return JSON.stringify(catalogue).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/**
 * The door pages' shell, in the reader's language: an installable, phone-first app (web app
 * manifest in that language, icons, theme colour) with a slim bar instead of the public header
 * and footer: the language switch and signing out. Door staff see no link to the organiser
 * pages. Every door page carries the scanner's words for its language, as JSON (the script
 * reads them; the service worker keeps them with the page for offline use).
 */
export function DoorLayout(props: { title: string; staff: StaffIdentity; csrfToken: string; children: Child }) {
  const m = useMessages();
  const locale = useLocale();
  return (
    <>
      {raw("<!doctype html>")}
      <html lang={m.locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
          <title>{m.door.layout.pageTitle({ title: props.title })}</title>
          <meta name="robots" content="noindex" />
          <meta name="theme-color" content={doorThemeColour} />
          <meta name="csrf-token" content={props.csrfToken} />
          <link rel="manifest" href={`/door/manifest.webmanifest?lang=${locale}`} />
          <link rel="stylesheet" href="/styles.css" />
          <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
          <link rel="apple-touch-icon" href="/icons/door-192.png" />
          <script type="application/json" id={doorWordsId} dangerouslySetInnerHTML={{ __html: wordsJson({ locale: m.locale, words: m.door.scanner }) }} />
          {/* On every door page: it registers the service worker (offline, installable) and, on the scanner, runs it. */}
          <script type="module" src="/door/scanner.js" />
        </head>
        <body class="door-body">
          <a class="skip-link" href="#main">
            {m.layout.skipToContent}
          </a>
          <header class="door-bar">
            <a class="door-bar-home" href="/door">
              {m.door.layout.home}
            </a>
            {can(props.staff, "manage_orders") && (
              <a class="door-bar-link" href="/admin">
                {m.door.layout.organiserPages}
              </a>
            )}
            <LanguageSwitch />
            <form method="post" action="/admin/sign-out" class="door-bar-signout">
              <input type="hidden" name="_csrf" value={props.csrfToken} />
              <button type="submit" class="button-link">
                {m.door.layout.signOut}
              </button>
            </form>
          </header>
          <main id="main" class="door-main" tabindex={-1}>
            {props.children}
          </main>
        </body>
      </html>
    </>
  );
}
