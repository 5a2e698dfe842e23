// The catalogue's section for the organisers' voucher pages (create, bulk generate, CSV) and the hidden-tier setting. English and every other catalogue fill it in; a
// missing key fails the type check.
import type { Fn } from "@/i18n/messages";

/** The voucher forms' fields (the generate form adds count and prefix). */
export type VoucherFieldKey = "code" | "label" | "kind" | "value" | "tier" | "validFrom" | "validUntil" | "maxUses" | "maxPerOrder" | "seatBudget" | "count" | "prefix";

/** The CSV's columns. */
export type VoucherCsvColumn = "code" | "label" | "kind" | "value" | "tier" | "validFrom" | "validUntil" | "maxUses" | "maxPerOrder" | "uses" | "seatBudget" | "seatsUsed";

export type VouchersAdminMessages = {
  /** The link from the event's organiser page. */
  link: string;
  /** The tier form's checkbox, and the tier list's mark. */
  hiddenTier: { legend: string; box: string; tag: string };
  list: {
    title: Fn<{ event: string }>;
    heading: string;
    intro: string;
    caption: string;
    empty: string;
    emptyFiltered: Fn<{ label: string }>;
    columns: { code: string; label: string; does: string; tier: string; valid: string; uses: string; seats: string; actions: string };
    does: { percent: Fn<{ percent: string }>; amount: Fn<{ amount: string }>; fixed: Fn<{ amount: string }>; unlock: Fn<{ tier: string }> };
    allTiers: string;
    validFrom: Fn<{ from: string }>;
    validUntil: Fn<{ until: string }>;
    validBetween: Fn<{ from: string; until: string }>;
    always: string;
    uses: Fn<{ used: string; max: string }>;
    usesUnlimited: Fn<{ used: string }>;
    seats: Fn<{ used: string; budget: string }>;
    seatsNoBudget: Fn<{ used: string }>;
    delete: string;
    deleteLabel: Fn<{ code: string }>;
    inUse: string;
    filterLabel: string;
    filterButton: string;
    filterClear: string;
    download: string;
    downloadLabel: Fn<{ label: string }>;
    notices: { created: Fn<{ code: string }>; generated: Fn<{ count: number; label: string }>; deleted: Fn<{ code: string }> };
  };
  form: {
    createHeading: string;
    createButton: string;
    generateHeading: string;
    generateIntro: string;
    generateButton: string;
    limitsLegend: string;
    validLegend: string;
    labels: Record<VoucherFieldKey, string>;
    kinds: { percent: string; amount: string; fixed: string; unlock: string };
    tierHidden: Fn<{ tier: string }>;
    hints: {
      code: string;
      label: string;
      value: Fn<{ currency: string }>;
      tier: string;
      valid: Fn<{ zone: string }>;
      maxUses: string;
      maxPerOrder: string;
      seatBudget: string;
      count: Fn<{ max: number }>;
      prefix: string;
    };
  };
  /** The CSV's headings, and its word for "every tier". */
  csv: { columns: Record<VoucherCsvColumn, string>; allTiers: string };
};
