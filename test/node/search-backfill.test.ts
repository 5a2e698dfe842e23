import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import { searchText } from "@/lib/text";

const migrationsDir = join(import.meta.dirname, "..", "..", "prisma", "migrations");

describe("migration 0006_search_text", () => {
  it("fills the search columns of existing rows exactly as the app writes them", async () => {
    const files = (await readdir(migrationsDir)).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort();
    const db = new DatabaseSync(":memory:");
    const run = async (file: string) => db.exec(await readFile(join(migrationsDir, file), "utf8"));
    for (const file of files.filter((f) => f < "0006")) await run(file);
    db.exec(`INSERT INTO "Event" ("id", "slug", "title", "venueName", "venueAddress", "startsAt", "endsAt", "updatedAt") VALUES ('evt_1', 'e', 'E', 'V', 'A', 0, 0, 0);
      INSERT INTO "TicketType" ("id", "eventId", "name", "priceMinor", "updatedAt") VALUES ('tier_1', 'evt_1', 'T', 0, 0);
      INSERT INTO "Order" ("id", "eventId", "reference", "buyerName", "buyerEmail", "totalMinor", "currency", "updatedAt") VALUES ('ord_1', 'evt_1', 'REG-7KQ4M', 'ÉMILE Zoë Ångström', 'emile@example.org', 0, 'GBP', 0);
      INSERT INTO "Ticket" ("id", "orderId", "eventId", "ticketTypeId", "attendeeName", "pricePaidMinor", "token", "updatedAt") VALUES ('tkt_1', 'ord_1', 'evt_1', 'tier_1', 'José Núñez Łukasz Straße', 0, 't', 0);
      INSERT INTO "Member" ("id", "email", "membershipNumber", "name") VALUES ('mem_1', 'lucia@example.org', 'M1003', 'Lucía Ðorđe Øyen');`);
    for (const file of files.filter((f) => f >= "0006")) await run(file);
    const one = (table: string) => (db.prepare(`SELECT "searchText" FROM "${table}"`).get() as { searchText: string }).searchText;
    expect(one("Order")).toBe(searchText("REG-7KQ4M", "ÉMILE Zoë Ångström", "emile@example.org"));
    expect(one("Ticket")).toBe(searchText("José Núñez Łukasz Straße", null));
    expect(one("Member")).toBe(searchText("lucia@example.org", "M1003", "Lucía Ðorđe Øyen"));
    expect(one("Ticket")).toBe("jose nunez lukasz strasse\n");
  });
});
