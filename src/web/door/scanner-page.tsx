import type { StaffIdentity } from "@/domain/staff/roles";
import { DoorLayout } from "@/web/door/door-layout";
import { useMessages } from "@/web/shared/i18n";
import { InLanguage } from "@/web/shared/in-language";

/**
 * What the page needs of the event (the door's own light view of it is enough), in the
 * reader's language; `textLang` says which language a text is really in.
 */
export type ScannerEvent = {
  id: string;
  slug: string;
  title: string;
  textLang?: { title: string };
  ticketTypes: Array<{ id: string; name: string; textLang?: { name: string } }>;
};

/**
 * `/door/:slug`: the scanner for one event. The markup is the whole screen; the script
 * (src/client/door, built to /door/scanner.js) finds its parts by id and brings them to life:
 * camera, typed codes, verdicts, search, counts, offline queue.
 */
export function ScannerPage(props: { staff: StaffIdentity; csrfToken: string; event: ScannerEvent }) {
  const { event, staff } = props;
  const m = useMessages();
  const t = m.door.scannerPage;
  // "– of –": the numbers are the script's, the words around them (and their order) the language's.
  const [before = "", between = "", after = ""] = t.countsOf({ checkedIn: "\u0001", expected: "\u0001" }).split("\u0001");
  return (
    <DoorLayout title={event.title} staff={staff} csrfToken={props.csrfToken}>
      <div id="door-app" class="door-app" data-event={event.slug} data-event-id={event.id} data-staff-name={staff.name}>
        <div class="door-head">
          <h1 class="door-title">{event.textLang ? <InLanguage lang={event.textLang.title}>{event.title}</InLanguage> : event.title}</h1>
          <p id="door-connection" class="door-connection" data-state="starting">
            {t.starting}
          </p>
          <p id="door-announce" class="visually-hidden" role="status" />
        </div>
        <noscript>
          <p class="notice">{t.needsJavaScript}</p>
        </noscript>

        <section class="door-scan" aria-labelledby="door-scan-heading">
          <h2 id="door-scan-heading" class="visually-hidden">
            {t.scanHeading}
          </h2>
          <div id="door-camera" class="door-camera" hidden>
            <video id="door-video" muted playsinline aria-label={t.cameraView} />
          </div>
          <p id="door-camera-message" class="door-hint" />
          <button type="button" id="door-camera-toggle" class="button-primary door-camera-toggle">
            {t.startCamera}
          </button>
          <form id="door-code-form" class="door-code-form" autocomplete="off">
            <label for="door-code">{t.codeLabel}</label>
            <p id="door-code-hint" class="door-hint">
              {t.codeHint({ example: "HRD-7KQ4M-2" })}
            </p>
            <div class="door-row">
              <input id="door-code" name="code" type="text" autocapitalize="characters" autocorrect="off" spellcheck={false} enterkeyhint="go" aria-describedby="door-code-hint" />
              <button type="submit" class="button-secondary">
                {t.check}
              </button>
            </div>
          </form>
        </section>

        <section id="door-last" class="door-last" aria-labelledby="door-last-heading" hidden>
          <h2 id="door-last-heading">{t.lastScan}</h2>
          <p id="door-last-text" />
          <button type="button" id="door-undo" class="button-secondary" hidden>
            {t.undo}
          </button>
          <p id="door-undo-result" role="status" />
        </section>

        <section id="door-problems" class="door-problems" aria-labelledby="door-problems-heading" hidden>
          <h2 id="door-problems-heading">{t.problems}</h2>
          <ul id="door-problem-list" />
        </section>

        <section class="door-counts" aria-labelledby="door-counts-heading">
          <h2 id="door-counts-heading">{t.countsHeading}</h2>
          <p class="door-total">
            {before}
            <span id="door-checked-in">–</span>
            {between}
            <span id="door-expected">–</span>
            {after}
          </p>
          <table class="door-tier-counts">
            <caption class="visually-hidden">{t.countsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.tierColumn}</th>
                <th scope="col">{t.inColumn}</th>
                <th scope="col">{t.expectedColumn}</th>
              </tr>
            </thead>
            <tbody>
              {event.ticketTypes.map((tier) => (
                <tr data-tier={tier.id}>
                  <th scope="row">{tier.textLang ? <InLanguage lang={tier.textLang.name}>{tier.name}</InLanguage> : tier.name}</th>
                  <td data-count="in">–</td>
                  <td data-count="expected">–</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p id="door-counts-source" class="door-hint" />
        </section>

        <section class="door-search" aria-labelledby="door-search-heading">
          <h2 id="door-search-heading">{t.searchHeading}</h2>
          <form id="door-search-form" class="door-search-form" role="search" autocomplete="off">
            <label for="door-q">{t.searchLabel}</label>
            <div class="door-row">
              <input id="door-q" name="q" type="search" autocorrect="off" spellcheck={false} />
              <button type="submit" class="button-secondary">
                {t.search}
              </button>
            </div>
          </form>
          <p id="door-search-status" class="door-hint" role="status" />
          <ul id="door-results" class="door-results" />
        </section>

        <details class="door-settings">
          <summary>{t.settings}</summary>
          <p>
            <label for="door-device">{t.deviceLabel}</label>
            <input id="door-device" type="text" maxlength={60} aria-describedby="door-device-hint" />
            <span id="door-device-hint" class="door-hint">
              {t.deviceHint}
            </span>
          </p>
          <p>
            <input id="door-sound" type="checkbox" checked /> <label for="door-sound">{t.sound}</label>
          </p>
          <p>
            <input id="door-hold" type="checkbox" /> <label for="door-hold">{t.hold}</label>
          </p>
        </details>

        <div id="door-verdict" class="door-verdict" role="alert" />
      </div>
    </DoorLayout>
  );
}
