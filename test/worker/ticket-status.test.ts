import { env } from "cloudflare:workers";
import { searchText } from "@/lib/text";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { signTicketCode } from "@/domain/tickets/signing";
import { ticketStatus, type TicketStatus } from "@/domain/tickets/status";
import { newId } from "@/lib/ids";
import { randomToken } from "@/lib/tokens";
import { sqlTime } from "@/lib/sql-time";
import { signedInAs } from "./auth-helpers";
import { createEvent, fetchWorker, serviceDeps } from "./helpers";

// Every stored combination a ticket can be in, asked of the four places that read it: the
// check-in API (and the scanner's offline list and search, which it feeds), the ticket page and
// the attendee export. They must all give tickets/status's answer.
const ticketStates = ["pending", "valid", "cancelled"] as const;
const orderStates = ["pending", "paid", "partially_refunded", "refunded", "cancelled", "expired"] as const;
const eventStates = ["published", "cancelled"] as const;

type Case = { ticket: string; order: string; event: string; id: string; token: string; name: string; expected: TicketStatus };

async function eventWithEveryCase(eventStatus: string) {
  const event = await createEvent({ status: eventStatus });
  const cases: Case[] = [];
  const statements: D1PreparedStatement[] = [];
  const now = sqlTime(new Date());
  for (const order of orderStates) {
    for (const ticket of ticketStates) {
      const orderId = newId("ord");
      const c: Case = { ticket, order, event: eventStatus, id: newId("tkt"), token: randomToken(), name: `Holder ${ticket} ${order}`, expected: ticketStatus({ ticketStatus: ticket, orderStatus: order, eventStatus }) };
      cases.push(c);
      statements.push(
        env.DB.prepare(
          `INSERT INTO "Order" ("id", "eventId", "reference", "buyerName", "buyerEmail", "status", "totalMinor", "currency", "createdAt", "paidAt", "updatedAt")
           VALUES (?1, ?2, ?3, 'Ada Buyer', 'ada@example.org', ?4, 1000, 'GBP', ?5, ?5, ?5)`,
        ).bind(orderId, event.id, orderId.slice(4, 14).toUpperCase(), order, now),
        env.DB.prepare(
          `INSERT INTO "Ticket" ("id", "orderId", "eventId", "ticketTypeId", "attendeeName", "pricePaidMinor", "status", "token", "createdAt", "updatedAt", "searchText")
           VALUES (?1, ?2, ?3, ?4, ?5, 1000, ?6, ?7, ?8, ?8, ?9)`,
        ).bind(c.id, orderId, event.id, event.ticketTypes[0]!.id, c.name, ticket, c.token, now, searchText(c.name, null)),
      );
    }
  }
  await env.DB.batch(statements);
  return { event, cases };
}

describe("a ticket's status", () => {
  it("refuses a ticket of a cancelled event at the door, online and offline", async () => {
    const { event, cases } = await eventWithEveryCase("cancelled");
    const door = await signedInAs("door", { events: [event.id] });
    const paid = cases.find((c) => c.ticket === "valid" && c.order === "paid")!;
    const code = await signTicketCode(serviceDeps().config, { eventId: event.id, ticketId: paid.id, ticketTypeId: event.ticketTypes[0]!.id });
    const res = await fetchWorker("/api/v1/checkins", {
      method: "POST",
      headers: { authorization: `Bearer ${door.apiToken}`, "content-type": "application/json" },
      body: JSON.stringify({ event: event.slug, code, nonce: newId("n") }),
    });
    expect(await res.json()).toMatchObject({ result: "event_cancelled" });
    const list = (await (await fetchWorker(`/api/v1/events/${event.slug}/door-list`, { headers: { authorization: `Bearer ${door.apiToken}` } })).json()) as {
      event: { status: string };
      tickets: Array<{ id: string; status: string }>;
    };
    expect(list.event.status).toBe("cancelled");
    expect(list.tickets.find((t) => t.id === paid.id)?.status).toBe("event_cancelled");
  });

  for (const eventStatus of eventStates) {
    it(`is the same at the door, in the door list and search, on the ticket page and in the export (event ${eventStatus})`, async () => {
      const { event, cases } = await eventWithEveryCase(eventStatus);
      const door = await signedInAs("door", { events: [event.id] });
      const organiser = await signedInAs("organiser");
      const auth = (who: { apiToken: string }) => ({ headers: { authorization: `Bearer ${who.apiToken}` } });

      const list = (await (await fetchWorker(`/api/v1/events/${event.slug}/door-list`, auth(door))).json()) as { tickets: Array<{ id: string; status: string }> };
      const listed = new Map(list.tickets.map((t) => [t.id, t.status]));
      // Search answers 20 at most: ask once per ticket state, by its part of the name.
      const found = new Map<string, string>();
      for (const state of ticketStates) {
        const search = (await (await fetchWorker(`/api/v1/events/${event.slug}/door-search?q=Holder ${state}`, auth(door))).json()) as { tickets: Array<{ id: string; status: string }> };
        for (const t of search.tickets) found.set(t.id, t.status);
      }
      const csv = await (await fetchWorker(`/api/v1/events/${event.slug}/attendees.csv`, auth(organiser))).text();
      const exported = new Map((parse(csv.replace(/^\uFEFF/, ""), { columns: true }) as Array<Record<string, string>>).map((r) => [r["Attendee name"], r["Ticket status"]]));

      const answers = [];
      for (const c of cases) {
        const page = await (await fetchWorker(`/tickets/${c.token}`)).text();
        const code = await signTicketCode(serviceDeps().config, { eventId: event.id, ticketId: c.id, ticketTypeId: event.ticketTypes[0]!.id });
        const scan = (await (
          await fetchWorker("/api/v1/checkins", { method: "POST", headers: { ...auth(door).headers, "content-type": "application/json" }, body: JSON.stringify({ event: event.slug, code, nonce: newId("n") }) })
        ).json()) as { result: string };
        answers.push({
          case: `${c.ticket}/${c.order}/${c.event}`,
          door: scan.result === "admitted" ? "valid" : scan.result,
          page: /data-ticket-status="([a-z_]+)"/.exec(page)?.[1],
          // The door list and search leave out expired orders (they never held a seat); the
          // export lists only orders that took money. Where they do list a ticket, they agree.
          list: listed.get(c.id) ?? (c.order === "expired" ? c.expected : "missing"),
          search: found.get(c.id) ?? (c.order === "expired" ? c.expected : "missing"),
          export: exported.get(c.name) ?? c.expected,
        });
      }
      const expected = cases.map((c) => ({ case: `${c.ticket}/${c.order}/${c.event}`, door: c.expected, page: c.expected, list: c.expected, search: c.expected, export: c.expected }));
      expect(answers).toEqual(expected);
      // The export is not vacuous: it lists the paid, partly refunded, refunded and cancelled orders.
      expect(exported.size).toBe(12);
      expect(cases.filter((c) => c.expected === (eventStatus === "cancelled" ? "event_cancelled" : "valid"))).toHaveLength(2);
    });
  }
});
