import { env } from "cloudflare:workers";
import { runScheduled } from "@/scheduled";
import { describe, expect, it, vi } from "vitest";
import { createApp } from "@/app";
import { createWorker } from "@/worker";
import { devTools } from "@/dev/tools";
import { createEvent, db, fetchWorker, orderBody } from "./helpers";

const origin = "http://example.test";

/** The production app (src/index.ts builds the same, with no extensions), run over the test bindings. */
const production = () => createApp();

describe("the production entry", () => {
  it("has no /dev routes: no mailbox, no seed, no emulator checkout", async () => {
    const app = production();
    for (const [method, path] of [
      ["GET", "/dev/mail"],
      ["GET", "/dev/mail.json"],
      ["POST", "/dev/seed"],
      ["GET", "/dev/stripe/checkout/cs_test_abc"],
    ] as const) {
      const res = await app.request(path, { method, headers: { accept: "application/json" } }, env);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
  });

  it("takes no payment offline: with no STRIPE_SECRET_KEY there is no emulator, so the pay page refuses and frees the seats", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const event = await createEvent();
    const app = production();
    const placed = await app.request(
      `${origin}/api/v1/events/${event.slug}/orders`,
      { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(orderBody(event.ticketTypes[0]!.id)) },
      env,
    );
    expect(placed.status).toBe(201);
    const { checkoutUrl } = (await placed.json()) as { checkoutUrl: string };
    const res = await app.request(checkoutUrl, { headers: { accept: "application/json" } }, env);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unavailable");
    expect(log.mock.calls.some(([line]) => /STRIPE_SECRET_KEY.*no_offline_stripe/.test(String(line)))).toBe(true);
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ heldCount: 0, soldCount: 0 });
    log.mockRestore();
  });

  it("runs no emulator chores on a scheduled run", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext;
    const tasks = await runScheduled(env, ctx, async () => new Response(null, { status: 404 }));
    expect(tasks.filter((task) => task.startsWith("emulator_"))).toEqual([]);
    expect(tasks[0]).toBe("sweep_expired_holds");
    expect(tasks.at(-1)).toBe("send_outbox");
    expect(errors).not.toHaveBeenCalled();
    log.mockRestore();
    errors.mockRestore();
  });
});

describe("the development entry", () => {
  it("serves the dev mailbox and the emulator's checkout routes", async () => {
    expect((await fetchWorker("/dev/mail.json")).status).toBe(200);
    const checkout = await fetchWorker("/dev/stripe/checkout/cs_test_unknown");
    expect(checkout.status).toBe(404);
    expect(await checkout.text()).toContain("We could not find that checkout");
  });

  it("runs the emulator's expiry and webhook retries before the app's own chores", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext;
    const tasks = await runScheduled(env, ctx, async () => new Response(null, { status: 404 }), devTools);
    expect(tasks.slice(0, 3)).toEqual(["emulator_expire_sessions", "emulator_deliver_webhooks", "sweep_expired_holds"]);
    expect(tasks.at(-1)).toBe("send_outbox");
    expect(errors).not.toHaveBeenCalled();
    log.mockRestore();
    errors.mockRestore();
  });
});
