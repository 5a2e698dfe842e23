// The catalogue's section for the organisers' waiting-list page, its settings and the dashboard's count. English and every other catalogue fill it in; a
// missing key fails the type check.
import type { Fn } from "@/i18n/messages";
import type { WaitlistColumn } from "@/domain/waitlist/waitlist-export";
import type { HiddenTail, Linked } from "@/i18n/areas/admin";

export type WaitlistAdminMessages = {
  /** The page's title. */
  title: Fn<{ event: string }>;
  heading: string;
  intro: string;
  /** The link on the event's pages: "Waiting list: 3 waiting". */
  link: Fn<{ waiting: number }>;
  /** Where the list stands: open and offering by itself, paused, or closed. */
  state: { open: string; paused: string; closed: string };
  summary: { heading: string; caption: string; empty: string; columns: { tier: string; waiting: string; offered: string; places: string } };
  list: {
    heading: string;
    caption: string;
    empty: string;
    columns: { position: string; name: string; email: string; tier: string; places: string; language: string; status: string; joined: string; actions: string };
  };
  /** A row's status in words; an offer says until when, a purchase links its order. */
  status: { waiting: string; offered: Fn<{ until: string }>; converted: Linked<{ reference: string }>; convertedNoOrder: string; expired: string; removed: string; left: string };
  offerNow: HiddenTail<{ name: string }>;
  remove: { legend: Fn<{ name: string }>; hint: string; confirm: Fn<{ name: string }>; button: string };
  /** What the page says after an action (post, redirect, get). */
  done: { offered: string; removed: string; saved: string };
  /** A removal sent without its box ticked. */
  confirmRemove: string;
  settings: {
    heading: string;
    enabled: { label: string; hint: string };
    paused: { label: string; hint: string };
    offerHours: { label: string; hint: Fn<{ most: number }> };
    save: string;
    problem: string;
  };
  download: { heading: string; csv: string; translated: string; csvTranslated: string };
  /** The CSV's column headings. */
  columns: Record<WaitlistColumn, string>;
  inZone: Fn<{ heading: string; zone: string }>;
};
