import { createEvent } from "./helpers";

/**
 * An event in January written in English, with the Spanish versions organisers would add:
 * title, summary, venue and the one tier's name. Free unless a price is given.
 */
export async function bilingualEvent(priceMinor = 0) {
  const startsAt = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 14, 18, 0));
  return createEvent({
    startsAt,
    timezone: "Europe/London",
    title: "Winter reading night",
    summary: "An evening of readings",
    venueName: "Test Hall",
    translations: JSON.stringify({ es: { title: "Noche de lectura de invierno", summary: "Una noche de lecturas", venueName: "Salón de pruebas" } }),
    tiers: [{ name: "Standard", priceMinor, translations: JSON.stringify({ es: { name: "General" } }) }],
  });
}

export type BilingualEvent = Awaited<ReturnType<typeof bilingualEvent>>;
