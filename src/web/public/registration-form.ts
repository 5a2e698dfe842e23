import type { Answer, Order, Ticket } from "@/generated/prisma/client";
import type { RegistrationValues } from "@/web/public/registration-page";
import type { AnswerValues } from "@/web/public/question-fields";

type FormBody = Record<string, string | File | (string | File)[]>;

const text = (body: FormBody, key: string): string => {
  const v = body[key];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === "string" ? first : "";
};

/** The answers under `prefix` ("tickets.0.answers."): each question's value (a list when ticked more than once) and its `.details`. */
export function answersOf(body: FormBody, prefix: string): AnswerValues {
  const out: AnswerValues = {};
  for (const [key, value] of Object.entries(body)) {
    if (!key.startsWith(prefix)) continue;
    const texts = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");
    out[key.slice(prefix.length)] = texts.length > 1 ? texts.slice(0, 50) : (texts[0] ?? "");
  }
  return out;
}

/** Form answers in the shape the API takes: a choice with its follow-up text as `{ option, details }`. */
export function answersInput(answers: AnswerValues | undefined): Record<string, unknown> | undefined {
  if (!answers) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(answers)) {
    if (key.endsWith(".details")) continue;
    const details = answers[`${key}.details`];
    out[key] = typeof details === "string" && details.trim() && typeof value === "string" ? { option: value, details } : value;
  }
  return out;
}

/** Reads the registration form's flat fields ("tickets.0.name") back into its values. */
export function valuesFromForm(body: FormBody): RegistrationValues {
  const indexes = new Set<number>();
  for (const key of Object.keys(body)) {
    const m = /^tickets\.(\d{1,2})\./.exec(key);
    if (m) indexes.add(Number(m[1]));
  }
  return {
    buyer: { name: text(body, "buyer.name"), email: text(body, "buyer.email") },
    tickets: [...indexes]
      .sort((a, b) => a - b)
      .map((i) => ({
        tier: text(body, `tickets.${i}.tier`),
        name: text(body, `tickets.${i}.name`),
        email: text(body, `tickets.${i}.email`),
        declaration: text(body, `tickets.${i}.declaration`) === "yes",
        membership: text(body, `tickets.${i}.membership`),
        accessCode: text(body, `tickets.${i}.accessCode`),
        language: text(body, `tickets.${i}.language`),
        answers: answersOf(body, `tickets.${i}.answers.`),
      })),
    answers: answersOf(body, "answers."),
    voucher: text(body, "voucher").trim(),
    offer: text(body, "offer").trim(),
  };
}

/** The form's values in the shape the API takes, for the same validation and service. */
export function inputFromValues(values: RegistrationValues): unknown {
  return {
    buyer: values.buyer,
    tickets: values.tickets.map((t) => ({ ...t, declaration: t.declaration || undefined, answers: answersInput(t.answers) })),
    answers: answersInput(values.answers),
    ...(values.voucher ? { voucher: values.voucher } : {}),
    ...(values.offer ? { offer: values.offer } : {}),
  };
}

/** Empty entries for the chosen quantity of each tier, in the event's tier order. */
export function valuesForQuantities(tierIds: string[], quantities: Record<string, number>): RegistrationValues {
  return {
    buyer: { name: "", email: "" },
    tickets: tierIds.flatMap((tier) =>
      Array.from({ length: quantities[tier] ?? 0 }, () => ({ tier, name: "", email: "", declaration: false, membership: "", accessCode: "" })),
    ),
  };
}

/** Stored answers as the form holds them: a multiple choice's ids as a list, a follow-up text as `<id>.details`. */
export function formAnswers(answers: Answer[]): AnswerValues {
  const out: AnswerValues = {};
  for (const a of answers) {
    let value: string | string[] = a.value;
    if (a.value.startsWith("[")) {
      try {
        value = (JSON.parse(a.value) as unknown[]).filter((v): v is string => typeof v === "string");
      } catch {
        value = a.value;
      }
    }
    out[a.questionId] = value;
    if (a.detail) out[`${a.questionId}.details`] = a.detail;
  }
  return out;
}

/** A cancelled order's choices (and answers), to put back in the form after the buyer left the payment page. */
export function valuesFromOrder(order: Order & { tickets: Ticket[] }, answers: Answer[] = []): RegistrationValues {
  return {
    answers: formAnswers(answers.filter((a) => a.ticketId === null)),
    buyer: { name: order.buyerName, email: order.buyerEmail },
    tickets: order.tickets.map((t) => ({
      tier: t.ticketTypeId,
      name: t.attendeeName,
      email: t.attendeeEmail ?? "",
      declaration: false,
      membership: "",
      accessCode: "",
      language: t.language ?? "",
      answers: formAnswers(answers.filter((a) => a.ticketId === t.id)),
    })),
  };
}

/** Quantities from the event page's choice form (`qty.<tierId>=n`). */
export function quantitiesFromQuery(query: Record<string, string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(query)) {
    if (!key.startsWith("qty.")) continue;
    const n = Number.parseInt(value, 10);
    if (Number.isInteger(n) && n > 0 && n <= 50) out[key.slice(4)] = n;
  }
  return out;
}
