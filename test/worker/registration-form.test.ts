import { describe, expect, it } from "vitest";
import { addMember, createEvent, db, fetchWorker } from "./helpers";

const origin = "http://example.test";

function postForm(path: string, fields: Record<string, string>, headers: Record<string, string> = { origin }) {
  return fetchWorker(path, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body: new URLSearchParams(fields), redirect: "manual" });
}

async function demoLikeEvent() {
  return createEvent({
    capacity: 20,
    tiers: [
      { name: "Member", priceMinor: 800, eligibility: "member_list", sortOrder: 1 },
      { name: "Concession", priceMinor: 800, eligibility: "declaration", declarationText: "I am a student, unwaged or receiving a pension", sortOrder: 2 },
      { name: "Non-member", priceMinor: 1300, sortOrder: 3 },
    ],
  });
}

describe("registering through the HTML form", () => {
  it("offers a labelled quantity choice per tier on the event page", async () => {
    const event = await demoLikeEvent();
    const html = await (await fetchWorker(`/events/${event.slug}`)).text();
    expect(html).toContain(`action="/events/${event.slug}/register"`);
    for (const tier of event.ticketTypes) {
      expect(html).toContain(`<label for="qty-${tier.id}" class="visually-hidden">Number of ${tier.name} tickets</label>`);
      expect(html).toContain(`name="qty.${tier.id}"`);
    }
  });

  it("asks for a name per ticket, the membership for members and the declaration for concessions", async () => {
    const event = await demoLikeEvent();
    const [member, concession, nonMember] = event.ticketTypes;
    const res = await fetchWorker(`/events/${event.slug}/register?qty.${member!.id}=1&qty.${concession!.id}=1&qty.${nonMember!.id}=1`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Ticket 1: Member (£8)");
    expect(html).toContain("Ticket 2: Concession (£8)");
    expect(html).toContain("Ticket 3: Non-member (£13)");
    expect(html).toContain('for="tickets-0-membership"');
    expect(html).toContain('<input type="checkbox" id="tickets-1-declaration" name="tickets.1.declaration" value="yes"');
    expect(html).toContain("I am a student, unwaged or receiving a pension");
    expect(html).not.toContain('id="tickets-2-membership"');
    expect(html).toContain("£29");
  });

  it("sends someone who chose nothing back to the event page with a message", async () => {
    const event = await demoLikeEvent();
    const res = await fetchWorker(`/events/${event.slug}/register?qty.${event.ticketTypes[0]!.id}=0`);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Choose how many tickets you want");
  });

  it("re-renders with the entries kept and a message beside each wrong field, holding nothing", async () => {
    const event = await demoLikeEvent();
    const [member, concession] = event.ticketTypes;
    const res = await postForm(`/events/${event.slug}/register`, {
      "buyer.name": "Ada Lovelace",
      "buyer.email": "ada@",
      "tickets.0.tier": member!.id,
      "tickets.0.name": "Ada Lovelace",
      "tickets.0.membership": "M0000",
      "tickets.1.tier": concession!.id,
      "tickets.1.name": "Charles Babbage",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('value="Ada Lovelace"');
    expect(html).toContain('value="Charles Babbage"');
    expect(html).toContain('value="ada@"');
    expect(html).toMatch(/id="buyer-email-error"[^>]*>.*email address in the form name@example.org/);
    expect(html).toContain('aria-invalid="true"');
    expect(await db.order.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("shows every error at once: the form's and the eligibility rules' together", async () => {
    const event = await demoLikeEvent();
    const [member, concession] = event.ticketTypes;
    const res = await postForm(`/events/${event.slug}/register`, {
      "buyer.name": "",
      "buyer.email": "",
      "tickets.0.tier": member!.id,
      "tickets.0.name": "",
      "tickets.0.membership": "M0000",
      "tickets.1.tier": concession!.id,
      "tickets.1.name": "",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    for (const field of ["buyer-name", "buyer-email", "tickets-0-name", "tickets-0-membership", "tickets-1-name", "tickets-1-declaration"]) {
      expect(html, field).toContain(`id="${field}-error"`);
    }
  });

  it("reports an unknown membership beside the field and offers to switch that ticket to the non-member price", async () => {
    const event = await demoLikeEvent();
    const [member, , nonMember] = event.ticketTypes;
    const fields = {
      "buyer.name": "Ada Lovelace",
      "buyer.email": "ada@example.org",
      "tickets.0.tier": member!.id,
      "tickets.0.name": "Ada Lovelace",
      "tickets.0.membership": "M0000",
    };
    let res = await postForm(`/events/${event.slug}/register`, fields);
    expect(res.status).toBe(422);
    let html = await res.text();
    expect(html).toContain("We could not find that membership");
    expect(html).toContain('name="switch" value="0"');
    expect(html).toContain("Switch this ticket to Non-member (£13)");

    res = await postForm(`/events/${event.slug}/register`, { ...fields, switch: "0" });
    html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain("Ticket 1 is now Non-member (£13)");
    expect(html).toContain(`name="tickets.0.tier" value="${nonMember!.id}"`);
    expect(await db.order.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("confirms a free registration and shows the order", async () => {
    await addMember({ email: "grace@example.org" });
    const event = await createEvent({ tiers: [{ name: "Members' evening", priceMinor: 0, eligibility: "member_list" }] });
    const res = await postForm(`/events/${event.slug}/register`, {
      "buyer.name": "Grace Hopper",
      "buyer.email": "grace@example.org",
      "tickets.0.tier": event.ticketTypes[0]!.id,
      "tickets.0.name": "Grace Hopper",
      "tickets.0.membership": " GRACE@example.org ",
    });
    expect(res.status).toBe(303);
    const location = res.headers.get("location")!;
    expect(location).toMatch(/^\/orders\/ord_[0-9a-z]{16}\/complete$/);
    const page = await (await fetchWorker(location)).text();
    expect(page).toContain("You’re registered");
    expect(page).toContain("grace@example.org");
    expect(page).toMatch(/REG-[2-9A-HJ-NP-Z]{5}/);
  });

  it("refuses a form posted from another site", async () => {
    const event = await demoLikeEvent();
    const res = await postForm(`/events/${event.slug}/register`, { "buyer.name": "X" }, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
  });
});
