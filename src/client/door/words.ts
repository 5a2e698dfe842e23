import type { CheckInResult, InvalidReason, TicketStatus } from "./types";

/** "10:41", in this phone's time zone (the venue's). */
export function timeText(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
}

const invalidWords: Record<InvalidReason, string> = {
  malformed: "Unreadable: this is not one of our ticket codes. Scan again, or type the code.",
  bad_signature: "Forged: the code has been changed or made up.",
  unknown_key: "Forged, or from another system: it was not signed with our key.",
  unknown_ticket: "Unknown ticket: it is not in our records.",
};

/** A search result's state, in a word or two. */
export function statusText(status: TicketStatus): string {
  switch (status) {
    case "valid":
      return "";
    case "unpaid":
    case "expired":
      return "Not paid";
    case "cancelled":
      return "Cancelled";
    case "refunded":
      return "Refunded";
    case "event_cancelled":
      return "Event cancelled";
  }
}

/** Why a ticket may not come in, in words for the door. */
export function refusalText(result: CheckInResult | "no_list", reason?: InvalidReason): string {
  switch (result) {
    case "cancelled":
      return "Cancelled: this ticket or its order was cancelled.";
    case "refunded":
      return "Refunded: this ticket's order was refunded.";
    case "event_cancelled":
      return "The event has been cancelled: no tickets admit.";
    case "expired":
      return "Not paid: the order expired before payment.";
    case "wrong_event":
      return "This ticket is for another event.";
    case "unpaid":
      return "Not paid yet: the order is still waiting for payment.";
    case "invalid":
      return invalidWords[reason ?? "malformed"];
    case "no_list":
      return "This phone has not downloaded the ticket list yet. Connect to the internet once, then scan again.";
    default:
      return "";
  }
}

/** What the person at the door must see before letting someone in on a reduced price. */
export function proofText(eligibility: string | undefined): string | null {
  if (eligibility === "declaration") return "Check proof of concession";
  if (eligibility === "member_list") return "Check membership card";
  return null;
}
