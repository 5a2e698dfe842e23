import { signal, type Tone } from "./feedback";
import type { Verdict } from "./types";
import { fill, proofText, refusalText, timeText, words } from "./words";

/** How long a verdict covers the screen before the scanner is back. */
export const VERDICT_MS = 2500;

const icons: Record<Tone, string> = {
  admit: '<path d="M20 52 40 72 80 28" />',
  warn: '<path d="M50 12 92 86H8Z" /><path d="M50 40v22M50 72v2" />',
  refuse: '<path d="M26 26 74 74M74 26 26 74" />',
};

export function toneOf(v: Verdict): Tone {
  return v.result === "admitted" ? "admit" : v.result === "already_checked_in" || v.result === "no_list" ? "warn" : "refuse";
}

export function titleOf(v: Verdict): string {
  const t = words().title;
  return v.result === "admitted" ? t.admit : v.result === "already_checked_in" ? t.alreadyCheckedIn : v.result === "no_list" ? t.cannotCheckYet : t.notValid;
}

function line(className: string, text: string): HTMLParagraphElement {
  const p = document.createElement("p");
  p.className = className;
  p.textContent = text;
  return p;
}

/** The lines under the title, as plain text (also used for the "Last scan" panel). */
export function detailLines(v: Verdict, thisDevice: string): Array<[className: string, text: string]> {
  const t = v.ticket;
  const w = words();
  const lines: Array<[string, string]> = [];
  if (v.result === "admitted" || v.result === "already_checked_in") {
    lines.push(["door-verdict-name", t?.name || w.nameNotOnList]);
    if (t?.tier) lines.push(["door-verdict-tier", t.tier]);
  }
  if (v.result === "admitted") {
    const proof = proofText(t?.eligibility);
    if (proof) lines.push(["door-verdict-proof", proof]);
    if (v.notOnList) lines.push(["door-verdict-note", w.notOnListYet]);
  } else if (v.result === "already_checked_in") {
    const time = timeText(t?.checkedInAt);
    const said = !t?.device ? fill(w.checkedInAt, { time }) : t.device === thisDevice ? fill(w.checkedInAtHere, { time }) : fill(w.checkedInAtOn, { time, device: t.device });
    lines.push(["door-verdict-reason", said]);
  } else {
    if (t?.name) lines.push(["door-verdict-name", t.name]);
    lines.push(["door-verdict-reason", refusalText(v.result, v.reason)]);
  }
  if (v.result === "admitted" || v.result === "already_checked_in") {
    // Answers to the questions shown at the door (e.g. access needs), in the organisers' words.
    for (const note of t?.notes ?? []) lines.push(["door-verdict-answer", `${note.question}: ${note.details ? `${note.answer} (${note.details})` : note.answer}`]);
  }
  if (v.queued) lines.push(["door-verdict-note", w.decidedOffline]);
  else if (v.local && v.result !== "admitted") lines.push(["door-verdict-note", w.decidedHere]);
  return lines;
}

/**
 * The full-screen verdict: colour, icon and words together (never colour alone), inside a
 * role="alert" region that is always in the page, so screen readers announce each verdict.
 * It goes after VERDICT_MS (unless the "keep until tapped" setting is on), or on a tap,
 * Enter or Escape.
 */
export class VerdictView {
  private timer: number | undefined;

  constructor(
    private el: HTMLElement,
    private options: { sound: () => boolean; hold: () => boolean; device: () => string },
  ) {
    el.addEventListener("click", () => this.dismiss());
  }

  get showing(): boolean {
    return this.el.childElementCount > 0;
  }

  show(v: Verdict): void {
    const tone = toneOf(v);
    const panel = document.createElement("div");
    panel.className = "door-verdict-panel";
    const icon = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    icon.setAttribute("viewBox", "0 0 100 100");
    icon.setAttribute("class", "door-verdict-icon");
    icon.setAttribute("aria-hidden", "true");
    icon.setAttribute("focusable", "false");
    icon.innerHTML = icons[tone];
    panel.append(icon, line("door-verdict-title", titleOf(v)));
    for (const [className, text] of detailLines(v, this.options.device())) panel.append(line(className, text));
    const hint = line("door-verdict-hint", words().nextScanHint);
    hint.setAttribute("aria-hidden", "true");
    panel.append(hint);
    this.el.className = `door-verdict door-verdict-${tone}`;
    this.el.dataset.result = v.result;
    this.el.replaceChildren(panel);
    if (this.options.sound()) signal(tone);
    window.clearTimeout(this.timer);
    if (!this.options.hold()) this.timer = window.setTimeout(() => this.dismiss(), VERDICT_MS);
  }

  dismiss(): void {
    window.clearTimeout(this.timer);
    this.el.className = "door-verdict";
    delete this.el.dataset.result;
    this.el.replaceChildren();
  }
}
