// Answers to an event's required questions, as an API client would send them, for tests that
// place orders on the demo event (whose dietary question is required).

export type ApiQuestion = { id: string; type: string; required: boolean; per: string; tiers: string[]; options: Array<{ id: string; asksForDetails?: boolean }> };

/** A plausible answer to one question: the first option that asks nothing more, "yes", a number, or text. */
function answerTo(q: ApiQuestion): unknown {
  if (q.type === "choice") return q.options.find((o) => !o.asksForDetails)?.id;
  if (q.type === "multi_choice") return [q.options[0]?.id];
  if (q.type === "yes_no") return "yes";
  if (q.type === "number") return "1";
  if (q.type === "country") return "PE";
  if (q.type === "phone") return "+44 20 7946 0000";
  if (q.type === "email") return "someone@example.org";
  return "Test";
}

/** Per-ticket answers for a ticket of `tierId`, to the required questions asked of each attendee. */
export function ticketAnswers(questions: ApiQuestion[], tierId: string): Record<string, unknown> {
  const asked = questions.filter((q) => q.required && q.per === "attendee" && (q.tiers.length === 0 || q.tiers.includes(tierId)));
  return Object.fromEntries(asked.map((q) => [q.id, answerTo(q)]));
}

/** The order's own answers to its required questions. */
export function orderAnswers(questions: ApiQuestion[]): Record<string, unknown> {
  return Object.fromEntries(questions.filter((q) => q.required && q.per === "order").map((q) => [q.id, answerTo(q)]));
}
