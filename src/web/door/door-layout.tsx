import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { can, type StaffIdentity } from "@/domain/staff/roles";

/** The scanner's theme colour: the site's accent, also in public/manifest.webmanifest. */
export const doorThemeColour = "#0b5394";

/**
 * The door pages' shell: an installable, phone-first app (web app manifest, icons, theme
 * colour) with a slim bar instead of the public header and footer. Door staff see no link to
 * the organiser pages; only signing out.
 */
export function DoorLayout(props: { title: string; staff: StaffIdentity; csrfToken: string; children: Child }) {
  return (
    <>
      {raw("<!doctype html>")}
      <html lang="en-GB">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
          <title>{`${props.title} · Door`}</title>
          <meta name="robots" content="noindex" />
          <meta name="theme-color" content={doorThemeColour} />
          <meta name="csrf-token" content={props.csrfToken} />
          <link rel="manifest" href="/manifest.webmanifest" />
          <link rel="stylesheet" href="/styles.css" />
          <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
          <link rel="apple-touch-icon" href="/icons/door-192.png" />
          {/* On every door page: it registers the service worker (offline, installable) and, on the scanner, runs it. */}
          <script type="module" src="/door/scanner.js" />
        </head>
        <body class="door-body">
          <a class="skip-link" href="#main">
            Skip to content
          </a>
          <header class="door-bar">
            <a class="door-bar-home" href="/door">
              Door
            </a>
            {can(props.staff, "manage_orders") && (
              <a class="door-bar-link" href="/admin">
                Organiser pages
              </a>
            )}
            <form method="post" action="/admin/sign-out" class="door-bar-signout">
              <input type="hidden" name="_csrf" value={props.csrfToken} />
              <button type="submit" class="button-link">
                Sign out
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
