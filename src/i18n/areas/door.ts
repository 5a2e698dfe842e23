// The catalogue's section for the door: the door pages, the scanner's words (verdicts, proof notes, offline states) and its installable app. English and every other catalogue
// fill it in; a missing key fails the type check.
import type { Fn } from "@/i18n/messages";
import type { ScannerWords } from "@/i18n/areas/door-scanner";

export type { ScannerCatalogue, ScannerWords } from "@/i18n/areas/door-scanner";

export type DoorMessages = {
  /** The installable app (its web app manifest). */
  app: { name: string; shortName: string; description: string };
  /** The door pages' shell: title suffix and bar. */
  layout: { pageTitle: Fn<{ title: string }>; home: string; organiserPages: string; signOut: string };
  /** `/door`: the events this person may scan for. */
  events: {
    title: string;
    heading: string;
    none: string;
    intro: string;
    when: Fn<{ date: string; time: string }>;
    signedInAs: Fn<{ name: string; email: string }>;
  };
  /** `/door/:slug`: the scanner's markup (the script fills in the rest from `scanner`). */
  scannerPage: {
    starting: string;
    needsJavaScript: string;
    scanHeading: string;
    cameraView: string;
    startCamera: string;
    codeLabel: string;
    codeHint: Fn<{ example: string }>;
    check: string;
    lastScan: string;
    undo: string;
    problems: string;
    countsHeading: string;
    /** "– of –": the two numbers are filled in by the script. */
    countsOf: Fn<{ checkedIn: string; expected: string }>;
    countsCaption: string;
    tierColumn: string;
    inColumn: string;
    expectedColumn: string;
    searchHeading: string;
    searchLabel: string;
    search: string;
    settings: string;
    deviceLabel: string;
    deviceHint: string;
    sound: string;
    hold: string;
  };
  /** Everything the scanner's script says (embedded in the page as JSON: text only). */
  scanner: ScannerWords;
};
