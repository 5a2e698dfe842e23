import { describe, expect, it } from "vitest";
import { createEvent, db, fetchWorker, orderBody, postJson } from "./helpers";
import { addQuestion, dietary } from "./question-helpers";

// Attendee questions through the API: listed with the event in the caller's language, answered
// per ticket and per order in the order's own batch, and bad answers refused with nothing written.

async function eventWithQuestions() {
  const event = await createEvent({ tiers: [{ name: "Member", priceMinor: 0 }, { name: "Guest", priceMinor: 0 }] });
  const [member, guest] = event.ticketTypes;
  const diet = await addQuestion(event.id, { ...dietary, sortOrder: 0 });
  const org = await addQuestion(event.id, { type: "text", label: "Organisation", sortOrder: 1 });
  const invoice = await addQuestion(event.id, { type: "email", label: "Invoice email", per: "order", sortOrder: 2 });
  const count = await addQuestion(event.id, { type: "number", label: "Guests", tierIds: [guest!.id], sortOrder: 3 });
  const topics = await addQuestion(event.id, { type: "multi_choice", label: "Topics", options: [{ id: "a", label: "A" }, { id: "b", label: "B" }], sortOrder: 4 });
  const yes = await addQuestion(event.id, { type: "yes_no", label: "Photos OK?", sortOrder: 5 });
  const country = await addQuestion(event.id, { type: "country", label: "Country", sortOrder: 6 });
  const phone = await addQuestion(event.id, { type: "phone", label: "Phone", sortOrder: 7 });
  const notes = await addQuestion(event.id, { type: "long_text", label: "Access needs", atDoor: true, sortOrder: 8 });
  return { event, member: member!, guest: guest!, diet, org, invoice, count, topics, yes, country, phone, notes };
}

