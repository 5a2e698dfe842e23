import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: plain ESM helper shared with npm run bench, no type declarations
import { appStripeVars, startStripeEmulator } from "../../scripts/lib/stripe-emulator.mjs";
import { freePort, startDevServer, type DevServer } from "./support/dev-server";
import { orderAnswers, ticketAnswers, type ApiQuestion } from "./support/answers";

type Summary = { count: number; p50Ms: number };
type EmulatorStats = {
  requests: { all: Summary; byRoute: Record<string, Summary> };
  webhooks: { appAnswer: Summary | null; emulatorWork: Summary | null; failedAttempts: Summary | null };
};
type Emulator = { base: string; stop: () => Promise<void>; stats: () => Promise<EmulatorStats> };

const root = join(import.meta.dirname, "..", "..");
// Two wrangler dev processes: wrangler needs Node 22 (npm's node_modules/.bin/node) and its package.
const canRun =
  Number(process.versions.node.split(".")[0]) >= 22 &&
  existsSync(join(root, "node_modules", "wrangler", "bin", "wrangler.js")) &&
  existsSync(join(root, "wrangler.emulator.toml"));

// The bench's setup: the Stripe emulator as a Worker of its own (its own process and D1), the
// app configured with STRIPE_SECRET_KEY/STRIPE_API_BASE/STRIPE_WEBHOOK_SECRET to talk to it
// over HTTP as it would to Stripe. An order placed through the app is paid on the emulator's
// checkout page (its form's POST), and the app learns of it only by the signed webhook.
describe.skipIf(!canRun)("the Stripe emulator as a separate Worker", () => {
  let app: DevServer | undefined;
  let emulator: Emulator | undefined;

  beforeAll(async () => {
    // Both addresses are known up front, so the two Workers start side by side.
    const [appPort, emulatorPort] = [await freePort(), await freePort()];
    const started = await Promise.allSettled([
      startStripeEmulator({ port: emulatorPort, appBase: `http://127.0.0.1:${appPort}`, stdio: ["ignore", "ignore", "inherit"] }) as Promise<Emulator>,
      startDevServer({ port: appPort, args: appStripeVars(`http://127.0.0.1:${emulatorPort}`) }),
    ]);
    if (started[0].status === "fulfilled") emulator = started[0].value;
    if (started[1].status === "fulfilled") app = started[1].value;
    const failed = started.find((s) => s.status === "rejected");
    if (failed) throw failed.reason;
  });
  afterAll(async () => {
    await app?.stop();
    await emulator?.stop();
  });

  it("pays an app's order on its own checkout page and marks it paid in the app through a signed webhook", async () => {
    const { base } = app!;
    const emu = emulator!;
    const seed = app!.seed as DevServer["seed"] & { tokens: { organiser: string } };
    const attendees = async () =>
      (await fetch(`${base}/api/v1/events/${seed.event.slug}/attendees.csv`, { headers: { authorization: `Bearer ${seed.tokens.organiser}` } })).text();

    const { event } = (await (await fetch(`${base}/api/v1/events/${seed.event.slug}`)).json()) as { event: { tiers: Array<{ id: string; eligibility: string }>; questions: ApiQuestion[] } };
    const tier = event.tiers.find((t) => t.eligibility === "open")!;
    const name = `Wren Okafor ${Date.now().toString(36)}`;
    const placed = await fetch(`${base}/api/v1/events/${seed.event.slug}/orders`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ buyer: { name, email: "wren@example.org" }, tickets: [{ tier: tier.id, name, answers: ticketAnswers(event.questions, tier.id) }], answers: orderAnswers(event.questions) }),
    });
    expect(placed.status).toBe(201);
    const { order, checkoutUrl } = (await placed.json()) as { order: { id: string; status: string }; checkoutUrl: string };
    expect(order.status).toBe("pending");

    // The pay page: the app opens the Checkout Session on the emulator Worker and sends the buyer there.
    const pay = await fetch(checkoutUrl, { redirect: "manual" });
    expect(pay.status).toBe(303);
    const sessionUrl = pay.headers.get("location")!;
    expect(sessionUrl).toMatch(new RegExp(`^${emu.base}/dev/stripe/checkout/cs_test_\\w+$`));
    // With Stripe configured, the app has no checkout page of its own.
    expect((await fetch(`${base}${new URL(sessionUrl).pathname}`)).status).toBe(404);

    const page = await fetch(sessionUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get("server-timing")).toMatch(/^emulator;dur=\d+/);
    expect(await page.text()).toContain('method="post"');
    expect(await attendees()).not.toContain(name);

    const form = new URLSearchParams({ card_number: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123", name, email: "wren@example.org" });
    const paid = await fetch(sessionUrl, { method: "POST", body: form, redirect: "manual" });
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toContain(`${base}/orders/${order.id}/complete`);

    // Nobody follows the success page (it would ask Stripe itself): only the webhook can mark it paid.
    await expect.poll(async () => (await emu.stats()).webhooks.appAnswer?.count ?? 0, { timeout: 20_000, interval: 250 }).toBe(1);
    await expect.poll(attendees, { timeout: 10_000, interval: 250 }).toContain(name);

    const stats = await emu.stats();
    expect(stats.webhooks.failedAttempts).toBeNull();
    expect(stats.webhooks.emulatorWork?.count).toBe(1);
    expect(stats.requests.byRoute["POST /v1/checkout/sessions"]?.count).toBe(1);
    expect(stats.requests.byRoute["POST /dev/stripe/checkout/:id"]?.count).toBe(1);

    // The nudge that stands in for the cron: nothing is due now, and the paid session stays paid.
    const chores = await fetch(`${emu.base}/__chores`, { method: "POST" });
    expect(await chores.json()).toEqual({ expired: 0, delivered: 0, failed: 0 });
    expect((await fetch(sessionUrl)).status).toBe(200);
  });
});
