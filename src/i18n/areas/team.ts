// The catalogue's section for the organiser pages about people and access: staff, API
// tokens, the audit log, signing in, and the members list. English and every other
// catalogue fill it in; a missing key fails the type check.
//
// A sentence with a link, code or bold words inside takes that piece as a parameter (its
// text comes from its own entry, or is a value like a column name), so the translation
// chooses where it goes; the page puts the markup around it.
import type { Role } from "@/domain/staff/roles";
import type { Fn } from "@/i18n/messages";

/** Where a page is in a paged list. */
type PageOf = Fn<{ page: number; pages: number }>;

export type TeamMessages = {
  /** What each role is called, wherever a role is shown or chosen. */
  roles: Record<Role, string>;
  /** Said (for screen readers only) before an error message beside a field. */
  errorPrefix: string;
  /** A page's title when the page comes back with an error on it. */
  errorTitle: Fn<{ title: string }>;
  signIn: {
    title: string;
    intro: string;
    emailLabel: string;
    send: string;
    sentTitle: string;
    /** After asking: the same words whether or not the address is staff. */
    sent: Fn<{ minutes: number }>;
    /** A note on development builds; `mailbox` is the link, worded by `mailboxLink`. */
    devMailbox: Fn<{ mailbox: string }>;
    mailboxLink: string;
    /** The button on the link's landing page. */
    confirm: string;
  };
  staff: {
    title: string;
    /** What each role may do. */
    intro: string;
    disabledBadge: string;
    role: string;
    doorEvents: string;
    disabled: string;
    save: string;
    addHeading: string;
    email: string;
    name: string;
    add: string;
  };
  tokens: {
    title: string;
    /** How to use a token; `header` is the HTTP header, shown as code. */
    intro: Fn<{ header: string }>;
    createdNotice: string;
    caption: string;
    columns: { name: string; owner: string; lastUsed: string; state: string };
    ownerWithRole: Fn<{ email: string; role: string }>;
    never: string;
    revoked: string;
    revoke: string;
    empty: string;
    createHeading: string;
    nameLabel: string;
    nameHint: string;
    create: string;
    signOutHeading: string;
    signOutEverywhere: string;
  };
  audit: {
    title: string;
    caption: string;
    columns: { who: string; what: string; record: string; details: string };
    /** What each kind of record the log points to is called. */
    entities: { order: string; event: string; staff: string; api_token: string; member: string; ticket_type: string };
    /** How a members list upload was applied (the "Mode" fact). */
    importModes: { add: string; replace: string };
    empty: string;
    pages: string;
    newer: string;
    older: string;
    pageOf: PageOf;
  };
  members: {
    title: string;
    /** How long the list is, and what it is for. */
    onTheList: Fn<{ count: number }>;
    upload: string;
    findHeading: string;
    searchLabel: string;
    search: string;
    found: Fn<{ count: number }>;
    showEveryone: string;
    empty: string;
    noMatch: Fn<{ q: string }>;
    caption: PageOf;
    captionMatching: Fn<{ q: string; page: number; pages: number }>;
    columns: { email: string; number: string; name: string; remove: string };
    delete: string;
    /** The rest of the delete button's name, for screen readers. */
    deleteWhom: Fn<{ who: string }>;
    pages: string;
    previous: string;
    next: string;
    pageOf: PageOf;
    uploadHeading: string;
    /** Column names a file's first line may use (the members list reads English and Spanish ones). */
    csvColumns: { email: string; number: string; otherNumbers: string; name: string };
    /** The columns a file may have; the parameters are `csvColumns`, shown in bold. */
    uploadHelp: Fn<{ emailColumn: string; numberColumn: string; otherNumberColumns: string; nameColumn: string }>;
    fileLabel: string;
    fileHint: Fn<{ max: number }>;
    pasteLabel: string;
    pasteHint: string;
    check: string;
    nothingYet: string;
    deleted: string;
    imported: Fn<{ mode: string; added: number; updated: number; unchanged: number; removed: number; skipped: number; rejected: number }>;
    tooLarge: Fn<{ megabytes: number; max: number }>;
    changed: string;
    chooseMode: string;
  };
  /** Step 1 of an upload: what was read, and how to apply it. */
  preview: {
    title: string;
    back: string;
    summary: Fn<{ accepted: number; rejected: number }>;
    columnsRead: string;
    columns: Fn<{ columns: string; header: boolean }>;
    accepted: string;
    rejected: string;
    addAndUpdate: string;
    addSummary: Fn<{ inserts: number; updates: number; unchanged: number; skipped: number; staying: number }>;
    replace: string;
    replaceSummary: Fn<{ accepted: number; current: number }>;
    leftOutHeading: string;
    leftOutHelp: string;
    leftOutCaption: string;
    more: Fn<{ count: number }>;
    problemColumns: { line: string; row: string; reason: string };
    rowColumns: { line: string; email: string; number: string; name: string };
    toApplyHeading: string;
    firstRows: Fn<{ shown: number; total: number }>;
    allRows: string;
    howToApply: string;
    addHint: string;
    replaceLabel: string;
    replaceHint: Fn<{ current: number; accepted: number }>;
    apply: string;
    cancel: string;
    /** Nothing usable; `again` is the link, worded by `uploadAnother`. */
    noneUsable: Fn<{ again: string }>;
    uploadAnother: string;
  };
};
