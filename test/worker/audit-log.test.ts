import { describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";
import { en } from "@/i18n/en";
import { auditActions, type AuditAction, type AuditDetail } from "@/domain/staff/audit-vocabulary";
import { auditFacts } from "@/web/admin/staff/audit-facts";
import { getAs, signedInAs } from "./auth-helpers";
import { db } from "./helpers";

// One detail of each action, shaped as the domain records it; typed, so an action added
// without an example fails the type check.
const examples: { [A in AuditAction]: AuditDetail } = {
  registration_added_complimentary: { tier: "Guest", count: 2 },
  registration_added_door: { tier: "Non-member", count: 1 },
  attendee_renamed: { ticketId: "tkt_1", from: "Ada", to: "Ada Lovelace" },
  ticket_cancelled: { ticketId: "tkt_1", attendee: "Ada Lovelace" },
  order_cancelled: { previousStatus: "partially_refunded" },
  order_refunded: { amountMinor: 1250, totalRefundedMinor: 2100, currency: "GBP" },
  tickets_resent: { to: "ada@example.org" },
  exported_attendees: { format: "xlsx" },
  email_retried: { emailId: "eml_1", to: "ada@example.org" },
  tier_created: { eventId: "evt_1", name: "Member", priceMinor: 800, quota: null, eligibility: "member_list", salesStartAt: "2027-06-01T08:00:00.000Z", accessCodeChanged: false },
  tier_updated: { eventId: "evt_1", name: "Member", minPerOrder: 1, maxPerOrder: 4, sortOrder: 0, declarationText: null, description: "", salesEndAt: null, accessCodeChanged: true },
  tier_deleted: { eventId: "evt_1", name: "Old tier" },
  event_created: { slug: "annual-2027", title: "Annual Conference" },
  event_updated: { fields: ["title", "capacity", "agenda"] },
  event_published: { from: "draft", sold: 0, held: 0 },
  event_cancelled: { from: "published", sold: 12, held: 3 },
  event_archived: { from: "cancelled", sold: 12, held: 0 },
  event_duplicated: { from: "evt_1", weeks: 52, slug: "annual-2028" },
  staff_added: { email: "door2@example.org", role: "door" },
  staff_updated: { role: "organiser", eventIds: ["evt_1"], disabled: false },
  api_token_created: { name: "Scanner" },
  api_token_revoked: { name: "Scanner" },
  signed_in: {},
  signed_out_everywhere: { sessions: 3 },
  member_deleted: { email: "m@example.org", membershipNumber: "M1001" },
  members_imported: { mode: "add", added: 3, updated: 1, unchanged: 0, removed: 0, skipped: 0, rejected: 2 },
  question_created: { eventId: "evt_1", label: "Dietary requirements", type: "choice", per: "attendee", required: true, atDoor: false, options: ["None", "Vegan"], tiers: [] },
  question_updated: { eventId: "evt_1", label: "Dietary requirements", required: false },
  question_retired: { eventId: "evt_1", label: "Dietary requirements" },
  question_restored: { eventId: "evt_1", label: "Dietary requirements" },
  questions_reordered: { eventId: "evt_1" },
  event_personal_data_erased: { count: 12 },
  order_personal_data_erased: { count: 1 },
  retention_set: { from: 90, to: 30 },
  self_service_renamed: { ticketId: "tkt_1", from: "Ada", to: "Ada Lovelace" },
  self_service_transferred: { ticketId: "tkt_1", from: "Ada", to: "Grace Hopper" },
  self_service_cancelled: { ticketId: "tkt_1", attendee: "Ada", amountMinor: 800, currency: "GBP" },
  self_service_answered: { ticketId: "tkt_1", attendee: "Ada" },
  organisation_updated: { fields: ["name", "address", "charityNumber", "companyNumber", "vatStatus", "vatNumber", "vatRateBasisPoints"] },
  attendees_messaged: { subject: "Room change", recipients: 12, tier: "Member", notCheckedIn: false, messageId: "msg_1" },
  cancellation_sent: { messageId: "msg_2" },
  waitlist_offered: { entryId: "wle_1", places: 2 },
  waitlist_removed: { entryId: "wle_1", status: "waiting" },
  waitlist_settings_changed: { enabled: true, paused: false, offerHours: 48 },
  exported_waitlist: { format: "csv", count: 3 },
  voucher_created: { code: "STUDENT10", kind: "percent", value: 10, maxUses: null, seatBudget: null },
  vouchers_generated: { count: 50, kind: "percent", value: 100, label: "Partner" },
  voucher_deleted: { code: "STUDENT10" },
  reminder_preview_sent: { email: "organiser@example.org", emailId: "eml_1" },
};

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

describe("the audit log", () => {
  it("names every action the app records and shows its details as labelled facts, not JSON", async () => {
    const owner = await signedInAs("owner");
    const start = Date.now() + 60_000;
    await db.auditEntry.createMany({
      data: auditActions.map((action, i) => ({
        id: newId("aud"),
        staffId: owner.staff.id,
        action,
        entity: "order",
        entityId: "ord_example",
        detail: JSON.stringify(examples[action]),
        createdAt: new Date(start + i * 1000),
      })),
    });
    const html = await (await getAs(owner, "/admin/audit")).text();
    expect(html).not.toContain("{&quot;");
    expect(html).not.toContain("<code>{}</code>");
    for (const action of auditActions) {
      expect(html, action).toContain(escapeHtml(en.audit.actions[action]));
      for (const fact of auditFacts(JSON.stringify(examples[action]), en.audit, "Europe/London")) {
        expect(html, `${action}: ${fact.label}`).toContain(`<dt>${escapeHtml(fact.label)}</dt><dd>${escapeHtml(fact.value)}</dd>`);
      }
    }
  });

  it("says each fact in the catalogue's words: amounts, times in the zone, yes/no, field names", () => {
    const facts = (action: AuditAction) => auditFacts(JSON.stringify(examples[action]), en.audit, "Europe/London");
    expect(facts("order_refunded")).toEqual([
      { label: "Amount", value: "12.50 GBP" },
      { label: "Refunded in all", value: "21.00 GBP" },
    ]);
    expect(facts("tier_created")).toEqual(
      expect.arrayContaining([
        { label: "Sales open", value: "1 Jun 2027, 09:00 BST" },
        { label: "Quota", value: "none" },
        { label: "Access code changed", value: "no" },
      ]),
    );
    expect(facts("event_updated")).toEqual([{ label: "Changed", value: "Title, Capacity, Programme" }]);
    expect(facts("signed_in")).toEqual([]);
    // An older entry with a key the catalogue does not know keeps its fact, in plain words.
    expect(auditFacts('{"legacyField":"x_y"}', en.audit, "Europe/London")).toEqual([{ label: "legacy field", value: "x y" }]);
  });

  it("shows times in the organisation's zone and says which", async () => {
    const owner = await signedInAs("owner");
    await db.auditEntry.create({
      data: { id: newId("aud"), staffId: owner.staff.id, action: "signed_in", entity: "staff", entityId: owner.staff.id, detail: "{}", createdAt: new Date("2099-06-01T13:05:00Z") },
    });
    const html = await (await getAs(owner, "/admin/audit")).text();
    expect(html).toContain("When (Europe/London time)");
    expect(html).toContain("1 Jun 2099, 14:05 BST");
    expect(html).not.toContain("UTC");
  });
});
