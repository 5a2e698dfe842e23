import { describe, expect, it } from "vitest";
import { en } from "@/i18n/en";
import { es } from "@/i18n/es";
import type { Messages } from "@/i18n";
import { getAs, postAs, signedInAs } from "./auth-helpers";
import { readableText, sentencesIn, sentencesOf } from "./catalogue-text";
import { createEvent, fetchWorker } from "./helpers";
import { addQuestion, dietary } from "./question-helpers";

// The question pages (organisers' list and form, the registration form's questions) speak the
// reader's language: a Spanish page shows none of the English question sentences, and back.

type Lang = "en" | "es";
const catalogues: Record<Lang, Messages> = { en, es };
const other: Record<Lang, Lang> = { en: "es", es: "en" };
const questionSentences = (m: Messages) => sentencesOf({ questions: m.questions } as unknown as Messages, 10);

async function pagesIn(lang: Lang): Promise<Array<[string, string]>> {
  const event = await createEvent({ tiers: [{ name: "Guest", priceMinor: 0 }] });
  const q = await addQuestion(event.id, { ...dietary, help: "" });
  await addQuestion(event.id, { type: "yes_no", label: "Photos", per: "order", sortOrder: 2 });
  const organiser = await signedInAs("organiser");
  const pages: Array<[string, string]> = [];
  for (const path of [`/admin/events/${event.id}/questions`, `/admin/events/${event.id}/questions/new`, `/admin/questions/${q.id}/edit`]) {
    const res = await getAs(organiser, `${path}?lang=${lang}`);
    expect(res.status, path).toBe(200);
    pages.push([path, await res.text()]);
  }
  const refused = await postAs(organiser, `/admin/events/${event.id}/questions/new?lang=${lang}`, { label: "", type: "choice", options: "x", per: "attendee" });
  expect(refused.status).toBe(422);
  pages.push(["refused form", await refused.text()]);
  const form = await fetchWorker(`/events/${event.slug}/register?qty.${event.ticketTypes[0]!.id}=1&lang=${lang}`);
  pages.push(["registration", await form.text()]);
  return pages;
}

describe("question pages in one language", () => {
  for (const lang of ["en", "es"] as const) {
    it(`speak only ${lang}`, async () => {
      const foreign = questionSentences(catalogues[other[lang]]);
      for (const [label, html] of await pagesIn(lang)) {
        expect(html, label).toContain(`<html lang="${catalogues[lang].locale}`.slice(0, 14));
        expect(sentencesIn(readableText(html), foreign), label).toEqual([]);
      }
    });
  }

  it("shows the Spanish words of the form in Spanish", async () => {
    const pages = await pagesIn("es");
    const registration = pages.find(([label]) => label === "registration")![1];
    expect(registration).toContain(es.questions.registration.orderLegend);
    expect(registration).toContain("Requisitos alimentarios");
    const list = pages[0]![1];
    expect(list).toContain(es.questions.list.heading);
    expect(list).toContain(es.questions.types.choice);
  });
});
