import { describe, expect, it } from "vitest";
import { sweepExpiredHolds } from "@/domain/orders/sweep";
import { db, serviceDeps } from "./helpers";
import { pendingOrder, seats } from "./stripe-fixtures";

const later = (minutes: number) => () => new Date(Date.now() + minutes * 60_000);

describe("the hold-expiry sweep", () => {
  it("leaves holds alone until they have expired", async () => {
    const { order, event } = await pendingOrder(2);
    await db.order.update({ where: { id: order.id }, data: { stripeSessionId: null } });
    await sweepExpiredHolds(serviceDeps(later(10)));
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("pending");
    expect(await seats(event.id)).toMatchObject({ held: 2 });
  });

  it("releases an expired hold, and running twice at once releases it once", async () => {
    const { order, event } = await pendingOrder(2);
    await db.order.update({ where: { id: order.id }, data: { stripeSessionId: null } });
    const deps = serviceDeps(later(60));
    await Promise.all([sweepExpiredHolds(deps), sweepExpiredHolds(deps)]);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("expired");
    expect(await seats(event.id)).toEqual({ held: 0, sold: 0, tierHeld: 0, tierSold: 0 });
  });
});
