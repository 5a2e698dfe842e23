// Answers door staff see (questions marked for the door), read from the JSON the door's ticket
// statements carry (checkin/repo.ts `doorAnswersSql`), so neither the check-in nor the offline
// list costs another round trip.
import { optionsOf, answerValue } from "@/domain/questions/model";
import { readTranslations } from "@/domain/events/translations";

/**
 * One answer at the door: the question and the answer in organiser text (a choice's option
 * label; yes/no as "yes" | "no"; a country as its code), with a choice's follow-up text.
 */
export type DoorNote = { question: string; type: string; answer: string; details?: string };

/** The door notes of a ticket, from its `doorAnswers` JSON; `lang` picks the organisers' versions where written. */
export function doorNotes(json: string | null | undefined, lang?: string): DoorNote[] {
  let rows: unknown;
  try {
    rows = JSON.parse(json || "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((r: Record<string, unknown>) => {
    if (typeof r?.label !== "string" || typeof r.value !== "string" || typeof r.type !== "string") return [];
    const version = lang ? readTranslations(String(r.translations ?? "{}"), ["label"] as const)[lang]?.label : undefined;
    const options = optionsOf({ options: String(r.options ?? "[]") });
    const label = (id: string) => {
      const o = options.find((x) => x.id === id);
      return o ? ((lang && o.translations[lang]) || o.label) : id;
    };
    const value = answerValue(r.type, r.value);
    const answer = Array.isArray(value) ? value.map(label).join("; ") : r.type === "choice" ? label(r.value) : r.value;
    return [{ question: version ?? r.label, type: r.type, answer, ...(typeof r.detail === "string" && r.detail ? { details: r.detail } : {}) }];
  });
}
