// The scanner's words: the part of the door's catalogue section that the browser code
// (src/client/door) reads. The door pages embed it as JSON for the reader's language, so it
// holds only text: a sentence with parts that vary is a template with `{name}` holes, which
// the client fills (`fill` in src/client/door/words.ts); a count has one template per plural
// form. This file imports nothing but types the client may also import, so both sides are
// typed against the same keys.
import type { TicketStatus } from "@/domain/tickets/status";

/** The intersection of a union of types. */
type AllOf<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/**
 * A sentence with holes: the type checks that a catalogue's text has every hole `P` names
 * (`{time}`, `{device}`…), so a translation cannot drop one.
 */
export type Template<P extends string> = AllOf<P extends string ? `${string}{${P}}${string}` : never>;

/** A sentence about a number: one template per plural form, `other` always (Intl.PluralRules picks). */
export type PluralTemplate<P extends string> = { zero?: Template<P>; one?: Template<P>; two?: Template<P>; few?: Template<P>; many?: Template<P>; other: Template<P> };

/** Why a code is not a ticket of ours (the check-in API's `reason`). */
export type ScannerInvalidReason = "malformed" | "unknown_key" | "bad_signature" | "unknown_ticket";

/** Every refusal the check-in API gives (its `result`), and "no list yet" on the phone. */
export type ScannerRefusal = "invalid" | "wrong_event" | Exclude<TicketStatus, "valid"> | "no_list";

export type ScannerWords = {
  /** Verdict titles, large on the verdict screen. */
  title: { admit: string; alreadyCheckedIn: string; cannotCheckYet: string; notValid: string };
  /** Why a ticket may not come in. */
  refusal: Record<Exclude<ScannerRefusal, "invalid">, string>;
  /** Why a code is not valid. */
  invalid: Record<ScannerInvalidReason, string>;
  /** A search result's state, in a word or two. */
  status: Record<Exclude<TicketStatus, "valid">, string>;
  /** What to check before letting someone in on a reduced price. */
  proof: { declaration: string; member_list: string };
  nameNotOnList: string;
  notOnListYet: string;
  checkedInAt: Template<"time">;
  checkedInAtHere: Template<"time">;
  checkedInAtOn: Template<"time" | "device">;
  /** A search result's state when its ticket is in. */
  resultCheckedIn: Template<"time">;
  decidedOffline: string;
  decidedHere: string;
  nextScanHint: string;
  /** The "Last scan" panel's line: when, then the verdict. */
  lastScan: Template<"time" | "verdict">;
  /** Online/offline line. */
  online: string;
  offline: string;
  listUpdated: Template<"time">;
  listNever: string;
  waiting: PluralTemplate<"count">;
  backOnline: string;
  wentOffline: string;
  signedOut: string;
  serverAnswered: Template<"status">;
  countsFromServer: Template<"time">;
  countsOnPhone: string;
  /** Undo. */
  nothingToUndo: string;
  undone: Template<"name">;
  undoneLater: Template<"name">;
  notCheckedIn: Template<"name">;
  couldNotUndo: Template<"problem">;
  /** Offline admits the server saw differently, and queued scans it refused. */
  aTicket: string;
  thisTicket: string;
  twoDevices: Template<"name" | "time">;
  twoDevicesOn: Template<"name" | "time" | "device">;
  offlineNotValid: Template<"name" | "time" | "reason">;
  couldNotSendAdmit: Template<"name" | "problem">;
  couldNotSendUndo: Template<"name" | "problem">;
  /** Search. */
  typeTwoLetters: string;
  noneFound: string;
  found: PluralTemplate<"count">;
  foundOnPhone: PluralTemplate<"count">;
  noneFoundOnPhone: string;
  notCheckedInYet: string;
  admitButton: string;
  /** Camera. */
  startCamera: string;
  stopCamera: string;
  startingCamera: string;
  holdInFrame: string;
  cameraNotAllowed: string;
  noCamera: string;
  cameraFailed: string;
  cameraUnavailable: string;
  /** Signing out with scans not sent. */
  signOutUnsent: PluralTemplate<"count">;
  /** The service worker's answer for a door page never opened on this phone, with no connection. */
  offlineNotOpened: string;
  /** The device name a phone starts with when its staff member has none. */
  defaultDevice: string;
};

/** What the door pages embed for the browser: the words, and the language tag for times and plurals. */
export type ScannerCatalogue = { locale: string; words: ScannerWords };
