import { describe, expect, it } from "vitest";
import { createEvent, db, fetchWorker } from "./helpers";
import { addQuestion, dietary } from "./question-helpers";

// Attendee questions on the registration form: asked per attendee or once, in the reader's
// language, every problem listed at once, and the answers stored with the order.

const origin = "http://example.test";

function postForm(path: string, fields: Array<[string, string]>) {
  return fetchWorker(path, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", origin }, body: new URLSearchParams(fields), redirect: "manual" });
}

async function freeEventWithQuestions() {
  const event = await createEvent({ tiers: [{ name: "Guest", priceMinor: 0 }] });
  const diet = await addQuestion(event.id, { ...dietary, sortOrder: 0 });
  const topics = await addQuestion(event.id, { type: "multi_choice", label: "Topics", options: [{ id: "law", label: "Law", translations: { es: "Derecho" } }, { id: "aid", label: "Aid" }], sortOrder: 1 });
  const invoice = await addQuestion(event.id, { type: "text", label: "Purchase order number", per: "order", translations: { es: { label: "Número de orden de compra" } }, sortOrder: 2 });
  return { event, tier: event.ticketTypes[0]!, diet, topics, invoice };
}

describe("questions on the registration form", () => {
  it("asks per-attendee questions for each ticket and per-order ones once, in Spanish for a Spanish reader", async () => {
    const f = await freeEventWithQuestions();
    const html = await (await fetchWorker(`/events/${f.event.slug}/register?qty.${f.tier.id}=2&lang=es`)).text();
    expect(html.match(/Requisitos alimentarios/g)).toHaveLength(2);
    expect(html).toContain(`name="tickets.0.answers.${f.diet.id}" value="vegan"`);
    expect(html).toContain(`name="tickets.1.answers.${f.diet.id}" value="vegan"`);
    expect(html).toContain("Vegetariana");
    expect(html).toContain("Derecho");
    expect(html).toContain(`name="tickets.1.answers.${f.diet.id}.details"`);
    expect(html.match(/Número de orden de compra/g)).toHaveLength(1);
    expect(html).toContain(`name="answers.${f.invoice.id}"`);
    expect(html).not.toContain("Dietary requirements");
  });

  it("lists every unanswered or wrong answer at once, keeping what was typed", async () => {
    const f = await freeEventWithQuestions();
    const res = await postForm(`/events/${f.event.slug}/register`, [
      ["buyer.name", "Ada"], ["buyer.email", "ada@example.org"],
      ["tickets.0.tier", f.tier.id], ["tickets.0.name", "One"], [`tickets.0.answers.${f.diet.id}`, "other"],
      ["tickets.1.tier", f.tier.id], ["tickets.1.name", "Two"], [`tickets.1.answers.${f.topics.id}`, "law"], [`tickets.1.answers.${f.topics.id}`, "nope"],
      [`answers.${f.invoice.id}`, "PO-1"],
    ]);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Say a little more about the option you chose.");
    expect(html).toContain("Answer this question.");
    expect(html).toContain("Choose one of the options offered.");
    expect(html).toContain(`href="#tickets-1-answers-${f.diet.id}"`);
    expect(html).toContain('value="PO-1"');
    expect(await db.order.count({ where: { eventId: f.event.id } })).toBe(0);
  });

  it("stores the answers with the order, a multiple choice as every box ticked", async () => {
    const f = await freeEventWithQuestions();
    const res = await postForm(`/events/${f.event.slug}/register`, [
      ["buyer.name", "Ada"], ["buyer.email", "ada@example.org"],
      ["tickets.0.tier", f.tier.id], ["tickets.0.name", "One"], [`tickets.0.answers.${f.diet.id}`, "other"], [`tickets.0.answers.${f.diet.id}.details`, "Halal"],
      ["tickets.1.tier", f.tier.id], ["tickets.1.name", "Two"], [`tickets.1.answers.${f.diet.id}`, "vegan"], [`tickets.1.answers.${f.topics.id}`, "law"], [`tickets.1.answers.${f.topics.id}`, "aid"],
      [`answers.${f.invoice.id}`, "PO-1"],
    ]);
    expect(res.status).toBe(303);
    const order = await db.order.findFirstOrThrow({ where: { eventId: f.event.id }, include: { tickets: { orderBy: { attendeeName: "asc" } } } });
    const answers = await db.answer.findMany({ where: { orderId: order.id } });
    const [one, two] = order.tickets;
    expect(answers.find((a) => a.ticketId === one!.id && a.questionId === f.diet.id)).toMatchObject({ value: "other", detail: "Halal" });
    expect(answers.find((a) => a.ticketId === two!.id && a.questionId === f.topics.id)?.value).toBe('["law","aid"]');
    expect(answers.find((a) => a.ticketId === null)?.value).toBe("PO-1");
    expect(answers).toHaveLength(4);
  });

  it("puts the answers back in the form when the buyer comes back from an abandoned payment", async () => {
    const event = await createEvent({ tiers: [{ name: "Paid", priceMinor: 1300 }] });
    const diet = await addQuestion(event.id, { ...dietary });
    const tier = event.ticketTypes[0]!.id;
    const res = await postForm(`/events/${event.slug}/register`, [
      ["buyer.name", "Ada"], ["buyer.email", "ada@example.org"],
      ["tickets.0.tier", tier], ["tickets.0.name", "One"], [`tickets.0.answers.${diet.id}`, "other"], [`tickets.0.answers.${diet.id}.details`, "Halal"],
    ]);
    expect(res.status).toBe(303);
    const order = await db.order.findFirstOrThrow({ where: { eventId: event.id } });
    await db.order.update({ where: { id: order.id }, data: { status: "cancelled" } });
    const html = await (await fetchWorker(`/events/${event.slug}/register?from=${order.id}`)).text();
    expect(html).toMatch(new RegExp(`name="tickets\\.0\\.answers\\.${diet.id}" value="other" checked`));
    expect(html).toContain('value="Halal"');
  });
});
