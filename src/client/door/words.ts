import type { CheckInResult, InvalidReason } from "./types";

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

/** Why a ticket may not come in, in words for the door. */
export function refusalText(result: CheckInResult | "no_list", reason?: InvalidReason): string {
  switch (result) {
    case "cancelled":
      return "Cancelled or refunded.";
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
