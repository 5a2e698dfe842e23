// The catalogue's section for receipts and the organisers' messages to attendees. English and every other catalogue fill it in; a
// missing key fails the type check.
import type { Fn } from "@/i18n/messages";

export type CorrespondenceMessages = {
  /** The printable receipt page (/orders/:id/receipt). */
  receipt: {
    title: Fn<{ reference: string }>;
    heading: string;
    /** Under the heading: how to keep it. */
    printHint: string;
    charityNumber: Fn<{ number: string }>;
    companyNumber: Fn<{ number: string }>;
    vatNumber: Fn<{ number: string }>;
    reference: string;
    date: string;
    billedTo: string;
    event: string;
    linesCaption: string;
    item: string;
    attendee: string;
    amount: string;
    ticketCancelled: string;
    discount: string;
    discountNamed: Fn<{ label: string }>;
    refund: string;
    subtotal: string;
    totalPaid: string;
    refunded: string;
    net: string;
    noVat: string;
    vatLine: Fn<{ rate: string }>;
    netOfVat: string;
    backToOrder: string;
    unpaid: { heading: string; body: string };
    erased: { heading: string; body: string };
    /** The link on the order page and in the ticket email. */
    link: string;
    linkLine: Fn<{ url: string }>;
  };
  /** The organisation's settings page (/admin/settings), owners only. */
  settings: {
    nav: string;
    title: string;
    intro: string;
    name: string;
    address: string;
    addressHint: string;
    charityNumber: string;
    companyNumber: string;
    numbersHint: string;
    vatLegend: string;
    notRegistered: string;
    registered: string;
    registeredHint: string;
    vatNumber: string;
    vatRate: string;
    vatRateHint: string;
    save: string;
    saved: string;
  };
  /** Messages to attendees (/admin/events/:id/messages). */
  messages: {
    link: string;
    title: Fn<{ event: string }>;
    back: Fn<{ event: string }>;
    intro: string;
    audience: string;
    audienceAll: string;
    audienceNotCheckedIn: string;
    audienceTier: Fn<{ tier: string }>;
    subject: string;
    body: string;
    bodyHint: string;
    /** The main language's fields, when the event has others. */
    inMain: Fn<{ language: string }>;
    /** Another language's fields: optional, the main language's version goes otherwise. */
    inOther: Fn<{ language: string }>;
    otherHint: string;
    preview: string;
    previewHeading: string;
    recipientCount: Fn<{ count: number }>;
    previewIn: Fn<{ language: string }>;
    send: Fn<{ count: number }>;
    sent: Fn<{ count: number }>;
    alreadySent: Fn<{ count: number }>;
    historyHeading: string;
    historyEmpty: string;
    historyWhen: string;
    historySubject: string;
    historyRecipients: string;
    cancellationNotice: string;
  };
  /** The emails: a message as the organisers wrote it, and the cancellation notice. */
  mail: {
    footer: Fn<{ event: string }>;
    cancelledSubject: Fn<{ event: string }>;
    cancelledHeading: string;
    cancelledBody: Fn<{ event: string; date: string }>;
    refundPlanHeading: string;
    noRefundPlan: string;
  };
  /** The refund plan on the event's cancel form. */
  cancellation: {
    refundPlanLabel: string;
    optional: string;
    refundPlanHint: string;
  };
};
