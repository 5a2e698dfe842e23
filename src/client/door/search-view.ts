import type { SearchHit } from "./types";
import { counted, fill, statusText, timeText, words } from "./words";

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Waits this long after the last key press before searching. */
const TYPING_PAUSE_MS = 300;

/**
 * "Find a ticket", for someone whose phone died: by name (or order reference, online), with
 * an Admit button per result that checks the ticket in by its id.
 */
export class SearchView {
  private form = byId<HTMLFormElement>("door-search-form");
  private input = byId<HTMLInputElement>("door-q");
  private status = byId<HTMLParagraphElement>("door-search-status");
  private results = byId<HTMLUListElement>("door-results");
  private timer: number | undefined;
  private asked = 0;

  constructor(
    private search: (q: string) => Promise<{ hits: SearchHit[]; local: boolean }>,
    private admit: (hit: SearchHit) => Promise<void>,
  ) {
    this.form.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.run();
    });
    this.input.addEventListener("input", () => {
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(() => void this.run(), TYPING_PAUSE_MS);
    });
  }

  /** Searches again with the same words (after an admit, so the results show it). */
  async run(): Promise<void> {
    window.clearTimeout(this.timer);
    const q = this.input.value.trim();
    const ask = ++this.asked;
    if (q.length < 2) {
      this.results.replaceChildren();
      this.status.textContent = q ? words().typeTwoLetters : "";
      return;
    }
    const { hits, local } = await this.search(q);
    if (ask !== this.asked) return; // A newer search has started.
    this.results.replaceChildren(...hits.map((hit) => this.item(hit)));
    const w = words();
    if (local) this.status.textContent = hits.length === 0 ? w.noneFoundOnPhone : counted(w.foundOnPhone, hits.length);
    else this.status.textContent = hits.length === 0 ? w.noneFound : counted(w.found, hits.length);
  }

  private item(hit: SearchHit): HTMLLIElement {
    const li = document.createElement("li");
    const name = document.createElement("span");
    name.className = "door-result-name";
    name.textContent = hit.name;
    const about = document.createElement("span");
    about.className = "door-result-about";
    const state = hit.status !== "valid" ? statusText(hit.status) : hit.checkedInAt ? fill(words().resultCheckedIn, { time: timeText(hit.checkedInAt) }) : words().notCheckedInYet;
    about.textContent = [hit.tier, hit.reference, state].filter(Boolean).join(" · ");
    li.append(name, about);
    if (hit.status === "valid" && !hit.checkedInAt) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "button-primary door-result-admit";
      const hidden = document.createElement("span");
      hidden.className = "visually-hidden";
      hidden.textContent = ` ${hit.name}`;
      button.append(words().admitButton, hidden);
      button.addEventListener("click", async () => {
        button.disabled = true;
        await this.admit(hit);
        await this.run();
      });
      li.append(button);
    }
    return li;
  }
}
