import { describe, expect, it } from "vitest";
import { composeEmail } from "@emails/compose";
import { en } from "@/i18n/en";
import { es } from "@/i18n/es";
import { createEvent, days, db, fetchWorker, serviceDeps } from "./helpers";
import { readableText, sentencesIn, sentencesOf } from "./catalogue-text";
import { addQuestion, dietary } from "./question-helpers";
import { paidThroughEmulator, seats } from "./stripe-fixtures";

const origin = "http://example.test";
const hour = 3_600_000;

/** A same-origin form POST, as a browser sends it. */
const post = (path: string, fields: Array<[string, string]>, from = origin) =>
  fetchWorker(path, { method: "POST", headers: { origin: from, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields), redirect: "manual" });

/** A paid one-ticket order on an event asking the dietary question (per attendee) and an order-level one. */
async function answeredTicket(settings: Parameters<typeof createEvent>[0] = {}) {
  const event = await createEvent({ capacity: 20, tiers: [{ name: "Standard", priceMinor: 1000, quota: 10 }], ...settings });
  // Paid first, as an order placed before the organisers added their questions; its dietary answer below.
  const order = await paidThroughEmulator(event.slug, event.ticketTypes[0]!.id, 1);
  const diet = await addQuestion(event.id, dietary);
  const organisation = await addQuestion(event.id, { type: "text", label: "Organisation", sortOrder: 1 });
  const invoice = await addQuestion(event.id, { type: "text", label: "Invoice reference", per: "order", required: true, sortOrder: 2 });
  const ticket = await db.ticket.findFirstOrThrow({ where: { orderId: order.id } });
  await db.answer.create({ data: { id: `ans_${ticket.id}`, questionId: diet.id, orderId: order.id, ticketId: ticket.id, value: "none" } });
  return { event, order, ticket, diet, organisation, invoice };
}

const answersOf = (ticketId: string) => db.answer.findMany({ where: { ticketId }, orderBy: { questionId: "asc" } });

describe("changing one's answers from the ticket page", () => {
  it("links to them from the ticket page only when the ticket has questions", async () => {
    const { ticket } = await answeredTicket();
    expect(await (await fetchWorker(`/tickets/${ticket.token}`)).text()).toContain(`href="/tickets/${ticket.token}/answers"`);
    const plain = await createEvent({ capacity: 5, tiers: [{ name: "Standard", priceMinor: 1000 }] });
    const other = await paidThroughEmulator(plain.slug, plain.ticketTypes[0]!.id, 1);
    const otherTicket = await db.ticket.findFirstOrThrow({ where: { orderId: other.id } });
    expect(await (await fetchWorker(`/tickets/${otherTicket.token}`)).text()).not.toContain("/answers");
    const res = await fetchWorker(`/tickets/${otherTicket.token}/answers`, { redirect: "manual" });
    expect(res.status).toBe(303);
  });

  it("shows the ticket's own questions filled in, not the order's, and saves new answers with a confirmation by email", async () => {
    const { event, order, ticket, diet, organisation, invoice } = await answeredTicket();
    const before = await seats(event.id);
    const page = await (await fetchWorker(`/tickets/${ticket.token}/answers`)).text();
    expect(page).toContain("Dietary requirements");
    expect(page).toContain("Organisation");
    expect(page).not.toContain(invoice.label);
    expect(page).toMatch(new RegExp(`name="answers.${diet.id}" value="none" checked`));

    const res = await post(`/tickets/${ticket.token}/answers`, [
      [`answers.${diet.id}`, "other"],
      [`answers.${diet.id}.details`, "No nuts"],
      [`answers.${organisation.id}`, "Peru Support Group"],
    ]);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/tickets/${ticket.token}?done=answered#manage`);
    const saved = await answersOf(ticket.id);
    expect(saved.map((a) => [a.questionId, a.value, a.detail])).toEqual(
      [
        [diet.id, "other", "No nuts"],
        [organisation.id, "Peru Support Group", null],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { orderId: order.id, template: "self_service_change" } });
    expect((await composeEmail(serviceDeps(), mail))!.text).toContain("The answers on Person 1's ticket have been changed.");
    const entry = await db.auditEntry.findFirstOrThrow({ where: { entityId: order.id, action: "self_service_answered" } });
    expect(entry.staffId).toBeNull();
    expect(await seats(event.id)).toEqual(before);
    // The same answers again change nothing.
    const again = await post(`/tickets/${ticket.token}/answers`, [
      [`answers.${diet.id}`, "other"],
      [`answers.${diet.id}.details`, "No nuts"],
      [`answers.${organisation.id}`, "Peru Support Group"],
    ]);
    expect(again.headers.get("location")).toContain("done=unchanged");
  });

  it("names every bad answer at once and changes nothing", async () => {
    const { ticket, diet, organisation } = await answeredTicket();
    const res = await post(`/tickets/${ticket.token}/answers`, [
      [`answers.${diet.id}`, "pizza"],
      [`answers.${organisation.id}`, "x".repeat(500)],
      ["answers.qst_unknown", "hello"],
    ]);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("error-summary");
    expect(html).toContain("Choose one of the options offered.");
    expect(html).toContain("x".repeat(500));
    expect((await answersOf(ticket.id)).map((a) => a.value)).toEqual(["none"]);
  });

  it("is refused after the cut-off, changing nothing", async () => {
    const { ticket, diet } = await answeredTicket({ startsAt: new Date(Date.now() + 10 * hour), endsAt: new Date(Date.now() + days(1)) });
    const res = await post(`/tickets/${ticket.token}/answers`, [[`answers.${diet.id}`, "vegan"]]);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("Changes are closed for this event");
    expect((await answersOf(ticket.id)).map((a) => a.value)).toEqual(["none"]);
  });

  it("refuses a form posted from another site", async () => {
    const { ticket, diet } = await answeredTicket();
    const res = await post(`/tickets/${ticket.token}/answers`, [[`answers.${diet.id}`, "vegan"]], "https://evil.example");
    expect(res.status).toBe(403);
    expect((await answersOf(ticket.id)).map((a) => a.value)).toEqual(["none"]);
  });

  it("speaks one language: the page in Spanish has the Spanish question and none of the English sentences", async () => {
    const { ticket } = await answeredTicket();
    const html = await (await fetchWorker(`/tickets/${ticket.token}/answers?lang=es`)).text();
    expect(html).toContain("Requisitos alimentarios");
    expect(sentencesIn(readableText(html), sentencesOf({ selfService: en.selfService, questions: en.questions, layout: en.layout } as never))).toEqual([]);
    const english = await (await fetchWorker(`/tickets/${ticket.token}/answers?lang=en`)).text();
    expect(sentencesIn(readableText(english), sentencesOf({ selfService: es.selfService, questions: es.questions, layout: es.layout } as never))).toEqual([]);
  });
});
