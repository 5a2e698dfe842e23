import { describe, expect, it } from "vitest";
import { en } from "@/i18n/en";
import { signedInAs } from "./auth-helpers";
import { db, fetchWorker } from "./helpers";
import { deliver, pendingOrder, stripeEvent } from "./stripe-fixtures";

/** A multipart body that claims a boundary it never uses, and one with no boundary at all. */
const brokenMultipart = [
  { "content-type": "multipart/form-data; boundary=----nope", body: "garbage with no parts\r\n" },
  { "content-type": "multipart/form-data", body: "--x\r\nContent-Disposition: form-data\r\n\r\n" },
];

describe("a form body that cannot be read", () => {
  it("is a 400 with a sentence from the catalogue on every route that reads a form itself", async () => {
    const { event, order } = await pendingOrder(1);
    const ticket = await db.ticket.findFirstOrThrow({ where: { orderId: order.id } });
    const owner = await signedInAs("owner");
    const routes = [
      { path: `/events/${event.slug}/register`, headers: { origin: "http://example.test" } },
      { path: "/admin/sign-in/not-a-real-token-at-all-000000", headers: { origin: "http://example.test" } },
      { path: `/admin/events/${event.id}/registrations`, headers: owner.headers },
      { path: `/admin/orders/${order.id}/refund`, headers: owner.headers },
      { path: `/admin/tickets/${ticket.id}/name`, headers: owner.headers },
      { path: "/admin/staff", headers: owner.headers },
      { path: `/admin/staff/${owner.staff.id}`, headers: owner.headers },
      { path: "/admin/tokens", headers: owner.headers },
    ];
    for (const route of routes) {
      for (const broken of brokenMultipart) {
        const res = await fetchWorker(route.path, { method: "POST", headers: { ...route.headers, "content-type": broken["content-type"], "x-csrf-token": owner.csrf }, body: broken.body, redirect: "manual" });
        const text = await res.text();
        expect(res.status, `${route.path} with ${broken["content-type"]}`).toBeLessThan(500);
        if (res.status === 400) expect(text, route.path).toContain("We could not read what was sent");
      }
    }
    // The public form reads its body first: the malformed one is refused as such.
    const res = await fetchWorker(`/events/${event.slug}/register`, { method: "POST", headers: { origin: "http://example.test", "content-type": brokenMultipart[0]!["content-type"] }, body: brokenMultipart[0]!.body });
    expect(res.status).toBe(400);
  });
});

describe("a JSON body that cannot be read", () => {
  it("is a 400 whose message is the catalogue's sentence, not the framework's", async () => {
    const { event } = await pendingOrder(1);
    const res = await fetchWorker(`/api/v1/events/${event.slug}/orders`, { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: "{" });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: "bad_request", message: en.http.badRequest } });
  });
});

describe("a correctly signed webhook whose body is not an event", () => {
  it("is a 400 and changes nothing", async () => {
    const { order } = await pendingOrder(1);
    const bodies: unknown[] = [
      null,
      [],
      "checkout.session.completed",
      42,
      { id: "evt_no_type", object: "event", data: { object: {} } },
      { ...stripeEvent("checkout.session.completed", {}), data: null },
      { ...stripeEvent("checkout.session.completed", {}), data: { object: null } },
      stripeEvent("checkout.session.completed", { id: 7, metadata: "orderId" }),
      stripeEvent("checkout.session.completed", { id: "cs_test_odd", metadata: { orderId: 5 }, client_reference_id: null }),
      stripeEvent("checkout.session.expired", { id: "cs_test_odd", metadata: { orderId: ["x"] } }),
      stripeEvent("charge.refunded", { payment_intent: { no: "id" }, amount_refunded: "all", refunded: "yes" }),
    ];
    for (const body of bodies) {
      const res = await deliver(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code, JSON.stringify(body)).toBe("bad_request");
    }
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("pending");
  });

  it("still records an event of a type we do not act on", async () => {
    const res = await deliver(stripeEvent("customer.created", { id: "cus_1" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ received: true, outcome: "ignored" });
  });
});
