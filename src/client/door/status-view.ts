import type { Stats, Verdict } from "./types";
import { detailLines, titleOf } from "./verdict-view";
import { counted, fill, timeText, words } from "./words";

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** "10:41:05": sync times to the second, so a stuck sync is noticed. */
const clock = (iso: string | null) => (iso ? timeText(iso, true) : words().listNever);

/**
 * The scanner's standing information: connection and last sync, live counts, the last scan
 * with its undo button, and the problems found when offline admits were sent.
 */
export class StatusView {
  private connection = byId<HTMLParagraphElement>("door-connection");
  private announcer = byId<HTMLParagraphElement>("door-announce");
  private lastState = "";

  /** Online or not, when the list last arrived, and how many scans are waiting to be sent. */
  showConnection(state: { online: boolean; syncedAt: string | null; pending: number; problem: string | null }): void {
    const w = words();
    const parts = [state.online ? w.online : w.offline, fill(w.listUpdated, { time: clock(state.syncedAt) })];
    if (state.pending) parts.push(counted(w.waiting, state.pending));
    this.connection.textContent = parts.join(" · ");
    if (state.problem) this.connection.append(document.createElement("br"), state.problem);
    this.connection.dataset.state = state.online ? "online" : "offline";
    const summary = state.online ? "online" : "offline";
    if (this.lastState && this.lastState !== summary) {
      this.announce(state.online ? w.backOnline : w.wentOffline);
    }
    this.lastState = summary;
  }

  /** A polite announcement for screen readers (connection changes, undo results). */
  announce(text: string): void {
    this.announcer.textContent = text;
  }

  showCounts(stats: Stats | null, source: "server" | "phone"): void {
    if (!stats) return;
    byId("door-checked-in").textContent = String(stats.checkedIn);
    byId("door-expected").textContent = String(stats.expected);
    for (const tier of stats.tiers) {
      const row = document.querySelector<HTMLTableRowElement>(`tr[data-tier="${CSS.escape(tier.id)}"]`);
      if (!row) continue;
      row.querySelector('[data-count="in"]')!.textContent = String(tier.checkedIn);
      row.querySelector('[data-count="expected"]')!.textContent = String(tier.expected);
    }
    byId("door-counts-source").textContent = source === "server" ? fill(words().countsFromServer, { time: clock(stats.at) }) : words().countsOnPhone;
  }

  showLast(v: Verdict, device: string, canUndo: boolean): void {
    byId("door-last").hidden = false;
    const text = [titleOf(v), ...detailLines(v, device).map(([, t]) => t)].join(" · ");
    byId("door-last-text").textContent = fill(words().lastScan, { time: timeText(new Date().toISOString()), verdict: text });
    byId("door-undo").hidden = !canUndo;
    byId("door-undo-result").textContent = "";
  }

  showUndo(message: string): void {
    byId("door-undo").hidden = true;
    byId("door-undo-result").textContent = message;
  }

  addProblems(problems: string[]): void {
    if (!problems.length) return;
    const list = byId<HTMLUListElement>("door-problem-list");
    for (const text of problems) {
      const item = document.createElement("li");
      item.textContent = text;
      list.append(item);
    }
    byId("door-problems").hidden = false;
    this.announce(problems.join(" "));
  }
}
