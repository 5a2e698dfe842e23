import { describe, expect, it } from "vitest";
import { getAs, postAs, signedInAs } from "./auth-helpers";
import { db, fetchWorker } from "./helpers";

const origin = "http://example.test";
const form = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetchWorker(path, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", origin, ...headers }, body: new URLSearchParams(fields), redirect: "manual" });

async function linkFor(email: string): Promise<string> {
  const rows = await db.outboxEmail.findMany({ where: { recipient: email, template: "sign_in_link" }, orderBy: { createdAt: "desc" } });
  return new URL((JSON.parse(rows[0]!.data) as { url: string }).url).pathname;
}

describe("passwordless sign-in", () => {
  it("emails a link that signs in once, with a Secure HttpOnly SameSite=Lax session cookie", async () => {
    const owner = await signedInAs("owner");
    const page = await form("/admin/sign-in", { email: ` ${owner.staff.email.toUpperCase()} ` }, { "cf-connecting-ip": "192.0.2.1" });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Check your email");
    const path = await linkFor(owner.staff.email);

    // Opening the link (as a mail scanner would) does not use it up.
    expect((await fetchWorker(path)).status).toBe(200);
    const signIn = await form(path, { next: "/admin/staff" });
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get("location")).toBe("/admin/staff");
    const cookie = signIn.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const staffPage = await fetchWorker("/admin/staff", { headers: { cookie: cookie.split(";")[0]! } });
    expect(staffPage.status).toBe(200);

    const again = await form(path, {});
    expect(again.status).toBe(401);
    expect(await again.text()).toContain("already been used");
  });

  it("refuses an expired link", async () => {
    const organiser = await signedInAs("organiser");
    await form("/admin/sign-in", { email: organiser.staff.email }, { "cf-connecting-ip": "192.0.2.2" });
    const path = await linkFor(organiser.staff.email);
    await db.loginToken.updateMany({ where: { staffId: organiser.staff.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await form(path, {})).status).toBe(401);
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    const res = await form("/admin/sign-in", { email: "stranger@example.org" }, { "cf-connecting-ip": "192.0.2.3" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("If that address belongs to a staff account");
    expect(await db.outboxEmail.count({ where: { recipient: "stranger@example.org" } })).toBe(0);
  });

  it("shows the form again, with its error and the address typed, for a malformed address", async () => {
    for (const [email, words] of [["name@example", "in the form name@example.org"], ["", "Enter your email address."]] as const) {
      const res = await form("/admin/sign-in", { email, next: "/admin/members" }, { "cf-connecting-ip": "192.0.2.4" });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain('<form method="post" action="/admin/sign-in">');
      expect(html).toContain(words);
      expect(html).toContain(`value="${email}"`);
      expect(html).toContain('value="/admin/members"');
    }
  });

  it("rate-limits link requests per address and per client", async () => {
    const door = await signedInAs("door");
    for (let i = 0; i < 7; i++) await form("/admin/sign-in", { email: door.staff.email }, { "cf-connecting-ip": "192.0.2.4" });
    expect(await db.outboxEmail.count({ where: { recipient: door.staff.email, template: "sign_in_link" } })).toBe(5);
    let last = 0;
    for (let i = 0; i < 21; i++) last = (await form("/admin/sign-in", { email: `n${i}@example.org` }, { "cf-connecting-ip": "192.0.2.5" })).status;
    expect(last).toBe(429);
  });

  it("does not redirect anywhere but our own pages after signing in", async () => {
    const owner = await signedInAs("owner");
    await form("/admin/sign-in", { email: owner.staff.email }, { "cf-connecting-ip": "192.0.2.6" });
    const res = await form(await linkFor(owner.staff.email), { next: "https://evil.example/phish" });
    expect(res.headers.get("location")).toBe("/admin");
  });

  it("signs out everywhere", async () => {
    const organiser = await signedInAs("organiser");
    expect((await getAs(organiser, "/admin/tokens")).status).toBe(200);
    expect((await postAs(organiser, "/admin/sign-out-everywhere")).status).toBe(303);
    const after = await getAs(organiser, "/admin/tokens");
    expect(after.status).toBe(303);
    expect(after.headers.get("location")).toMatch(/^\/admin\/sign-in/);
  });

  it("refuses organiser forms without the session's CSRF token or from another site", async () => {
    const organiser = await signedInAs("organiser");
    const noToken = await fetchWorker("/admin/tokens", { method: "POST", headers: { ...organiser.headers, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ name: "x" }) });
    expect(noToken.status).toBe(403);
    const crossSite = await fetchWorker("/admin/sign-out", {
      method: "POST",
      headers: { ...organiser.headers, origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ _csrf: organiser.csrf }),
    });
    expect(crossSite.status).toBe(403);
    expect(await db.apiToken.count({ where: { staffId: organiser.staff.id, name: "x" } })).toBe(0);
  });

  it("creates an API token shown once and stored only as a hash, which carries its owner's role", async () => {
    const organiser = await signedInAs("organiser");
    const res = await postAs(organiser, "/admin/tokens", { name: "society website" });
    const token = /<code class="token-once">(tok_[A-Za-z0-9_-]+)<\/code>/.exec(await res.text())?.[1];
    expect(token).toBeDefined();
    expect(await db.apiToken.count({ where: { tokenHash: token! } })).toBe(0);
    const asToken = await fetchWorker("/admin/audit", { headers: { authorization: `Bearer ${token}`, accept: "application/json" } });
    expect(asToken.status).toBe(403); // organisers may not read the audit log
  });
});
