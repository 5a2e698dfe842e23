// The scanner's words, in the language of the page it runs in. The door pages embed their
// language's `door.scanner` catalogue section as JSON (src/web/door/door-layout.tsx); this
// reads it once, and fills its `{name}` templates. Typed against the catalogue's own keys
// (src/i18n/areas/door-scanner.ts), imported as types only: no server code reaches the browser.
import type { PluralTemplate, ScannerCatalogue, ScannerWords, Template } from "@/i18n/areas/door-scanner";
import type { CheckInResult, InvalidReason, TicketStatus } from "./types";

/** The id of the page's JSON block (doorWordsId in src/web/door/door-layout.tsx). */
const WORDS_ID = "door-words";

let current: ScannerCatalogue | null = null;

/** Uses these words from now on (the page's, or a test's). */
export function useWords(catalogue: ScannerCatalogue): void {
  current = catalogue;
  plurals = null;
}

/** The page's words. */
export function catalogue(): ScannerCatalogue {
  if (!current) {
    const text = globalThis.document?.getElementById(WORDS_ID)?.textContent;
    if (!text) throw new Error(`The page has no #${WORDS_ID} block: the scanner has no words to say.`);
    current = JSON.parse(text) as ScannerCatalogue;
  }
  return current;
}

/** The words themselves. */
export const words = (): ScannerWords => catalogue().words;

/** A template with its holes filled: `fill(words().undone, { name })`. */
export function fill<P extends string>(template: Template<P>, params: Record<P, string | number>): string {
  return (template as string).replace(/\{(\w+)\}/g, (hole, name: string) => (Object.hasOwn(params, name) ? String(params[name as P]) : hole));
}

let plurals: Intl.PluralRules | null = null;

/** The template for `count` in the page's language, filled: "3 scans waiting to send". */
export function counted(forms: PluralTemplate<"count">, count: number): string {
  plurals ??= new Intl.PluralRules(catalogue().locale);
  const form = forms[plurals.select(count)] ?? forms.other;
  return fill(form, { count: new Intl.NumberFormat(catalogue().locale).format(count) });
}

/** "10:41", in the page's language and this phone's time zone (the venue's). */
export function timeText(iso: string | null | undefined, seconds = false): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return date.toLocaleTimeString(catalogue().locale, { hour: "2-digit", minute: "2-digit", ...(seconds ? { second: "2-digit" } : {}), hourCycle: "h23" });
}

/** A search result's state, in a word or two. */
export function statusText(status: TicketStatus): string {
  return status === "valid" ? "" : words().status[status];
}

/** Why a ticket may not come in, in words for the door. */
export function refusalText(result: CheckInResult | "no_list", reason?: InvalidReason): string {
  const w = words();
  if (result === "admitted" || result === "already_checked_in") return "";
  if (result === "invalid") return w.invalid[reason ?? "malformed"];
  return w.refusal[result];
}

/** What the person at the door must see before letting someone in on a reduced price. */
export function proofText(eligibility: string | undefined): string | null {
  if (eligibility === "declaration") return words().proof.declaration;
  if (eligibility === "member_list") return words().proof.member_list;
  return null;
}
