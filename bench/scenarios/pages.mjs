// Round trips of the public pages, cached and not: the first request for an event's page (or
// its API entry) meets an empty cache; the same request straight after is served from it.
// Then ticket pages. Sequential fetches: this records the header, it does not load the server.
import { ticketToken } from "../lib/fixtures.mjs";

export async function benchPages({ server, pageEvents, ticketEvent, tickets, recorder, log }) {
  log(`  public pages, cached and not (${pageEvents.length} events), and ${tickets} ticket pages…`);
  const get = async (path, row, accept) => {
    const res = await fetch(`${server.base}${path}`, { headers: { accept } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
    recorder.record(row, res.headers);
  };
  for (const ev of pageEvents) {
    await get(`/events/${ev.slug}`, "event page, uncached", "text/html");
    await get(`/events/${ev.slug}`, "event page, cached", "text/html");
    await get(`/api/v1/events/${ev.slug}`, "events API, uncached", "application/json");
    await get(`/api/v1/events/${ev.slug}`, "events API, cached", "application/json");
  }
  for (let i = 1; i <= tickets; i++) await get(`/tickets/${ticketToken(ticketEvent, i)}`, "ticket page", "text/html");
}
