// The shape every catalogue satisfies. A language is one file (`en.ts`, later `es.ts`) typed
// `Messages`: a missing or misspelt key, or a function taking the wrong parameters, fails
// the type check.
import type { ConfigProblem, DomainErrorCode, DomainErrorParams } from "@/domain/errors";
import type { FieldCode, FieldIssue, FieldParams, Money } from "@/domain/issues";
import type { AttendeeColumn } from "@/domain/exports/columns";
import type { MemberColumn, RowProblem } from "@/domain/members/members-csv";
import type { AuditAction, AuditDetailKey } from "@/domain/staff/audit-vocabulary";
import type { Formats } from "@/lib/format";
import type { AdminMessages } from "@/i18n/areas/admin";
import type { DoorMessages } from "@/i18n/areas/door";
import type { PublicMessages } from "@/i18n/areas/public";
import type { TeamMessages } from "@/i18n/areas/team";
import type { QuestionsMessages } from "@/i18n/areas/questions";
import type { SelfServiceMessages } from "@/i18n/areas/self-service";
import type { RemindersMessages } from "@/i18n/areas/reminders";
import type { CorrespondenceMessages } from "@/i18n/areas/correspondence";
import type { PrivacyMessages } from "@/i18n/areas/privacy";
import type { InsightsMessages } from "@/i18n/areas/insights";
import type { VouchersAdminMessages } from "@/i18n/areas/vouchers-admin";
import type { WaitlistAdminMessages } from "@/i18n/areas/waitlist-admin";
import type { WaitlistMailMessages } from "@/i18n/areas/waitlist-mail";
import type { WaitlistPublicMessages } from "@/i18n/areas/waitlist-public";

/** A sentence: fixed, or built from typed parameters. Parameterless entries may be plain text. */
export type Entry<P> = {} extends P ? string | ((params: P) => string) : (params: P) => string;

export type Fn<P> = (params: P) => string;

