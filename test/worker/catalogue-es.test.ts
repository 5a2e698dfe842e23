import { describe, expect, it } from "vitest";
import { fieldCodes, type FieldParams } from "@/domain/issues";
import { DomainError } from "@/domain/errors";
import { errorMessage, fieldMessage, messagesFor, type Messages } from "@/i18n";
import { en } from "@/i18n/en";
import { es } from "@/i18n/es";
import { sentencesOf } from "./catalogue-text";
import { createEvent, fetchWorker } from "./helpers";

/** The sections this catalogue translates itself (the areas' sections have their own tests). */
const core = ["errors", "fields", "http", "config", "pages", "mail", "tickets", "ics", "exports", "audit", "members"] as const satisfies ReadonlyArray<keyof Messages>;

/**
 * Sentences allowed to read the same in both languages, each with its reason. Keep it short:
 * everything else a Spanish reader sees must be Spanish.
 */
const sameInBothLanguages = new Map<string, string>([
  // Not a sentence: sentencesOf's placeholder parameters name no real "what" or "next", so
  // errors.not_found looks both up in vain, in either language. Real ones are checked below.
  ["undefined undefined", "an artefact of sentencesOf's placeholder"],
]);

describe("the Spanish catalogue's core sections", () => {
  it("is what messagesFor gives for es and es-419", () => {
    expect(messagesFor("es")).toBe(es);
    expect(messagesFor("es-419")).toBe(es);
  });

  for (const section of core) {
    it(`shares no sentence with English in ${section}`, () => {
      const english = sentencesOf({ [section]: en[section] } as any);
      const spanish = sentencesOf({ [section]: es[section] } as any);
      expect(spanish.size).toBeGreaterThan(0);
      const shared = [...spanish].filter((s) => english.has(s) && !sameInBothLanguages.has(s));
      expect(shared).toEqual([]);
    });
  }

  it("says every field code in Spanish", () => {
    const params: Record<string, unknown> = {
      min: 2, max: 50, tier: "Socio", statement: "Soy estudiante", instead: { tier: "General", price: { minor: 1300, currency: "USD" } },
      by: "Congreso anual", sold: 3, held: 1, what: "quota", example: 10, problems: [{ line: 2, problem: "no_time" }], rows: 25_000, reason: "exhausted",
    };
    for (const code of fieldCodes) {
      const p = code === "refund_at_most" ? { max: { minor: 1250, currency: "USD" } } : params;
      const said = fieldMessage({ code, params: p } as never, es);
      expect(said, code).toMatch(/[a-záéíóúñ]{2}/i);
      expect(said, code).not.toMatch(/undefined|null|NaN|\[object/);
      expect(said, code).not.toBe(fieldMessage({ code, params: p } as never, en));
    }
  });

  it("chooses the singular for 1 and the plural for 2", () => {
    expect(errorMessage(new DomainError("sold_out", { left: 1 }), es)).toBe("Solo queda 1 lugar. Elige menos y vuelve a intentarlo.");
    expect(errorMessage(new DomainError("sold_out", { left: 2 }), es)).toBe("Solo quedan 2 lugares. Elige menos y vuelve a intentarlo.");
    expect(errorMessage(new DomainError("sold_out", { left: 1, tier: "Socio" }), es)).toBe("Solo queda 1 entrada Socio. Elige menos y vuelve a intentarlo.");
    expect(fieldMessage({ code: "tickets_too_many", params: { max: 1 } } as never, es)).toBe("Elige 1 entrada como máximo.");
    expect(fieldMessage({ code: "tickets_too_many", params: { max: 2 } } as never, es)).toBe("Elige 2 entradas como máximo.");
    expect(es.mail.tickets.intro({ kind: "order_confirmation", event: "Congreso", count: 1 })).toBe("Gracias por inscribirte en Congreso. Aquí tienes tu entrada.");
    expect(es.mail.tickets.intro({ kind: "order_confirmation", event: "Congreso", count: 2 })).toBe("Gracias por inscribirte en Congreso. Aquí tienes tus 2 entradas.");
    expect(es.audit.count({ count: 1, zone: "America/Lima" })).toMatch(/^1 registro,/);
    // Spanish groups thousands from five digits on: 1200, but 12.000.
    expect(es.audit.count({ count: 12_000, zone: "America/Lima" })).toMatch(/^12\.000 registros,/);
  });

  it("says money and waits in Spanish", () => {
    const refund = fieldMessage({ code: "refund_at_most", params: { max: { minor: 125_050, currency: "USD" } } }, es);
    expect(refund).toBe(`Escribe un monto de hasta ${es.format.money(125_050, "USD")}.`);
    expect(refund).toContain("1250,50");
    expect(errorMessage(new DomainError("rate_limited", { what: "guesses", retryAfterSeconds: 60 }), es)).toContain("en 1 minuto.");
    expect(errorMessage(new DomainError("rate_limited", { what: "guesses", retryAfterSeconds: 600 }), es)).toContain("en 10 minutos.");
  });

  it("greets by name, and without one still reads naturally", () => {
    expect(es.mail.greeting({ name: "Ana" })).toBe("Hola, Ana:");
    expect(es.mail.greeting({ name: es.mail.anyone })).toBe("Hola:");
    expect(en.mail.greeting({ name: en.mail.anyone })).toBe("Hello there,");
  });

  it("describes an event that cannot change status with a state and a verb", () => {
    const said = errorMessage(new DomainError("conflict", { reason: "event_status", status: "archived", to: "published" }), es);
    expect(said).toBe("Este evento está archivado, así que ahora no se puede publicar.");
    expect(errorMessage(new DomainError("conflict", { reason: "order_not_refundable", status: "partially_refunded" }), es)).toBe("Este pedido está reembolsado en parte: no se puede reembolsar.");
  });
});

describe("API errors under Accept-Language: es", () => {
  const json = async (path: string, language: string, init: RequestInit = {}) => {
    const res = await fetchWorker(path, { ...init, headers: { accept: "application/json", "accept-language": language, ...(init.headers as Record<string, string>) } });
    return { status: res.status, body: (await res.json()) as { error: { code: string; message: string; fields?: Record<string, string>; fieldCodes?: Record<string, string> } } };
  };

  it("answers a 404 with the same code and a Spanish message", async () => {
    for (const path of ["/api/v1/events/no-such-event", "/api/v1/nothing-here"]) {
      const english = await json(path, "en");
      const spanish = await json(path, "es-MX,es;q=0.9");
      expect(spanish.status, path).toBe(404);
      expect(spanish.body.error.code, path).toBe(english.body.error.code);
      expect(spanish.body.error.message, path).not.toBe(english.body.error.message);
      expect(spanish.body.error.message, path).toMatch(/^No encontramos/);
    }
  });

  it("answers a POST with field errors in Spanish, with the same codes", async () => {
    const event = await createEvent({ capacity: 10 });
    const body = JSON.stringify({ buyer: { name: "   ", email: "not-an-email" }, tickets: [{ tier: event.ticketTypes[0]!.id, name: "Ana" }] });
    const init = { method: "POST", headers: { "content-type": "application/json" }, body };
    const english = await json(`/api/v1/events/${event.slug}/orders`, "en", init);
    const spanish = await json(`/api/v1/events/${event.slug}/orders`, "es", { ...init, body });
    expect(spanish.status).toBe(422);
    expect(spanish.body.error.code).toBe("invalid");
    expect(spanish.body.error.code).toBe(english.body.error.code);
    expect(spanish.body.error.fieldCodes).toEqual(english.body.error.fieldCodes);
    expect(spanish.body.error.message).toBe(es.errors.invalid({}));
    expect(spanish.body.error.fields!["buyer.email"]).toMatch(/correo electrónico/);
    expect(spanish.body.error.fields!["buyer.email"]).not.toBe(english.body.error.fields!["buyer.email"]);
  });
});
