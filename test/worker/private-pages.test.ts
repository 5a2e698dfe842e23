import { describe, expect, it } from "vitest";
import { createEvent, fetchWorker, orderBody, postJson } from "./helpers";
import { paidThroughEmulator } from "./stripe-fixtures";

describe("pages whose URL is their key", () => {
  it("keeps the order completion page, with its ticket links, out of caches and indexes", async () => {
    const event = await createEvent();
    const order = await paidThroughEmulator(event.slug, event.ticketTypes[0]!.id);
    const res = await fetchWorker(`/orders/${order.id}/complete`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("/tickets/");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("keeps an unknown order's page private too", async () => {
    const res = await fetchWorker("/orders/ord_aaaaaaaaaaaaaaaa/complete");
    expect(res.status).toBe(404);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
  });

  it("keeps the form prefilled from an abandoned order private", async () => {
    const event = await createEvent();
    const { body } = await postJson(`/api/v1/events/${event.slug}/orders`, orderBody(event.ticketTypes[0]!.id));
    const back = await fetchWorker(`/orders/${body.order.id}/cancel`, { redirect: "manual" });
    const res = await fetchWorker(back.headers.get("location")!);
    expect(await res.text()).toContain("ada+tickets@example.org");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("keeps a sign-in link's page private", async () => {
    const res = await fetchWorker(`/admin/sign-in/${"a".repeat(43)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  });
});
