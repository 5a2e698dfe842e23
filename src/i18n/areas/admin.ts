// The catalogue's section for the organiser pages about events, tiers, orders, attendees,
// exports and the dashboard, and the organiser menu. English and every other catalogue
// fill it in; a missing key fails the type check.
import type { EmailTemplate } from "@/domain/mail/repo";
import type { Fn } from "@/i18n/messages";
import type { TranslationFieldsMessages } from "@/i18n/areas/translations-form";

/**
 * A sentence with a link inside: the catalogue gives the whole sentence with `{link}` where
 * the link goes (the view puts it there), so translators see and order the sentence whole.
 */
export type Linked<P = {}> = Fn<P & { link: string }>;

/** A link whose visible word is followed by words only screen readers hear ("Edit" + " Annual Conference"). */
export type HiddenTail<P> = { shown: string; hidden: Fn<P> };

/** The event form's fields (named here, not from the form's values, so new fields elsewhere add their own labels). */
export type EventFieldKey =
  | "title"
  | "slug"
  | "summary"
  | "description"
  | "venueName"
  | "venueAddress"
  | "timezone"
  | "date"
  | "doorsOpen"
  | "startTime"
  | "endTime"
  | "capacity"
  | "maxPerOrder"
  | "holdOrdersLimit"
  | "holdTicketsLimit"
  | "ticketsPerMembership"
  | "salesStart"
  | "salesEnd"
  | "currency"
  | "referencePrefix"
  | "ticketEmailSubject"
  | "agenda";

/** The tier form's fields. */
export type TierFieldKey =
  | "name"
  | "description"
  | "price"
  | "quota"
  | "eligibility"
  | "declarationText"
  | "accessCode"
  | "salesStart"
  | "salesEnd"
  | "minPerOrder"
  | "maxPerOrder"
  | "sortOrder";