describe("questions in the API", () => {
  it("lists the questions in the caller's language, with options, tiers and who answers", async () => {
    const f = await eventWithQuestions();
    const res = await fetchWorker(`/api/v1/events/${f.event.slug}?lang=es`, { headers: { accept: "application/json" } });
    const body = (await res.json()) as { event: { questions: Array<Record<string, any>> } };
    const diet = body.event.questions.find((q) => q.id === f.diet.id)!;
    expect(diet).toMatchObject({ type: "choice", label: "Requisitos alimentarios", required: true, per: "attendee", tiers: [] });
    expect(diet.options.map((o: { label: string }) => o.label)).toEqual(["Ninguna", "Vegetariana", "Vegana", "Otra"]);
    expect(diet.options[3].asksForDetails).toBe(true);
    expect(body.event.questions.find((q) => q.id === f.invoice.id)!.per).toBe("order");
    expect(body.event.questions.find((q) => q.id === f.count.id)!.tiers).toEqual([f.guest.id]);
  });

  it("stores every type of answer with its order, per ticket and per order", async () => {
    const f = await eventWithQuestions();
    const res = await postJson(`/api/v1/events/${f.event.slug}/orders`, {
      buyer: { name: "Ada", email: "ada@example.org" },
      answers: { [f.invoice.id]: "billing@example.org" },
      tickets: [
        { tier: f.member.id, name: "One", answers: { [f.diet.id]: { option: "other", details: "No nuts" }, [f.org.id]: "Amnesty", [f.topics.id]: ["a", "b"], [f.yes.id]: true, [f.country.id]: "gb", [f.phone.id]: "+44 20 7946 0000", [f.notes.id]: "Step-free access" } },
        { tier: f.guest.id, name: "Two", answers: { [f.diet.id]: "vegan", [f.count.id]: "2,5", [f.yes.id]: "no" } },
      ],
    });
    expect(res.status).toBe(201);
    const order = await db.order.findFirstOrThrow({ where: { eventId: f.event.id }, include: { tickets: { orderBy: { attendeeName: "asc" } } } });
    const answers = await db.answer.findMany({ where: { orderId: order.id } });
    const of = (ticketId: string | null, questionId: string) => answers.find((a) => a.ticketId === ticketId && a.questionId === questionId);
    const [one, two] = order.tickets;
    expect(of(null, f.invoice.id)?.value).toBe("billing@example.org");
    expect(of(one!.id, f.diet.id)).toMatchObject({ value: "other", detail: "No nuts" });
    expect(of(one!.id, f.topics.id)?.value).toBe(JSON.stringify(["a", "b"]));
    expect(of(one!.id, f.yes.id)?.value).toBe("yes");
    expect(of(one!.id, f.country.id)?.value).toBe("GB");
    expect(of(one!.id, f.notes.id)?.value).toBe("Step-free access");
    expect(of(two!.id, f.diet.id)?.value).toBe("vegan");
    expect(of(two!.id, f.count.id)?.value).toBe("2.5");
    expect(of(two!.id, f.yes.id)?.value).toBe("no");
    expect(answers).toHaveLength(11);
  });

  it("refuses bad answers, naming each, and writes nothing", async () => {
    const f = await eventWithQuestions();
    const retired = await addQuestion(f.event.id, { type: "text", label: "Old" });
    await db.question.update({ where: { id: retired.id }, data: { retiredAt: new Date() } });
    const res = await postJson(`/api/v1/events/${f.event.slug}/orders`, {
      buyer: { name: "Ada", email: "ada@example.org" },
      answers: { [f.invoice.id]: "not an email" },
      tickets: [
        { tier: f.member.id, name: "One", answers: { [f.diet.id]: "pescatarian", [f.org.id]: "x".repeat(201), [f.topics.id]: ["a", "z"], [f.yes.id]: "maybe", [f.country.id]: "XX", [f.phone.id]: "call me", qst_unknown0000000: "?", [retired.id]: "hi", [f.count.id]: "3" } },
        { tier: f.guest.id, name: "Two", answers: { [f.diet.id]: { option: "other" }, [f.count.id]: "many", [f.invoice.id]: "a@b.org" } },
        { tier: f.guest.id, name: "Three", answers: {} },
      ],
    });
    expect(res.status).toBe(422);
    const codes = (res.body as { error: { fieldCodes: Record<string, string> } }).error.fieldCodes;
    const code = (path: string) => codes[path];
    expect(code("answers." + f.invoice.id)).toBe("email_invalid");
    expect(code(`tickets.0.answers.${f.diet.id}`)).toBe("answer_not_offered");
    expect(code(`tickets.0.answers.${f.org.id}`)).toBe("too_long");
    expect(code(`tickets.0.answers.${f.topics.id}`)).toBe("answer_not_offered");
    expect(code(`tickets.0.answers.${f.yes.id}`)).toBe("answer_yes_no");
    expect(code(`tickets.0.answers.${f.country.id}`)).toBe("answer_country");
    expect(code(`tickets.0.answers.${f.phone.id}`)).toBe("answer_phone");
    expect(code(`tickets.0.answers.qst_unknown0000000`)).toBe("answer_not_asked");
    expect(code(`tickets.0.answers.${retired.id}`)).toBe("answer_not_asked");
    expect(code(`tickets.0.answers.${f.count.id}`)).toBe("answer_not_asked");
    expect(code(`tickets.1.answers.${f.diet.id}.details`)).toBe("answer_details_required");
    expect(code(`tickets.1.answers.${f.count.id}`)).toBe("answer_number");
    expect(code(`tickets.1.answers.${f.invoice.id}`)).toBe("answer_not_asked");
    expect(code(`tickets.2.answers.${f.diet.id}`)).toBe("answer_required");
    expect(await db.order.count({ where: { eventId: f.event.id } })).toBe(0);
    expect(await db.answer.count({ where: { questionId: { in: [f.diet.id, f.org.id, f.invoice.id] } } })).toBe(0);
  });

  it("asks a per-order question once, and a per-attendee one of each ticket", async () => {
    const f = await eventWithQuestions();
    await db.question.update({ where: { id: f.invoice.id }, data: { required: true } });
    const res = await postJson(`/api/v1/events/${f.event.slug}/orders`, orderBody(f.member.id, 2, { answers: { [f.diet.id]: "none" } }));
    expect(res.status).toBe(422);
    const codes = (res.body as { error: { fieldCodes: Record<string, string> } }).error.fieldCodes;
    expect(Object.keys(codes)).toEqual([`answers.${f.invoice.id}`]);
    const ok = await postJson(`/api/v1/events/${f.event.slug}/orders`, { ...orderBody(f.member.id, 2, { answers: { [f.diet.id]: "none" } }), answers: { [f.invoice.id]: "pay@example.org" } });
    expect(ok.status).toBe(201);
    const order = await db.order.findFirstOrThrow({ where: { eventId: f.event.id } });
    expect(await db.answer.count({ where: { orderId: order.id, questionId: f.invoice.id } })).toBe(1);
    expect(await db.answer.count({ where: { orderId: order.id, questionId: f.diet.id } })).toBe(2);
  });
});
