import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { createApp } from "@/app";
import { loadConfig, TURNSTILE_TEST_SECRETS } from "@/config";
import { devTools } from "@/dev/tools";
import { createEvent, orderBody } from "./helpers";

const origin = "http://example.test";
const [PASSES, FAILS] = TURNSTILE_TEST_SECRETS as [string, string];

/** The development app with Turnstile switched on by `settings`. */
function withTurnstile(settings: Record<string, string>, app = createApp(devTools)) {
  const bindings = { ...env, ...settings };
  return {
    order: (slug: string, body: unknown, headers: Record<string, string> = {}) =>
      app.request(`${origin}/api/v1/events/${slug}/orders`, { method: "POST", headers: { "content-type": "application/json", accept: "application/json", ...headers }, body: JSON.stringify(body) }, bindings),
    form: (slug: string, fields: Record<string, string>) =>
      app.request(`${origin}/events/${slug}/register`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", origin }, body: new URLSearchParams(fields), redirect: "manual" }, bindings),
    get: (path: string) => app.request(`${origin}${path}`, {}, bindings),
  };
}

describe("Cloudflare Turnstile on registration", () => {
  it("refuses API orders without a passed check, with a clear 403, and takes them with one", async () => {
    const event = await createEvent({ tiers: [{ priceMinor: 0 }] });
    const app = withTurnstile({ TURNSTILE_SECRET_KEY: PASSES });
    const body = orderBody(event.ticketTypes[0]!.id);
    const refused = await app.order(event.slug, body);
    expect(refused.status).toBe(403);
    const error = ((await refused.json()) as { error: { code: string; message: string } }).error;
    expect(error).toEqual({ code: "forbidden", message: "We could not confirm that a person sent this. Complete the check on the form and send it again." });
    expect((await app.order(event.slug, body, { "CF-Turnstile-Response": "XXXX.DUMMY.TOKEN" })).status).toBe(201);
    const failing = withTurnstile({ TURNSTILE_SECRET_KEY: FAILS });
    expect((await failing.order(event.slug, body, { "CF-Turnstile-Response": "XXXX.DUMMY.TOKEN" })).status).toBe(403);
  });

  it("checks the form's token and shows the widget only when a site key is set", async () => {
    const event = await createEvent({ tiers: [{ priceMinor: 0 }] });
    const tier = event.ticketTypes[0]!.id;
    const app = withTurnstile({ TURNSTILE_SECRET_KEY: PASSES, TURNSTILE_SITE_KEY: "1x00000000000000000000AA" });
    const page = await app.get(`/events/${event.slug}/register?qty.${tier}=1`);
    const html = await page.text();
    expect(html).toContain('class="cf-turnstile" data-sitekey="1x00000000000000000000AA"');
    expect(page.headers.get("content-security-policy")).toContain("https://challenges.cloudflare.com");
    expect(await (await withTurnstile({}).get(`/events/${event.slug}/register?qty.${tier}=1`)).text()).not.toContain("cf-turnstile");
    const fields = { "buyer.name": "Ada", "buyer.email": "ada@example.org", "tickets.0.tier": tier, "tickets.0.name": "Ada" };
    const refused = await app.form(event.slug, fields);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("Complete the check on the form and send it again.");
    expect((await app.form(event.slug, { ...fields, "cf-turnstile-response": "XXXX.DUMMY.TOKEN" })).status).toBe(303);
  });

  it("verifies real keys at TURNSTILE_VERIFY_URL with the secret, token and client address", async () => {
    const event = await createEvent({ tiers: [{ priceMinor: 0 }] });
    const seen: Array<{ url: string; body: string }> = [];
    const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      seen.push({ url: String(input), body: String(init?.body) });
      return Response.json({ success: true });
    });
    const app = withTurnstile({ TURNSTILE_SECRET_KEY: "0x4AAAAAAA-real-secret", TURNSTILE_VERIFY_URL: "http://turnstile.test/siteverify" });
    const res = await app.order(event.slug, orderBody(event.ticketTypes[0]!.id), { "CF-Turnstile-Response": "token-1", "cf-connecting-ip": "203.0.113.9" });
    spy.mockRestore();
    expect(res.status).toBe(201);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe("http://turnstile.test/siteverify");
    expect(Object.fromEntries(new URLSearchParams(seen[0]!.body))).toEqual({ secret: "0x4AAAAAAA-real-secret", response: "token-1", remoteip: "203.0.113.9" });
  });

  it("answers 503, not 500, when siteverify cannot be reached", async () => {
    const event = await createEvent({ tiers: [{ priceMinor: 0 }] });
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async () => new Response("down", { status: 502 }));
    const res = await withTurnstile({ TURNSTILE_SECRET_KEY: "0x4AAAAAAA-real-secret" }).order(event.slug, orderBody(event.ticketTypes[0]!.id), { "CF-Turnstile-Response": "t" });
    spy.mockRestore();
    log.mockRestore();
    expect(res.status).toBe(503);
  });

  it("has no stand-in in the production entry, and production refuses test keys", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const event = await createEvent({ tiers: [{ priceMinor: 0 }] });
    const res = await withTurnstile({ TURNSTILE_SECRET_KEY: PASSES }, createApp()).order(event.slug, orderBody(event.ticketTypes[0]!.id), { "CF-Turnstile-Response": "t" });
    log.mockRestore();
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("TURNSTILE_SECRET_KEY");
    const production = { ...env, ENVIRONMENT: "production", STRIPE_SECRET_KEY: "sk_test_t", STRIPE_WEBHOOK_SECRET: "whsec_t", RESEND_API_KEY: "re_t", PUBLIC_URL: "https://tickets.example.org" };
    expect(() => loadConfig({ ...production, TURNSTILE_SECRET_KEY: PASSES })).toThrow(/TURNSTILE_SECRET_KEY is a test key/);
    expect(() => loadConfig({ ...production, TURNSTILE_SECRET_KEY: "0x4AAAAAAA-real-secret", TURNSTILE_VERIFY_URL: "http://x.test/v" })).toThrow(/TURNSTILE_VERIFY_URL/);
    expect(loadConfig({ ...production, TURNSTILE_SECRET_KEY: "0x4AAAAAAA-real-secret" }).turnstile?.offline).toBe(false);
  });
});
