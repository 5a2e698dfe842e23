// The organiser event and tier forms as a browser would post them, for tests of the event pages.
import { blankTierValues } from "@/domain/events/tier-input";

/** A valid event form for a summer Saturday in London (BST, UTC+1). */
export function eventForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    title: "Summer Symposium 2027",
    slug: "",
    summary: "A day of talks.",
    description: "# Welcome\n\n<script>alert(1)</script>",
    venueName: "Conway Hall",
    venueAddress: "25 Red Lion Square, London WC1R 4RL",
    timezone: "Europe/London",
    date: "2027-07-10",
    doorsOpen: "10:30",
    startTime: "11:00",
    endTime: "17:00",
    capacity: "120",
    maxPerOrder: "10",
    salesStart: "",
    salesEnd: "",
    currency: "GBP",
    referencePrefix: "SSY",
    ticketEmailSubject: "",
    agenda: "10:30 Registration and coffee\n11:00 Welcome — Chair of trustees\n13:00 Lunch",
    ...overrides,
  };
}

/** A valid tier form: an open £13 tier with no limits of its own. */
export function tierForm(overrides: Record<string, string> = {}): Record<string, string> {
  // The organiser's blank form (every field, so a field added to the form is sent here too).
  return { ...blankTierValues(0), sortOrder: "", name: "Standard", price: "13", ...overrides };
}