export type Messages = {
  /** BCP 47 tag, for Intl (plurals, numbers, money) and `<html lang>`. */
  locale: string;
  /** The language's own name, as the language switch shows it ("English", "Español"). */
  languageName: string;
  /** Open Graph's locale for pages in this language ("en_GB", "es_LA"). */
  ogLocale: string;
  /** Dates, times, money and numbers in this language. */
  format: Formats;
  /** The page shell around every page. */
  layout: {
    siteName: string;
    skipToContent: string;
    footer: string;
    /** The language switch's label, for screen readers. */
    languages: string;
    /** The link to this page in another language, said in that language. */
    readIn: Fn<{ language: string }>;
  };
  /** Attendees' pages. */
  public: PublicMessages;
  /** The organiser pages: events, tiers, orders, attendees, exports, dashboard, menu. */
  admin: AdminMessages;
  /** The organiser pages about people and access: staff, tokens, audit log, sign-in, members. */
  team: TeamMessages;
  /** The door pages and the scanner. */
  door: DoorMessages;
  /** Attendee questions: the organiser's question pages, the questions on the registration form, and answers where they are shown. */
  questions: QuestionsMessages;
  /** Attendees' self-service: changing a name or answers, transferring and cancelling tickets, and the event's refund policy. */
  selfService: SelfServiceMessages;
  /** Reminder emails before the day and the organisers' notifications (daily sales summary, sold-out alert). */
  reminders: RemindersMessages;
  /** Receipts and the organisers' messages to attendees. */
  correspondence: CorrespondenceMessages;
  /** Personal data retention, erasure and the privacy page. */
  privacy: PrivacyMessages;
  /** The dashboard's pictures (sales, revenue, tiers, arrivals) and the live door counts. */
  insights: InsightsMessages;
  /** The organisers' voucher pages (create, bulk generate, CSV) and the hidden-tier setting. */
  vouchersAdmin: VouchersAdminMessages;
  /** The organisers' waiting-list page, its settings and the dashboard's count. */
  waitlistAdmin: WaitlistAdminMessages;
  /** The waiting list's emails (joined, offer) and how discounts read on payment lines, receipts and order pages. */
  waitlistMail: WaitlistMailMessages;
  /** The waiting list and vouchers as attendees meet them: joining, leaving, offers, the voucher field, hidden tiers. */
  waitlistPublic: WaitlistPublicMessages;
  /** One sentence per DomainError code, from its parameters. */
  errors: { [C in DomainErrorCode]: Fn<DomainErrorParams[C]> };
  /** One sentence per field code. */
  fields: { [C in FieldCode]: Entry<FieldParams[C]> };
  /** Errors that are not rules: the HTTP layer, settings, webhooks. */
  http: {
    badRequest: string;
    refused: string;
    internal: Fn<{ requestId: string }>;
    misconfigured: Fn<{ detail: string }>;
    pageNotFound: string;
    missingStripeSignature: string;
    badStripeSignature: string;
    badStripeEvent: string;
  };
  config: { [P in ConfigProblem["problem"]]: Fn<Extract<ConfigProblem, { problem: P }>> };
  /** Headings and short texts around errors on pages. */
  pages: {
    notFoundHeading: string;
    serverErrorHeading: string;
    refusedHeading: string;
    allEvents: string;
    /** The summary above a form's field messages. */
    formProblem: string;
    weeksProblem: string;
    listUnreadable: string;
    skippedWhenAdding: Fn<{ reason: string }>;
  };
  mail: {
    greeting: Fn<{ name: string }>;
    tickets: {
      intro: Fn<{ kind: "order_confirmation" | "attendee_ticket" | "tickets_again"; event: string; count: number }>;
      showAtDoor: string;
      headingAgain: string;
      headingRegistered: string;
      facts: { date: string; doors: string; starts: string; venue: string };
      fact: Fn<{ label: string; value: string }>;
      ticketOf: Fn<{ index: number; count: number }>;
      ticket: string;
      ticketLine: Fn<{ index: number | null; name: string; tier: string }>;
      qrAlt: Fn<{ name: string }>;
      /** The short code door staff can type instead of scanning. */
      typedCode: Fn<{ code: string }>;
      open: string;
      openLine: Fn<{ url: string }>;
      preheader: Fn<{ date: string; venue: string }>;
      footer: Fn<{ event: string }>;
      reference: Fn<{ reference: string; total: string | null }>;
      referenceLine: Fn<{ reference: string; total: string | null }>;
      replyToReach: string;
    };
    actionLine: Fn<{ label: string; url: string }>;
    ticketsSubject: Fn<{ event: string }>;
    anyone: string;
    signIn: { subject: string; heading: string; body: Fn<{ minutes: number }>; ignore: string; action: string; footer: string };
    aboutEvent: Fn<{ event: string }>;
    registerAgain: string;
    lateRefunded: { subject: Fn<{ event: string }>; heading: string; body: Fn<{ amount: Money; event: string; reference: string }>; again: string };
    refunded: { subject: Fn<{ event: string }>; heading: string; body: Fn<{ amount: Money; reference: string }>; ticketsStillValid: string; ticketsCancelled: string };
    paymentFailed: { subject: Fn<{ event: string }>; heading: string; body: Fn<{ reference: string }>; again: string };
    cancelledByOrganiser: { subject: Fn<{ event: string }>; heading: string; body: Fn<{ amount: Money; event: string; reference: string }>; notRefunded: string; contact: string };
  };
  tickets: {
    proofNote: { declaration: string; member_list: string };
    qrLabel: string;
    qrLabelFor: Fn<{ name: string }>;
    /** The short code door staff can type instead of scanning. */
    typedCode: string;
  };
  ics: { ticketFor: Fn<{ name: string }>; doorsOpenAt: Fn<{ time: string }>; yourTicket: Fn<{ url: string }>; details: Fn<{ url: string }> };
  exports: { sheet: string; columns: Record<AttendeeColumn, string>; inZone: Fn<{ heading: string; zone: string }> };
  /** The audit log and order histories: what each action is called, and each detail's label. */
  audit: {
    actions: Record<AuditAction, string>;
    labels: Record<AuditDetailKey, string>;
    yes: string;
    no: string;
    none: string;
    system: string;
    /** The audit log's time column, naming the zone its times are in. */
    when: Fn<{ zone: string }>;
    /** How long the log is, and where it is read from. */
    count: Fn<{ count: number; zone: string }>;
  };
  members: { rows: { [P in RowProblem["problem"]]: Fn<Extract<RowProblem, { problem: P }>> }; columns: Record<MemberColumn, string> };
};

/** The sentence for one field issue. */
export function describeIssue(fields: Messages["fields"], issue: FieldIssue): string {
  const entry = fields[issue.code] as Entry<unknown>;
  return typeof entry === "string" ? entry : entry((issue as { params?: unknown }).params ?? {});
}

/** Chooses the plural form of `n` in `locale` ("one", "other", and more in some languages). */
export function pluralFor(locale: string) {
  const rules = new Intl.PluralRules(locale);
  return <T>(n: number, forms: Partial<Record<Intl.LDMLPluralRule, T>> & { other: T }): T => forms[rules.select(n)] ?? forms.other;
}
