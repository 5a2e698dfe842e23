// The catalogue's section for attendees' pages: the event list and event page, registration, order, ticket, notices and error pages. English and every other catalogue
// fill it in; a missing key fails the type check.
import type { Fn } from "@/i18n/messages";

/** A sale state's name, as a tier's availability says it. */
type SaleStateWords = { on_sale: string; sold_out: string; not_yet_on_sale: string; sales_closed: string; event_cancelled: string; event_over: string };

/** A heading and the sentence under it. */
type Notice = { heading: string; body: string };

export type PublicMessages = {
  attendeeLanguage: import("@/i18n/areas/attendee-language").AttendeeLanguageMessages;
  /** Badges beside an event or a tier (words, never colour alone). */
  badges: { soldOut: string; cancelled: string; past: string };
  /** An event's date and times: "Saturday 2 January 2027, 10:00–17:00 GMT". */
  when: Fn<{ date: string; start: string; end: string; zone: string }>;
  /** `/`: the list of upcoming events. */
  eventList: { title: string; description: string; none: string };
  /** `/events/:slug`. */
  eventPage: {
    /** The page's description for search engines when the event has no summary. */
    description: Fn<{ date: string; venue: string }>;
    cancelled: string;
    past: string;
    soldOut: string;
    tickets: string;
    noTiers: string;
    tableCaption: string;
    columns: { ticket: string; price: string; availability: string; quantity: string };
    notAvailable: string;
    /** The hidden label of a tier's quantity. */
    quantityOf: Fn<{ tier: string }>;
    continue: string;
    whenHeading: string;
    date: string;
    doorsOpen: string;
    starts: string;
    ends: string;
    whereHeading: string;
    openMap: string;
    /** Said to screen readers after `openMap`: which map service opens. */
    mapService: string;
    about: string;
    programme: string;
    again: { heading: string; label: string; hint: string; button: string };
  };
  /** Who a tier is for, in the words a buyer needs. */
  eligibility: { declarationWith: Fn<{ text: string }>; declaration: string; member_list: string; access_code: string; open: string };
  /** A tier's availability. */
  availability: SaleStateWords & { available: string; onlyLeft: Fn<{ count: number }>; left: Fn<{ count: number }> };
  /** The event's places left, said once above its tiers. */
  placesLeft: Fn<{ count: number }>;
  /** After "Email me my tickets again". */
  ticketsAgain: { title: string; message: string; back: string };
  /** `/events/:slug/register`. */
  registration: {
    title: Fn<{ event: string }>;
    errorTitle: Fn<{ event: string }>;
    heading: string;
    yourDetails: string;
    detailsHint: string;
    yourName: string;
    yourEmail: string;
    ticketLegend: Fn<{ index: number; tier: string; price: string }>;
    unknownTicket: Fn<{ index: number }>;
    attendeeName: string;
    attendeeNameHint: string;
    attendeeEmail: string;
    attendeeEmailHint: string;
    membership: string;
    switchTo: Fn<{ tier: string; price: string }>;
    declarationDefault: string;
    accessCode: string;
    /** The error summary's names for each ticket's fields. */
    errorLabels: { tickets: string; field: Fn<{ index: number; field: "tier" | "name" | "email" | "membership" | "declaration" | "accessCode" }> };
    total: string;
    confirm: string;
    continueToPayment: string;
    holdHint: Fn<{ minutes: number }>;
    paymentCancelled: string;
    switched: Fn<{ index: number; tier: string; price: string }>;
  };
  /** `/orders/:id/complete`. */
  order: {
    title: Fn<{ reference: string }>;
    registered: string;
    paymentReceived: string;
    onTheirWay: Fn<{ email: string }>;
    pending: Notice;
    lateRefund: { heading: string; body: Fn<{ amount: string }> };
    refunded: { heading: string; body: Fn<{ amount: string }> };
    cancelledByOrganisers: { heading: string; body: Fn<{ paid: string; refunded: string | null }>; contact: string };
    notCompleted: Notice;
    reference: string;
    event: string;
    when: string;
    where: string;
    total: string;
    tickets: string;
    ticketLine: Fn<{ name: string; tier: string }>;
    ticketCancelled: string;
    openTicket: string;
    /** Hidden after `openTicket`, for screen readers. */
    openTicketFor: Fn<{ name: string }>;
    registerAgain: string;
  };
  /** `/tickets/:token`. */
  ticket: {
    title: Fn<{ event: string }>;
    lead: Fn<{ name: string; tier: string }>;
    states: { unpaid: Notice; event_cancelled: Notice; expired: Notice; refunded: Notice; cancelled: Notice };
    showCode: string;
    details: string;
    name: string;
    ticket: string;
    when: string;
    doorsOpen: string;
    where: string;
    reference: string;
    addToCalendar: string;
    qrImage: string;
    eventPage: string;
  };
  /** Form frames shared by every form. */
  form: {
    optional: string;
    errorPrefix: string;
    /** One line of a form's error summary: the field's name, then what is wrong. */
    problem: Fn<{ field: string; message: string }>;
  };
};
