// What the audit log can say: every action the app records and every key its details use.
// Typed lists, so an action or detail key added without its words in the catalogue
// (`Messages["audit"]`) fails the type check.

/** Every action recorded in the audit log. */
export const auditActions = [
  "registration_added_complimentary",
  "registration_added_door",
  "attendee_renamed",
  "ticket_cancelled",
  "order_cancelled",
  "order_refunded",
  "tickets_resent",
  "exported_attendees",
  "email_retried",
  "tier_created",
  "tier_updated",
  "tier_deleted",
  "event_created",
  "event_updated",
  "event_published",
  "event_cancelled",
  "event_archived",
  "event_duplicated",
  "staff_added",
  "staff_updated",
  "api_token_created",
  "api_token_revoked",
  "signed_in",
  "signed_out_everywhere",
  "member_deleted",
  "members_imported",
  "question_created",
  "question_updated",
  "question_retired",
  "question_restored",
  "questions_reordered",
  // personal data (src/domain/privacy)
  "event_personal_data_erased",
  "order_personal_data_erased",
  "retention_set",
  "self_service_renamed",
  "self_service_transferred",
  "self_service_cancelled",
  "self_service_answered",
  // receipts and messages to attendees
  "organisation_updated",
  "attendees_messaged",
  "cancellation_sent",
  // waiting list and vouchers
  "waitlist_offered",
  "waitlist_removed",
  "waitlist_settings_changed",
  "exported_waitlist",
  "voucher_created",
  "vouchers_generated",
  "voucher_deleted",
  // reminders
  "reminder_preview_sent",
] as const;

export type AuditAction = (typeof auditActions)[number];

/** Every key an entry's detail may hold (event field names too: `event_updated` lists them). */
export const auditDetailKeys = [
  // orders and tickets
  "tier", "count", "ticketId", "from", "to", "attendee", "previousStatus", "amountMinor", "totalRefundedMinor", "currency",
  // exports, email
  "format", "emailId",
  // tiers
  "eventId", "name", "description", "priceMinor", "quota", "eligibility", "declarationText", "salesStartAt", "salesEndAt",
  "minPerOrder", "maxPerOrder", "sortOrder", "accessCodeChanged", "hidden",
  // events
  "sold", "held", "weeks", "slug", "title", "fields", "summary", "venueName", "venueAddress", "timezone", "startsAt", "endsAt",
  "doorsOpenAt", "capacity", "referencePrefix", "ticketEmailSubject", "agenda",
  // languages: the main one, and those whose versions were written or changed
  "mainLanguage", "languages",
  // staff, tokens, sign-in
  "email", "role", "eventIds", "disabled", "sessions",
  // members
  "membershipNumber", "mode", "added", "updated", "unchanged", "removed", "skipped", "rejected",
  // attendee questions
  "label", "type", "per", "required", "atDoor", "options", "tiers",
  // messages to attendees
  "subject", "recipients", "notCheckedIn", "messageId",
  // organisation settings (named in organisation_updated's `fields`)
  "address", "charityNumber", "companyNumber", "vatStatus", "vatNumber", "vatRateBasisPoints",
  // waiting list and vouchers
  "entryId", "places", "status", "enabled", "paused", "offerHours", "code", "kind", "value", "maxUses", "seatBudget",
] as const;

export type AuditDetailKey = (typeof auditDetailKeys)[number];

/** An entry's detail: facts under known keys. */
export type AuditDetail = { [K in AuditDetailKey]?: unknown };
