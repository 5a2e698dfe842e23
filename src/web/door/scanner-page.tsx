import type { StaffIdentity } from "@/domain/staff/roles";
import { DoorLayout } from "@/web/door/door-layout";

/** What the page needs of the event (the door's own light view of it is enough). */
export type ScannerEvent = { id: string; slug: string; title: string; ticketTypes: Array<{ id: string; name: string }> };

/**
 * `/door/:slug`: the scanner for one event. The markup is the whole screen; the script
 * (src/client/door, built to /door/scanner.js) finds its parts by id and brings them to life:
 * camera, typed codes, verdicts, search, counts, offline queue.
 */
export function ScannerPage(props: { staff: StaffIdentity; csrfToken: string; event: ScannerEvent }) {
  const { event, staff } = props;
  return (
    <DoorLayout title={event.title} staff={staff} csrfToken={props.csrfToken}>
      <div id="door-app" class="door-app" data-event={event.slug} data-event-id={event.id} data-staff-name={staff.name}>
        <div class="door-head">
          <h1 class="door-title">{event.title}</h1>
          <p id="door-connection" class="door-connection" data-state="starting">
            Starting the scanner…
          </p>
          <p id="door-announce" class="visually-hidden" role="status" />
        </div>
        <noscript>
          <p class="notice">The scanner needs JavaScript. Turn it on in your browser's settings, then reload this page.</p>
        </noscript>

        <section class="door-scan" aria-labelledby="door-scan-heading">
          <h2 id="door-scan-heading" class="visually-hidden">
            Scan a ticket
          </h2>
          <div id="door-camera" class="door-camera" hidden>
            <video id="door-video" muted playsinline aria-label="Camera view: hold the ticket's QR code inside the frame" />
          </div>
          <p id="door-camera-message" class="door-hint" />
          <button type="button" id="door-camera-toggle" class="button-primary door-camera-toggle">
            Start camera
          </button>
          <form id="door-code-form" class="door-code-form" autocomplete="off">
            <label for="door-code">Ticket code</label>
            <p id="door-code-hint" class="door-hint">
              A handheld scanner types here. You can also type the short code printed with the QR code, such as HRD-7KQ4M-2.
            </p>
            <div class="door-row">
              <input id="door-code" name="code" type="text" autocapitalize="characters" autocorrect="off" spellcheck={false} enterkeyhint="go" aria-describedby="door-code-hint" />
              <button type="submit" class="button-secondary">
                Check
              </button>
            </div>
          </form>
        </section>

        <section id="door-last" class="door-last" aria-labelledby="door-last-heading" hidden>
          <h2 id="door-last-heading">Last scan</h2>
          <p id="door-last-text" />
          <button type="button" id="door-undo" class="button-secondary" hidden>
            Undo this admit
          </button>
          <p id="door-undo-result" role="status" />
        </section>

        <section id="door-problems" class="door-problems" aria-labelledby="door-problems-heading" hidden>
          <h2 id="door-problems-heading">Check these</h2>
          <ul id="door-problem-list" />
        </section>

        <section class="door-counts" aria-labelledby="door-counts-heading">
          <h2 id="door-counts-heading">Checked in</h2>
          <p class="door-total">
            <span id="door-checked-in">–</span> of <span id="door-expected">–</span>
          </p>
          <table class="door-tier-counts">
            <caption class="visually-hidden">Checked in by ticket type</caption>
            <thead>
              <tr>
                <th scope="col">Ticket type</th>
                <th scope="col">In</th>
                <th scope="col">Expected</th>
              </tr>
            </thead>
            <tbody>
              {event.ticketTypes.map((tier) => (
                <tr data-tier={tier.id}>
                  <th scope="row">{tier.name}</th>
                  <td data-count="in">–</td>
                  <td data-count="expected">–</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p id="door-counts-source" class="door-hint" />
        </section>

        <section class="door-search" aria-labelledby="door-search-heading">
          <h2 id="door-search-heading">Find a ticket</h2>
          <form id="door-search-form" class="door-search-form" role="search" autocomplete="off">
            <label for="door-q">Name or order reference</label>
            <div class="door-row">
              <input id="door-q" name="q" type="search" autocorrect="off" spellcheck={false} />
              <button type="submit" class="button-secondary">
                Search
              </button>
            </div>
          </form>
          <p id="door-search-status" class="door-hint" role="status" />
          <ul id="door-results" class="door-results" />
        </section>

        <details class="door-settings">
          <summary>Settings</summary>
          <p>
            <label for="door-device">This phone's name</label>
            <input id="door-device" type="text" maxlength={60} aria-describedby="door-device-hint" />
            <span id="door-device-hint" class="door-hint">
              Shown to other door staff when a ticket is scanned twice.
            </span>
          </p>
          <p>
            <input id="door-sound" type="checkbox" checked /> <label for="door-sound">Beep and vibrate on each scan</label>
          </p>
          <p>
            <input id="door-hold" type="checkbox" /> <label for="door-hold">Keep each verdict on screen until tapped</label>
          </p>
        </details>

        <div id="door-verdict" class="door-verdict" role="alert" />
      </div>
    </DoorLayout>
  );
}
