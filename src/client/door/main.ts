// The door scanner (/door/:slug), built to /door/scanner.js by scripts/build-client.mjs.
// The page's markup is in src/web/door/scanner-page.tsx; this wires it up. On every door
// page it also registers the service worker and clears the phone on signing out.
import { doorApi } from "./api";
import { cameraPanel } from "./camera-panel";
import { CheckInFlow } from "./checkin-flow";
import { Connection } from "./connection";
import { DoorBook } from "./door-book";
import { unlockAudio } from "./feedback";
import { SearchView } from "./search-view";
import { settings } from "./settings";
import { StatusView } from "./status-view";
import { storage } from "./storage";
import { Sync } from "./sync";
import type { ScanTiming, Verdict } from "./types";
import { VerdictView } from "./verdict-view";
import { counted, words } from "./words";

declare global {
  interface Window {
    /** Local verification times (signature + list lookup) of recent scans, for benchmarks. */
    __doorTimings?: { last: ScanTiming | null; samples: ScanTiming[] };
  }
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

registerServiceWorker();
clearOnSignOut();
const app = document.getElementById("door-app");
if (app) void startScanner(app);

function registerServiceWorker(): void {
  // The worker keeps the page, this script and the styles for opening the scanner offline.
  navigator.serviceWorker?.register("/door-sw.js", { scope: "/door" }).catch(() => undefined);
}

/** The list on this phone holds attendees' names: signing out removes it (after a warning if scans are unsent). */
function clearOnSignOut(): void {
  const form = document.querySelector<HTMLFormElement>(".door-bar-signout");
  form?.addEventListener("submit", async (event) => {
    event.preventDefault();
    const waiting = await storage.countAll().catch(() => 0);
    if (waiting && !window.confirm(counted(words().signOutUnsent, waiting))) return;
    await storage.clearAll().catch(() => undefined);
    for (const name of (await globalThis.caches?.keys().catch(() => [])) ?? []) if (name.startsWith("door-")) await caches.delete(name);
    form.submit();
  });
}

/** This phone's settings, from the Settings panel. */
function settingsPanel(staffName: string) {
  const deviceInput = byId<HTMLInputElement>("door-device");
  const soundInput = byId<HTMLInputElement>("door-sound");
  const holdInput = byId<HTMLInputElement>("door-hold");
  deviceInput.value = settings.device(staffName);
  soundInput.checked = settings.sound();
  holdInput.checked = settings.hold();
  deviceInput.addEventListener("change", () => settings.setDevice(deviceInput.value));
  holdInput.addEventListener("change", () => settings.setHold(holdInput.checked));
  soundInput.addEventListener("change", () => {
    settings.setSound(soundInput.checked);
    if (soundInput.checked) unlockAudio();
  });
  return {
    device: () => deviceInput.value.trim() || settings.device(staffName),
    sound: () => soundInput.checked,
    hold: () => holdInput.checked,
  };
}

async function startScanner(app: HTMLElement): Promise<void> {
  const slug = app.dataset.event!;
  const csrf = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? "";
  const api = doorApi(slug, csrf);
  const book = new DoorBook();
  const status = new StatusView();
  const { device, sound, hold } = settingsPanel(app.dataset.staffName ?? "");
  const timings: NonNullable<Window["__doorTimings"]> = { last: null, samples: [] };
  window.__doorTimings = timings;

  // The parts need each other: the connection re-renders through sync, which the flow informs.
  let sync: Sync | undefined;
  const connection = new Connection(() => sync?.render());
  const flow = new CheckInFlow({
    slug,
    api,
    book,
    device,
    shouldTryServer: () => connection.shouldTryServer(),
    reached: (ok) => connection.reached(ok),
    refused: (err) => connection.refused(err),
    changed: () => void sync?.save(),
    timed: (t) => {
      timings.last = t;
      timings.samples.push(t);
      if (timings.samples.length > 500) timings.samples.shift();
    },
  });
  sync = new Sync({ slug, app, api, book, flow, connection, status });

  // ---- verdicts, one scan at a time, in the order they came ----
  const verdicts = new VerdictView(byId("door-verdict"), { sound, hold, device });
  let queue: Promise<unknown> = Promise.resolve();
  let busy = false;
  const run = (work: () => Promise<Verdict | null>) => {
    verdicts.dismiss();
    queue = queue.then(async () => {
      busy = true;
      try {
        const verdict = await work();
        if (!verdict) return;
        verdicts.show(verdict);
        status.showLast(verdict, device(), verdict.result === "admitted" && flow.lastAdmit !== null);
        sync?.afterChange();
      } finally {
        busy = false;
      }
    });
    return queue;
  };

  byId("door-undo").addEventListener("click", async () => {
    const message = await flow.undoLast();
    status.showUndo(message);
    status.announce(message);
    sync?.afterChange();
  });

  // ---- typed codes (keyboard, or a handheld scanner, which types the code and Enter) ----
  const codeInput = byId<HTMLInputElement>("door-code");
  byId<HTMLFormElement>("door-code-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = codeInput.value;
    codeInput.value = "";
    if (text.trim()) void run(() => flow.scanCode(text));
    else verdicts.dismiss();
  });
  document.addEventListener(
    "keydown",
    (event) => {
      unlockAudio();
      const target = event.target;
      if (verdicts.showing && (event.key === "Escape" || (event.key === "Enter" && !(target === codeInput && codeInput.value.trim())))) {
        event.preventDefault();
        verdicts.dismiss();
        return;
      }
      // A handheld scanner typing while nothing has focus: send its keys to the code box.
      // (Not Space: on a button or summary it is how keyboard users press it.)
      const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
      if (!typing && event.key.length === 1 && event.key !== " " && !event.ctrlKey && !event.metaKey && !event.altKey) codeInput.focus();
    },
    true,
  );
  document.addEventListener("pointerdown", unlockAudio, { once: true });
  if (matchMedia("(pointer: fine)").matches) codeInput.focus();

  // ---- search: the server's when online, the phone's list when not ----
  new SearchView(
    async (q) => {
      if (connection.online) {
        try {
          const { tickets } = await api.search(q);
          connection.reached(true);
          return { hits: tickets, local: false };
        } catch (err) {
          connection.failed(err);
        }
      }
      return { hits: book.search(q), local: true };
    },
    (hit) => run(() => flow.admit(hit)).then(() => undefined),
  );

  void cameraPanel({ busy: () => busy, scan: (text) => void run(() => flow.scanCode(text)) });
  await sync.start();
  app.dataset.ready = "true";
}
