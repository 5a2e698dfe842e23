import { describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";
import type { Role } from "@/domain/staff/roles";
import { signedInAs, type Caller } from "./auth-helpers";
import { createEvent, db, fetchWorker } from "./helpers";
import { pendingOrder } from "./stripe-fixtures";

type Fixtures = { eventId: string; slug: string; orderId: string; ticketId: string; staffId: string; tokenId: string; emailId: string; tierId: string; memberId: string };
type Route = {
  method: "GET" | "POST";
  path: (f: Fixtures) => string;
  allowed: readonly Role[] | "anyone";
  api?: boolean;
  /** The record belongs to someone else, so only owners see it; for others 404 is right. */
  ownOnly?: boolean;
};

const owners = ["owner"] as const;
const organisers = ["owner", "organiser"] as const;
const everyone = ["owner", "organiser", "door"] as const;

/**
 * Every organiser route, with who may call it. A route added without an entry here is not
 * covered: add it. Door staff may only scan (their /door page and the check-in API).
 */
export const routes: Route[] = [
  { method: "GET", path: () => "/admin/sign-in", allowed: "anyone" },
  { method: "POST", path: () => "/admin/sign-out", allowed: everyone },
  { method: "POST", path: () => "/admin/sign-out-everywhere", allowed: everyone },
  { method: "GET", path: (f) => `/admin/events/${f.eventId}`, allowed: organisers },
  { method: "GET", path: (f) => `/admin/events/${f.eventId}/attendees`, allowed: organisers },
  { method: "GET", path: (f) => `/admin/events/${f.eventId}/registrations/new`, allowed: organisers },
  { method: "POST", path: (f) => `/admin/events/${f.eventId}/registrations`, allowed: organisers },
  { method: "GET", path: (f) => `/admin/orders/${f.orderId}`, allowed: organisers },
  { method: "POST", path: (f) => `/admin/orders/${f.orderId}/resend`, allowed: organisers },
  { method: "POST", path: (f) => `/admin/orders/${f.orderId}/cancel`, allowed: organisers },
  { method: "POST", path: (f) => `/admin/orders/${f.orderId}/refund`, allowed: organisers },
  { method: "POST", path: (f) => `/admin/tickets/${f.ticketId}/name`, allowed: organisers },
  { method: "POST", path: (f) => `/admin/tickets/${f.ticketId}/cancel`, allowed: organisers },
  { method: "POST", path: (f) => `/admin/emails/${f.emailId}/retry`, allowed: organisers },
  { method: "GET", path: (f) => `/admin/events/${f.eventId}/attendees.csv`, allowed: organisers },
  { method: "GET", path: (f) => `/admin/events/${f.eventId}/attendees.xlsx`, allowed: organisers },
  { method: "GET", path: (f) => `/api/v1/events/${f.slug}/attendees.csv`, allowed: organisers, api: true },
  { method: "GET", path: () => "/admin", allowed: organisers },
  { method: "GET", path: () => "/admin/events/new", allowed: organisers },
  { method: "POST", path: () => "/admin/events/new", allowed: organisers },
  { method: "GET", path: (f) => `/admin/events/${f.eventId}/edit`, allowed: organisers },
  { method: "POST", path: (f) => `/admin/events/${f.eventId}/edit`, allowed: organisers },
  { method: "GET", path: (f) => `/admin/events/${f.eventId}/preview`, allowed: organisers },
  { method: "POST", path: (f) => `/admin/events/${f.eventId}/publish`, allowed: organisers },
  { method: "POST", path: (f) => `/admin/events/${f.eventId}/cancel`, allowed: organisers },
  { method: "POST", path: (f) => `/admin/events/${f.eventId}/archive`, allowed: organisers },
  { method: "POST", path: (f) => `/admin/events/${f.eventId}/duplicate`, allowed: organisers },
  { method: "GET", path: (f) => `/admin/events/${f.eventId}/tiers/new`, allowed: organisers },
  { method: "POST", path: (f) => `/admin/events/${f.eventId}/tiers/new`, allowed: organisers },
  { method: "GET", path: (f) => `/admin/tiers/${f.tierId}/edit`, allowed: organisers },
  { method: "POST", path: (f) => `/admin/tiers/${f.tierId}/edit`, allowed: organisers },
  { method: "POST", path: (f) => `/admin/tiers/${f.tierId}/delete`, allowed: organisers },
  { method: "GET", path: () => "/admin/members", allowed: organisers },
  { method: "POST", path: () => "/admin/members/preview", allowed: organisers },
  { method: "POST", path: () => "/admin/members/import", allowed: organisers },
  { method: "POST", path: (f) => `/admin/members/${f.memberId}/delete`, allowed: organisers },
  { method: "GET", path: () => "/admin/staff", allowed: owners },
  { method: "POST", path: () => "/admin/staff", allowed: owners },
  { method: "POST", path: (f) => `/admin/staff/${f.staffId}`, allowed: owners },
  { method: "GET", path: () => "/admin/tokens", allowed: everyone },
  { method: "POST", path: () => "/admin/tokens", allowed: everyone },
  { method: "POST", path: (f) => `/admin/tokens/${f.tokenId}/revoke`, allowed: everyone, ownOnly: true },
  { method: "GET", path: () => "/admin/audit", allowed: owners },
  { method: "GET", path: () => "/door", allowed: everyone },
  { method: "GET", path: (f) => `/door/${f.slug}`, allowed: everyone },
  { method: "POST", path: () => "/api/v1/checkins", allowed: everyone, api: true },
  { method: "POST", path: () => "/api/v1/checkins/undo", allowed: everyone, api: true },
  { method: "GET", path: (f) => `/api/v1/events/${f.slug}/door-list`, allowed: everyone, api: true },
  { method: "GET", path: (f) => `/api/v1/events/${f.slug}/checkins/stats`, allowed: everyone, api: true },
  { method: "GET", path: (f) => `/api/v1/events/${f.slug}/door-search?q=pe`, allowed: everyone, api: true },
];

async function fixtures(): Promise<Fixtures> {
  const { order, event, tier } = await pendingOrder(1);
  const ticket = await db.ticket.findFirstOrThrow({ where: { orderId: order.id } });
  const staff = await signedInAs("door");
  const token = await db.apiToken.findFirstOrThrow({ where: { staffId: staff.staff.id } });
  const email = await db.outboxEmail.create({ data: { id: newId("eml"), recipient: "x@example.org", template: "order_confirmation", data: JSON.stringify({ orderId: order.id }), status: "failed", idempotencyKey: `roles-${order.id}`, orderId: order.id } });
  const member = await db.member.create({ data: { id: newId("mem"), email: `matrix-${Date.now()}-${Math.random()}@example.org` } });
  return { eventId: event.id, slug: event.slug, orderId: order.id, ticketId: ticket.id, staffId: staff.staff.id, tokenId: token.id, emailId: email.id, tierId: tier.id, memberId: member.id };
}

function call(route: Route, f: Fixtures, caller: Caller | null, viaToken = false) {
  const headers: Record<string, string> = viaToken && caller ? { authorization: `Bearer ${caller.apiToken}` } : { ...(caller?.headers ?? { origin: "http://example.test" }) };
  if (route.api) headers.accept = "application/json";
  const init: RequestInit = { method: route.method, headers, redirect: "manual" };
  if (route.method === "POST") {
    headers["content-type"] = "application/x-www-form-urlencoded";
    init.body = new URLSearchParams(caller && !viaToken ? { _csrf: caller.csrf } : {});
  }
  return fetchWorker(route.path(f), init);
}

function expectDenied(res: Response, route: Route, who: string) {
  expect([403], `${who} ${route.method} ${route.path.name}`).toContain(res.status);
}

describe("every organiser route checks the caller's role", () => {
  for (const route of routes) {
    const label = `${route.method} ${route.path({ eventId: ":event", slug: ":slug", orderId: ":order", ticketId: ":ticket", staffId: ":staff", tokenId: ":token", emailId: ":email", tierId: ":tier", memberId: ":member" })}`;
    it(label, async () => {
      const f = await fixtures();
      const anonymous = await call(route, f, null);
      if (route.allowed === "anyone") {
        expect(anonymous.status, `anonymous ${label}`).toBe(200);
        return;
      }
      if (route.api) {
        expect(anonymous.status, `anonymous ${label}`).toBe(401);
      } else {
        expect(anonymous.status, `anonymous ${label}`).toBe(303);
        expect(anonymous.headers.get("location"), `anonymous ${label}`).toMatch(/^\/admin\/sign-in/);
      }
      for (const role of ["door", "organiser", "owner"] as const) {
        // Fresh records for each caller, so one role's delete does not hide the next one's access.
        const mine = await fixtures();
        const caller = await signedInAs(role, { events: [mine.eventId] });
        for (const viaToken of route.api ? [false, true] : [false]) {
          const res = await call(route, mine, caller, viaToken);
          const who = `${role}${viaToken ? " (API token)" : ""} ${label}`;
          if ((route.allowed as readonly Role[]).includes(role)) {
            expect(res.status, who).not.toBe(401);
            expect(res.status, who).not.toBe(403);
            expect(res.headers.get("location") ?? "", who).not.toMatch(/^\/admin\/sign-in\?next=/);
            // The route exists and did not crash (a refused action is a 409 or 422, not a 404 or 500).
            expect(route.ownOnly && role !== "owner" ? [500] : [404, 500], who).not.toContain(res.status);
          } else {
            expectDenied(res, route, who);
          }
        }
      }
    });
  }

  it("refuses a revoked or unknown API token", async () => {
    const f = await fixtures();
    const organiser = await signedInAs("organiser");
    await db.apiToken.updateMany({ where: { staffId: organiser.staff.id }, data: { revokedAt: new Date() } });
    const route = routes.find((r) => r.api)!;
    expect((await call(route, f, organiser, true)).status).toBe(401);
    const bogus = await fetchWorker(route.path(f), { headers: { authorization: "Bearer tok_nope", accept: "application/json" } });
    expect(bogus.status).toBe(401);
  });
});