export type AdminMessages = {
  /** The organiser menu. */
  nav: {
    label: string;
    events: string;
    members: string;
    staff: string;
    tokens: string;
    audit: string;
    signOut: string;
    /** Who is signed in: "ada@example.org (organiser)". */
    who: Fn<{ email: string; role: string }>;
  };
  /** A page's title when its form came back with errors. */
  errorTitle: Fn<{ title: string }>;
  /** "← All events". */
  allEvents: string;
  /** Event statuses, as badges and words. */
  eventStatus: { draft: string; published: string; cancelled: string; archived: string };
  /** Added to the status of an event that has ended. */
  past: string;
  /** "12 sold, 3 held, of 120" / "…, no limit". */
  seats: Fn<{ sold: number; held: number; capacity: number | null }>;
  /** Order statuses. */
  orderStatus: { pending: string; paid: string; partially_refunded: string; refunded: string; cancelled: string; expired: string };
  /** Ticket statuses. */
  ticketStatus: { pending: string; valid: string; cancelled: string; refunded: string; expired: string; /** Handed to someone else by its holder (self-service): a new ticket replaced it. */ transferred: string };
  /** Where an order came from. */
  orderSource: { online: string; complimentary: string; door: string };
  /** `/admin`. */
  eventList: {
    title: string;
    create: string;
    caption: string;
    empty: string;
    columns: { event: string; status: string; date: string; seats: string; pages: string };
    /** An event's date: day, time and zone. */
    when: Fn<{ date: string; time: string; zone: string }>;
    edit: HiddenTail<{ title: string }>;
    preview: HiddenTail<{ title: string }>;
    dashboard: HiddenTail<{ title: string }>;
    publicPage: HiddenTail<{ title: string }>;
  };
  /** The new and edit pages of an event. */
  eventPage: {
    create: string;
    createIntro: string;
    createSubmit: string;
    editTitle: Fn<{ title: string }>;
    previewLink: string;
    dashboardLink: string;
    publicPage: string;
    details: string;
    save: string;
    /** What the error summary calls the status forms' fields. */
    confirmLabel: string;
    weeksLabel: string;
    /** The notice after a change (?done=…). */
    notices: {
      created: string;
      saved: string;
      published: string;
      cancelled: string;
      archived: string;
      duplicated: string;
      tierAdded: string;
      tierSaved: string;
      tierDeleted: string;
    };
    confirmCancelError: string;
    confirmCancelProblem: string;
  };
  /** The event's details form. */
  eventForm: {
    labels: Record<EventFieldKey, string>;
    legends: { about: string; where: string; when: string; sales: string; programme: string };
    hints: {
      slug: string;
      summary: string;
      description: string;
      venueAddress: string;
      when: string;
      date: string;
      doorsOpen: string;
      startTime: string;
      endTime: string;
      /** The capacity's hint, with the seats already taken when there are some. */
      capacity: Fn<{ taken: number }>;
      maxPerOrder: string;
      holdOrdersLimit: string;
      holdTicketsLimit: string;
      ticketsPerMembership: string;
      salesStart: string;
      salesEnd: string;
      currency: string;
      referencePrefix: string;
      ticketEmailSubject: string;
      agenda: string;
    };
  };
  /** The manage part of the edit page: tiers and status actions. */
  manage: {
    eligibility: { open: string; declaration: string; member_list: string; access_code: string };
    tiersHeading: string;
    tiersCaption: string;
    tiersEmpty: string;
    addTier: string;
    columns: { tier: string; price: string; seats: string; change: string };
    tierSeats: Fn<{ sold: number; held: number; quota: number | null }>;
    editTier: HiddenTail<{ name: string }>;
    deleteTier: HiddenTail<{ name: string }>;
    error: string;
    actionsHeading: string;
    publishHeading: string;
    publishBody: Linked;
    publishLink: string;
    publishButton: string;
    cancelHeading: string;
    cancelBody: Linked<{ sold: number }>;
    cancelLink: string;
    cancelConfirm: Fn<{ title: string }>;
    cancelButton: string;
    archiveHeading: string;
    archiveBody: string;
    archiveButton: string;
    duplicateHeading: string;
    duplicateBody: string;
    weeksLabel: string;
    weeksHint: string;
    duplicateButton: string;
  };
  /** The admin preview of an event's public page. */
  preview: {
    banner: string;
    status: { draft: string; published: string; cancelled: string; archived: string };
    nothingBought: string;
    back: Fn<{ title: string }>;
    /** The page's title. */
    title: Fn<{ title: string }>;
  };
  /** The tier form. */
  tierForm: {
    labels: Record<TierFieldKey, string>;
    add: string;
    edit: Fn<{ name: string }>;
    /** The page's title: the heading and the event. */
    title: Fn<{ heading: string; event: string }>;
    sold: string;
    held: string;
    heldCount: Fn<{ count: number }>;
    quota: string;
    noQuota: string;
    eligibility: {
      open: { label: string; hint: string };
      declaration: { label: string; hint: string };
      member_list: { label: string; hint: string };
      access_code: { label: string; hint: string };
    };
    hints: {
      name: string;
      price: Fn<{ currency: string }>;
      quota: Fn<{ taken: number }>;
      declarationText: string;
      accessCodeKept: string;
      accessCodeNew: Fn<{ min: number }>;
      window: Fn<{ zone: string }>;
      salesStart: string;
      salesEnd: string;
      minPerOrder: string;
      maxPerOrder: Fn<{ max: number }>;
      sortOrder: string;
    };
    windowLegend: string;
    save: string;
    addButton: string;
  };
  /** `/admin/events/:id`. */
  dashboard: {
    title: Fn<{ title: string }>;
    /** When the event is: its day, start and end times, and zone. */
    when: Fn<{ date: string; start: string; end: string; zone: string }>;
    status: string;
    attendees: string;
    addRegistration: string;
    downloadCsv: string;
    downloadXlsx: string;
    /** The same downloads with headings in the reader's language rather than the stable English keys. */
    downloadTranslated: string;
    downloadCsvTranslated: string;
    downloadXlsxTranslated: string;
    edit: string;
    sales: string;
    salesCaption: string;
    columns: { tier: string; sold: string; held: string; quota: string; checkedIn: string };
    none: string;
    event: string;
    unlimited: string;
    paying: Fn<{ count: number }>;
    money: string;
    gross: string;
    refunded: string;
    net: string;
    orders: string;
    checkIn: string;
    checkedIn: Fn<{ checkedIn: number; expected: number }>;
    attention: string;
    failedCaption: string;
    failedEmpty: string;
    failedColumns: { order: string; to: string; why: string; action: string };
    unknown: string;
    retry: HiddenTail<{ recipient: string }>;
  };
  /** `/admin/events/:id/attendees`. */
  attendees: {
    title: Fn<{ title: string }>;
    heading: string;
    search: string;
    query: string;
    tier: string;
    all: string;
    status: string;
    allButExpired: string;
    checkedIn: string;
    either: string;
    yes: string;
    no: string;
    submit: string;
    found: Fn<{ count: number }>;
    caption: string;
    columns: { attendee: string; ticket: string; order: string; buyer: string; checkedIn: string };
    pages: string;
    previous: string;
    next: string;
    page: Fn<{ page: number; pages: number }>;
  };
  /** `/admin/orders/:id`. */
  order: {
    title: Fn<{ reference: string }>;
    /** The heading's words before the reference. */
    heading: string;
    back: Fn<{ title: string }>;
    status: string;
    buyer: string;
    total: string;
    /** The total, with what was refunded of it. */
    totalRefunded: Fn<{ total: string; refunded: string }>;
    source: string;
    ordered: string;
    paid: string;
    tickets: string;
    checkedInAt: Fn<{ when: string }>;
    correctName: string;
    saveName: string;
    cancelTicket: Fn<{ name: string }>;
    actions: string;
    resend: string;
    refundLegend: string;
    amount: Fn<{ currency: string }>;
    refundHint: Fn<{ amount: string }>;
    partial: string;
    refund: string;
    cancelUnpaid: string;
    cancelPaidLegend: string;
    cancelPaidHint: string;
    cancelPaidConfirm: string;
    cancelPaidButton: string;
    history: string;
    historyOrdered: Fn<{ when: string; source: string }>;
    historyPaid: Fn<{ when: string }>;
    historyAction: Fn<{ when: string; action: string; who: string }>;
    historyEmail: Fn<{ when: string; template: string; recipient: string; status: string }>;
    emailStatus: { pending: string; sending: string; sent: string; failed: string };
    /** What each email is, as the history names it. */
    emailTemplates: Record<EmailTemplate, string>;
    /** What the page says after an action (?done=…). */
    done: { renamed: string; ticket_cancelled: string; order_cancelled: string; refunded: string; resent: string; added: string };
  };
  /** `/admin/events/:id/registrations/new`. */
  addRegistration: {
    title: Fn<{ title: string }>;
    heading: string;
    intro: string;
    contactName: string;
    contactEmail: string;
    contactEmailLabel: string;
    ticketType: string;
    attendees: string;
    attendeesLabel: string;
    payment: string;
    complimentary: string;
    door: string;
    submit: string;
  };
  /** The event and tier forms' language fields (src/i18n/areas/translations-form.ts). */
  translationFields: TranslationFieldsMessages;
};
