// The catalogue's section for attendees' self-service: changing a name, transferring and cancelling tickets, and the event's refund policy. English and every other catalogue fill it in; a
// missing key fails the type check.
import type { Fn } from "@/i18n/messages";
import type { Refusal } from "@/domain/self-service/actions";
import type { RefundPolicy } from "@/domain/self-service/policy";

/** What a finished change says at the top of the page (POST-redirect-GET). */
export type SelfServiceNotice = "renamed" | "unchanged" | "transferred" | "cancelled" | "answered";

export type SelfServiceMessages = {
  /** The section on the ticket page (and the order page's whole-order cancel). */
  panel: {
    heading: string;
    /** Until when changes are open, in the event's time zone. */
    openUntil: Fn<{ at: string }>;
    /** The same, on the order page (every ticket of the order). */
    orderOpenUntil: Fn<{ at: string }>;
    /** Changes are closed (after the cut-off): nothing on the page can be changed. */
    closed: Fn<{ at: string }>;
    nameHeading: string;
    nameLabel: string;
    nameSubmit: string;
    transferHeading: string;
    transferIntro: string;
    transferName: string;
    transferEmail: string;
    transferSubmit: string;
    cancelHeading: string;
    cancelOrderHeading: string;
    /** What cancelling now refunds, said before the holder confirms. */
    refundNow: Fn<{ amount: string }>;
    noRefundNow: string;
    confirmCancel: string;
    confirmCancelOrder: string;
    cancelSubmit: string;
    cancelOrderSubmit: string;
    /** The error summary's heading when a form has mistakes. */
    fixThese: string;
    /** A confirmation box that was not ticked. */
    confirmRequired: string;
    /** The link to the ticket's own answers to the organisers' questions, and that page. */
    answersLink: string;
    answersTitle: Fn<{ event: string }>;
    answersHeading: string;
    answersIntro: Fn<{ name: string; at: string }>;
    answersSubmit: string;
    backToTicket: string;
  };
  /** The event's refund policy, in one sentence. */
  policy: { none: string; full_until: Fn<{ until: string }>; minus_fee: Fn<{ fee: string }> };
  /** The notice after a change. */
  notices: { renamed: string; unchanged: string; transferred: string; cancelledRefund: Fn<{ amount: string }>; cancelled: string; answered: string };
  /** Why a change was not made (nothing changed). */
  refusals: Record<Refusal, string>;
  /** The buyer's confirmation email. */
  email: {
    subject: Fn<{ event: string }>;
    heading: string;
    renamed: Fn<{ from: string; to: string }>;
    transferred: Fn<{ from: string; to: string }>;
    answered: Fn<{ name: string }>;
    cancelled: Fn<{ count: number }>;
    refunded: Fn<{ amount: string }>;
    noRefund: string;
    /** The link under each ticket in ticket emails. */
    manageLink: string;
  };
  /** The organisers' event form: refund policy and cut-off. */
  form: {
    legend: string;
    policyLabel: string;
    policies: Record<RefundPolicy, string>;
    untilLabel: string;
    untilHint: string;
    feeLabel: string;
    feeHint: string;
    cutoffLabel: string;
    cutoffHint: string;
  };
};
