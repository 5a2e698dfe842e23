import { newId } from "@/lib/ids";
import { db } from "./helpers";

type QuestionData = { type: string; label: string; required?: boolean; per?: string; atDoor?: boolean; options?: Array<{ id: string; label: string; details?: boolean; translations?: Record<string, string> }>; tierIds?: string[]; translations?: Record<string, Record<string, string>>; help?: string; sortOrder?: number };

/** A question of `eventId`, straight into the database. */
export async function addQuestion(eventId: string, q: QuestionData) {
  return db.question.create({
    data: {
      id: newId("qst"),
      eventId,
      type: q.type,
      label: q.label,
      help: q.help ?? "",
      required: q.required ?? false,
      per: q.per ?? "attendee",
      atDoor: q.atDoor ?? false,
      options: JSON.stringify(q.options ?? []),
      tierIds: JSON.stringify(q.tierIds ?? []),
      translations: JSON.stringify(q.translations ?? {}),
      sortOrder: q.sortOrder ?? 0,
    },
  });
}

/** The demo's dietary question: single choice, "other" asks for details, with Spanish versions. */
export const dietary = {
  type: "choice",
  label: "Dietary requirements",
  required: true,
  options: [
    { id: "none", label: "None", translations: { es: "Ninguna" } },
    { id: "vegetarian", label: "Vegetarian", translations: { es: "Vegetariana" } },
    { id: "vegan", label: "Vegan", translations: { es: "Vegana" } },
    { id: "other", label: "Other", details: true, translations: { es: "Otra" } },
  ],
  translations: { es: { label: "Requisitos alimentarios" } },
};
