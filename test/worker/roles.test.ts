import { env } from "cloudflare:workers";
import { inspectRoutes } from "hono/dev";
import { describe, expect, it } from "vitest";
import { createApp } from "@/app";
import { devTools } from "@/dev/tools";
import { sha256Hex } from "@/lib/hash";
import { newId } from "@/lib/ids";
import { randomToken } from "@/lib/tokens";
import type { Role } from "@/domain/staff/roles";
import { signedInAs, type Caller } from "./auth-helpers";
import { db, fetchWorker, orderBody, postJson } from "./helpers";
import { pendingOrder } from "./stripe-fixtures";

type Fixtures = {
  eventId: string;
  slug: string;
  orderId: string;
  /** The order's Checkout Session id (recorded only: the emulator has no such session). */
  sessionId: string;
  ticketId: string;
  ticketToken: string;
  staffId: string;
  tokenId: string;
  signInToken: string;
  emailId: string;
  tierId: string;
  memberId: string;
  questionId: string;
  entryId: string;
};

/**
 * Who may call a route:
 * - `public`: anyone, signed in or not;
 * - `signed-in`: any staff member (their own session and tokens);
 * - `door-staff`: anyone who may scan (each sees only their own events);
 * - `door-of-event`: door staff assigned to that event, and organisers and owners;
 * - `organiser`: organisers and owners; `owner`: owners only;
 * - `dev-only`: offline development tools, a 404 in production whoever asks;
 * - `stripe-signed`: only a request carrying Stripe's signature; no session or token helps.
 */
type Decision = "public" | "signed-in" | "door-staff" | "door-of-event" | "organiser" | "owner" | "dev-only" | "stripe-signed";

type Entry = {
  decision: Decision;
  /** The address to call, made from fresh records; it must match the route's path. */
  path: (f: Fixtures) => string;
  /** A JSON body that gets past validation to the access rule (otherwise an empty form is posted). */
  json?: (f: Fixtures) => unknown;
  /** The record belongs to someone else, so only owners see it; for others 404 is right. */
  ownOnly?: boolean;
  /** Puts the fixtures in the state the route needs before each call; may replace some of them. */
  prepare?: (f: Fixtures) => Promise<Partial<Fixtures> | void>;
};

const allowedRoles: Record<Decision, readonly Role[]> = {
  public: ["owner", "organiser", "door"],
  "signed-in": ["owner", "organiser", "door"],
  "door-staff": ["owner", "organiser", "door"],
  "door-of-event": ["owner", "organiser", "door"],
  organiser: ["owner", "organiser"],
  owner: ["owner"],
  "dev-only": [],
  "stripe-signed": [],
};

/** A valid ticket (paid order) is the only kind with a QR code. */
async function markPaid(f: Fixtures) {
  await db.order.update({ where: { id: f.orderId }, data: { status: "paid", paidAt: new Date() } });
  await db.ticket.updateMany({ where: { orderId: f.orderId }, data: { status: "valid" } });
}

/** An order placed through the API, so its Checkout Session exists (on the emulator). */
async function withCheckout(f: Fixtures): Promise<Partial<Fixtures>> {
  const placed = await postJson<{ order: { id: string } }>(`/api/v1/events/${f.slug}/orders`, orderBody(f.tierId));
  await fetchWorker(`/orders/${placed.body.order.id}/pay`, { redirect: "manual" });
  const order = await db.order.findUniqueOrThrow({ where: { id: placed.body.order.id } });
  return { orderId: order.id, sessionId: order.stripeSessionId ?? "" };
}

/** A waiting-list entry with an open offer, its leave and offer tokens the fixture's (fresh, 43-character) ticket token. */
async function onWaitlist(f: Fixtures) {
  await db.waitlistEntry.create({
    data: {
      // Position 2: the fixture's own (ended) entry holds 1.
      id: newId("wle"), eventId: f.eventId, ticketTypeId: f.tierId, position: 2, name: "Wanda Waiting", email: `wait-${randomToken(8)}@example.org`.toLowerCase(),
      places: 1, language: "en", status: "offered", leaveToken: f.ticketToken, offerToken: f.ticketToken, offeredAt: new Date(), offerExpiresAt: new Date(Date.now() + 3_600_000),
    },
  });
}

const scan = (f: Fixtures) => ({ event: f.slug, ticketId: f.ticketId, nonce: `roles-${randomToken(8)}` });

/**
 * Every route of the app, by the method and path Hono registers it under, with who may call it
 * and the address to call. The first tests below fail when a route of the app is missing here
 * (decide who may call it, then add it) or when an entry names a route the app no longer has.
 */
const table: Record<string, Entry> = {
  // Public pages, their JSON twins and the buyer's own links (the unguessable id is the key).
  "GET /": { decision: "public", path: () => "/" },
  "GET /privacy": { decision: "public", path: () => "/privacy" },
  "GET /healthz": { decision: "public", path: () => "/healthz" },
  "GET /events/:slug": { decision: "public", path: (f) => `/events/${f.slug}` },
  "GET /events/:slug/register": { decision: "public", path: (f) => `/events/${f.slug}/register?qty.${f.tierId}=1` },
  "POST /events/:slug/register": { decision: "public", path: (f) => `/events/${f.slug}/register` },
  "POST /events/:slug/tickets-again": { decision: "public", path: (f) => `/events/${f.slug}/tickets-again` },
  "GET /orders/:id/pay": { decision: "public", path: (f) => `/orders/${f.orderId}/pay`, prepare: withCheckout },
  "GET /orders/:id/complete": { decision: "public", path: (f) => `/orders/${f.orderId}/complete`, prepare: withCheckout },
  "GET /orders/:id/cancel": { decision: "public", path: (f) => `/orders/${f.orderId}/cancel`, prepare: withCheckout },
  "GET /orders/:id/receipt": { decision: "public", path: (f) => `/orders/${f.orderId}/receipt` },
  "GET /tickets/:token": { decision: "public", path: (f) => `/tickets/${f.ticketToken}`, prepare: markPaid },
  "GET /tickets/:token/calendar.ics": { decision: "public", path: (f) => `/tickets/${f.ticketToken}/calendar.ics`, prepare: markPaid },
  "GET /tickets/:token/qr.png": { decision: "public", path: (f) => `/tickets/${f.ticketToken}/qr.png`, prepare: markPaid },
  // Self-service: the ticket's token or the order's id is the key (no sign-in); same-origin POSTs.
  "POST /tickets/:token/name": { decision: "public", path: (f) => `/tickets/${f.ticketToken}/name`, prepare: markPaid },
  "GET /tickets/:token/answers": { decision: "public", path: (f) => `/tickets/${f.ticketToken}/answers`, prepare: markPaid },
  "POST /tickets/:token/answers": { decision: "public", path: (f) => `/tickets/${f.ticketToken}/answers`, prepare: markPaid },
  "POST /tickets/:token/transfer": { decision: "public", path: (f) => `/tickets/${f.ticketToken}/transfer`, prepare: markPaid },
  "POST /tickets/:token/cancel": { decision: "public", path: (f) => `/tickets/${f.ticketToken}/cancel`, prepare: markPaid },
  "POST /orders/:id/cancel-tickets": { decision: "public", path: (f) => `/orders/${f.orderId}/cancel-tickets`, prepare: markPaid },
  "GET /api/v1/events": { decision: "public", path: () => "/api/v1/events" },
  "GET /api/v1/events/:slug": { decision: "public", path: (f) => `/api/v1/events/${f.slug}` },
  "POST /api/v1/events/:slug/orders": { decision: "public", path: (f) => `/api/v1/events/${f.slug}/orders` },
  "GET /events/:slug/waitlist": { decision: "public", path: (f) => `/events/${f.slug}/waitlist` },
  "POST /events/:slug/waitlist": { decision: "public", path: (f) => `/events/${f.slug}/waitlist` },
  "POST /api/v1/events/:slug/waitlist": { decision: "public", path: (f) => `/api/v1/events/${f.slug}/waitlist` },
  "GET /waitlist/leave/:token": { decision: "public", path: (f) => `/waitlist/leave/${f.ticketToken}`, prepare: onWaitlist },
  "POST /waitlist/leave/:token": { decision: "public", path: (f) => `/waitlist/leave/${f.ticketToken}`, prepare: onWaitlist },
  "GET /waitlist/offers/:token": { decision: "public", path: (f) => `/waitlist/offers/${f.ticketToken}`, prepare: onWaitlist },
  "GET /admin/sign-in": { decision: "public", path: () => "/admin/sign-in" },
  "POST /admin/sign-in": { decision: "public", path: () => "/admin/sign-in" },
  "GET /admin/sign-in/:token": { decision: "public", path: (f) => `/admin/sign-in/${f.signInToken}` },
  "POST /admin/sign-in/:token": { decision: "public", path: (f) => `/admin/sign-in/${f.signInToken}` },
  // The door app's manifest in a language: browsers fetch it without cookies; it holds no one's data.
  "GET /door/manifest.webmanifest": { decision: "public", path: () => "/door/manifest.webmanifest?lang=es" },

  "POST /webhooks/stripe": { decision: "stripe-signed", path: () => "/webhooks/stripe" },

  "GET /__bare": { decision: "dev-only", path: () => "/__bare" },
  "GET /__bare/d1": { decision: "dev-only", path: () => "/__bare/d1" },
  "POST /dev/seed": { decision: "dev-only", path: () => "/dev/seed" },
  "GET /dev/mail": { decision: "dev-only", path: () => "/dev/mail" },
  "GET /dev/mail.json": { decision: "dev-only", path: () => "/dev/mail.json" },
  "GET /dev/mail/:id": { decision: "dev-only", path: (f) => `/dev/mail/${f.emailId}` },
  "GET /dev/mail/:id/html": { decision: "dev-only", path: (f) => `/dev/mail/${f.emailId}/html` },
  "GET /dev/mail/:id/attachments/:index": { decision: "dev-only", path: (f) => `/dev/mail/${f.emailId}/attachments/0` },
  "GET /dev/stripe/checkout/:id": { decision: "dev-only", path: (f) => `/dev/stripe/checkout/${f.sessionId}`, prepare: withCheckout },
  "POST /dev/stripe/checkout/:id": { decision: "dev-only", path: (f) => `/dev/stripe/checkout/${f.sessionId}`, prepare: withCheckout },

  "POST /admin/sign-out": { decision: "signed-in", path: () => "/admin/sign-out" },
  "POST /admin/sign-out-everywhere": { decision: "signed-in", path: () => "/admin/sign-out-everywhere" },
  "GET /admin/tokens": { decision: "signed-in", path: () => "/admin/tokens" },
  "POST /admin/tokens": { decision: "signed-in", path: () => "/admin/tokens" },
  "POST /admin/tokens/:id/revoke": { decision: "signed-in", path: (f) => `/admin/tokens/${f.tokenId}/revoke`, ownOnly: true },

  // Door staff may only scan: their /door page and the check-in API, for their own events.
  "GET /door": { decision: "door-staff", path: () => "/door" },
  "GET /door/:slug": { decision: "door-of-event", path: (f) => `/door/${f.slug}` },
  "POST /api/v1/checkins": { decision: "door-of-event", path: () => "/api/v1/checkins", json: scan },
  "POST /api/v1/checkins/undo": { decision: "door-of-event", path: () => "/api/v1/checkins/undo", json: scan },
  "GET /api/v1/events/:slug/door-list": { decision: "door-of-event", path: (f) => `/api/v1/events/${f.slug}/door-list` },
  "GET /api/v1/events/:slug/checkins/stats": { decision: "door-of-event", path: (f) => `/api/v1/events/${f.slug}/checkins/stats` },
  "GET /api/v1/events/:slug/door-search": { decision: "door-of-event", path: (f) => `/api/v1/events/${f.slug}/door-search?q=pe` },

  "GET /admin": { decision: "organiser", path: () => "/admin" },
  "GET /admin/events/new": { decision: "organiser", path: () => "/admin/events/new" },
  "POST /admin/events/new": { decision: "organiser", path: () => "/admin/events/new" },
  "GET /admin/events/:id": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}` },
  "GET /admin/events/:id/edit": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/edit` },
  "POST /admin/events/:id/edit": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/edit` },
  "GET /admin/events/:id/preview": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/preview` },
  "POST /admin/events/:id/publish": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/publish` },
  "POST /admin/events/:id/cancel": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/cancel` },
  "POST /admin/events/:id/archive": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/archive` },
  "POST /admin/events/:id/duplicate": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/duplicate` },
  "GET /admin/events/:id/tiers/new": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/tiers/new` },
  "POST /admin/events/:id/tiers/new": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/tiers/new` },
  "GET /admin/tiers/:id/edit": { decision: "organiser", path: (f) => `/admin/tiers/${f.tierId}/edit` },
  "POST /admin/tiers/:id/edit": { decision: "organiser", path: (f) => `/admin/tiers/${f.tierId}/edit` },
  "POST /admin/tiers/:id/delete": { decision: "organiser", path: (f) => `/admin/tiers/${f.tierId}/delete` },
  "GET /admin/events/:id/questions": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/questions` },
  "GET /admin/events/:id/questions/new": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/questions/new` },
  "POST /admin/events/:id/questions/new": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/questions/new` },
  "GET /admin/questions/:id/edit": { decision: "organiser", path: (f) => `/admin/questions/${f.questionId}/edit` },
  "POST /admin/questions/:id/edit": { decision: "organiser", path: (f) => `/admin/questions/${f.questionId}/edit` },
  "POST /admin/questions/:id/retire": { decision: "organiser", path: (f) => `/admin/questions/${f.questionId}/retire` },
  "POST /admin/questions/:id/restore": { decision: "organiser", path: (f) => `/admin/questions/${f.questionId}/restore` },
  "POST /admin/questions/:id/up": { decision: "organiser", path: (f) => `/admin/questions/${f.questionId}/up` },
  "POST /admin/questions/:id/down": { decision: "organiser", path: (f) => `/admin/questions/${f.questionId}/down` },
  "GET /admin/events/:id/vouchers": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/vouchers` },
  "GET /admin/events/:id/vouchers.csv": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/vouchers.csv` },
  "POST /admin/events/:id/vouchers": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/vouchers` },
  "POST /admin/events/:id/vouchers/generate": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/vouchers/generate` },
  "POST /admin/events/:id/vouchers/:voucherId/delete": {
    decision: "organiser",
    // The voucher's id is made from the event's, so the path needs no fixture of its own.
    path: (f) => `/admin/events/${f.eventId}/vouchers/vch_${f.eventId.slice(4)}/delete`,
    prepare: async (f) => void (await db.voucher.create({ data: { id: `vch_${f.eventId.slice(4)}`, eventId: f.eventId, code: "ROLES", kind: "percent", value: 10 } })),
  },
  "GET /admin/events/:id/attendees": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/attendees` },
  "GET /admin/events/:id/attendees.csv": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/attendees.csv` },
  "GET /admin/events/:id/waitlist": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/waitlist` },
  "GET /admin/events/:id/waitlist.csv": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/waitlist.csv` },
  "POST /admin/events/:id/waitlist/:entryId/offer": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/waitlist/${f.entryId}/offer` },
  "POST /admin/events/:id/waitlist/:entryId/remove": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/waitlist/${f.entryId}/remove` },
  "POST /admin/events/:id/waitlist/settings": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/waitlist/settings` },
  "GET /admin/events/:id/attendees.xlsx": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/attendees.xlsx` },
  "GET /api/v1/events/:slug/attendees.csv": { decision: "organiser", path: (f) => `/api/v1/events/${f.slug}/attendees.csv` },
  "GET /admin/events/:id/registrations/new": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/registrations/new` },
  "POST /admin/events/:id/registrations": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/registrations` },
  "GET /admin/orders/:id": { decision: "organiser", path: (f) => `/admin/orders/${f.orderId}` },
  "POST /admin/orders/:id/resend": { decision: "organiser", path: (f) => `/admin/orders/${f.orderId}/resend` },
  "POST /admin/orders/:id/cancel": { decision: "organiser", path: (f) => `/admin/orders/${f.orderId}/cancel` },
  "POST /admin/orders/:id/refund": { decision: "organiser", path: (f) => `/admin/orders/${f.orderId}/refund` },
  "POST /admin/tickets/:id/name": { decision: "organiser", path: (f) => `/admin/tickets/${f.ticketId}/name` },
  "POST /admin/tickets/:id/cancel": { decision: "organiser", path: (f) => `/admin/tickets/${f.ticketId}/cancel` },
  "POST /admin/emails/:id/retry": { decision: "organiser", path: (f) => `/admin/emails/${f.emailId}/retry` },
  "POST /admin/events/:id/retention": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/retention` },
  "POST /admin/events/:id/reminder-preview": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/reminder-preview` },
  "POST /admin/orders/:id/erase": { decision: "organiser", path: (f) => `/admin/orders/${f.orderId}/erase` },
  "GET /admin/members": { decision: "organiser", path: () => "/admin/members" },
  "POST /admin/members/preview": { decision: "organiser", path: () => "/admin/members/preview" },
  "POST /admin/members/import": { decision: "organiser", path: () => "/admin/members/import" },
  "POST /admin/members/:id/delete": { decision: "organiser", path: (f) => `/admin/members/${f.memberId}/delete` },
  "GET /admin/events/:id/messages": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/messages` },
  "POST /admin/events/:id/messages/preview": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/messages/preview` },
  "POST /admin/events/:id/messages": { decision: "organiser", path: (f) => `/admin/events/${f.eventId}/messages` },

  "GET /admin/staff": { decision: "owner", path: () => "/admin/staff" },
  "POST /admin/staff": { decision: "owner", path: () => "/admin/staff" },
  "POST /admin/staff/:id": { decision: "owner", path: (f) => `/admin/staff/${f.staffId}` },
  "GET /admin/audit": { decision: "owner", path: () => "/admin/audit" },
  "GET /admin/settings": { decision: "owner", path: () => "/admin/settings" },
  "POST /admin/settings": { decision: "owner", path: () => "/admin/settings" },
};

/**
 * Every method and path the app answers, from Hono's own list. `app.use` registers middleware
 * under the method ALL; those entries answer nothing by themselves, so they are left out. An
 * ALL entry with a handler (`app.all`) is a route like any other and is kept.
 */
function appRoutes(): string[] {
  // The development entry's app: every production route plus the dev tools' own.
  const keys = inspectRoutes(createApp(devTools))
    .filter((route) => !(route.method === "ALL" && route.isMiddleware))
    .map((route) => `${route.method} ${route.path}`);
  return [...new Set(keys)].sort();
}

/** The route path as a pattern: each `:param` stands for one path segment. */
const patternOf = (path: string) => new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/:\w+/g, "[^/]+")}$`);

const placeholders: Fixtures = {
  eventId: ":event",
  slug: ":slug",
  orderId: ":order",
  sessionId: "cs_test_:session",
  ticketId: ":ticket",
  ticketToken: ":ticket-token",
  staffId: ":staff",
  tokenId: ":token",
  signInToken: ":sign-in-token",
  emailId: ":email",
  tierId: ":tier",
  memberId: ":member",
  questionId: ":question",
  entryId: ":entry",
};

async function fixtures(): Promise<Fixtures> {
  const { order, event, tier, sessionId } = await pendingOrder(1);
  const ticket = await db.ticket.findFirstOrThrow({ where: { orderId: order.id } });
  const staff = await signedInAs("door");
  const token = await db.apiToken.findFirstOrThrow({ where: { staffId: staff.staff.id } });
  const signInToken = randomToken();
  await db.loginToken.create({ data: { id: newId("lgn"), tokenHash: await sha256Hex(signInToken), staffId: staff.staff.id, expiresAt: new Date(Date.now() + 600_000) } });
  const email = await db.outboxEmail.create({ data: { id: newId("eml"), recipient: "x@example.org", template: "order_confirmation", data: JSON.stringify({ orderId: order.id }), status: "failed", idempotencyKey: `roles-${order.id}`, orderId: order.id } });
  const member = await db.member.create({ data: { id: newId("mem"), email: `matrix-${Date.now()}-${Math.random()}@example.org` } });
  const question = await db.question.create({ data: { id: newId("qst"), eventId: event.id, type: "text", label: "Organisation" } });
  // An ended offer: a waiting entry would take the tier off sale, which other routes need on sale.
  const entry = await db.waitlistEntry.create({ data: { id: newId("wle"), eventId: event.id, ticketTypeId: tier.id, position: 1, name: "Wanda Waiting", email: `wait-${randomToken(6)}@example.org`, places: 1, leaveToken: randomToken(), status: "expired" } });
  return {
    eventId: event.id,
    slug: event.slug,
    orderId: order.id,
    sessionId,
    ticketId: ticket.id,
    ticketToken: ticket.token,
    staffId: staff.staff.id,
    tokenId: token.id,
    signInToken,
    emailId: email.id,
    tierId: tier.id,
    memberId: member.id,
    questionId: question.id,
    entryId: entry.id,
  };
}

async function prepared(entry: Entry): Promise<Fixtures> {
  const f = await fixtures();
  return { ...f, ...(await entry.prepare?.(f)) };
}

const isApi = (path: string) => path.startsWith("/api/");

/** The request a browser (session cookie), a script (API token) or a stranger would send. */
function requestFor(method: string, entry: Entry, f: Fixtures, caller: Caller | null, viaToken = false): { path: string; init: RequestInit } {
  const path = entry.path(f);
  const headers: Record<string, string> = viaToken && caller ? { authorization: `Bearer ${caller.apiToken}` } : { ...(caller?.headers ?? { origin: "http://example.test" }) };
  if (isApi(path)) headers.accept = "application/json";
  const init: RequestInit = { method, headers, redirect: "manual" };
  const session = caller && !viaToken;
  if (method === "POST" && entry.json) {
    headers["content-type"] = "application/json";
    if (session) headers["x-csrf-token"] = caller.csrf;
    init.body = JSON.stringify(entry.json(f));
  } else if (method === "POST") {
    headers["content-type"] = "application/x-www-form-urlencoded";
    init.body = new URLSearchParams(session ? { _csrf: caller.csrf } : {});
  }
  return { path, init };
}

function call(method: string, entry: Entry, f: Fixtures, caller: Caller | null, viaToken = false) {
  const { path, init } = requestFor(method, entry, f, caller, viaToken);
  return fetchWorker(path, init);
}

/** The same app configured as production (keys that are never used; nothing leaves the test). */
const production = { ...env, ENVIRONMENT: "production", STRIPE_SECRET_KEY: "sk_test_roles", STRIPE_WEBHOOK_SECRET: "whsec_roles", RESEND_API_KEY: "re_roles", PUBLIC_URL: "https://tickets.example.org" };

/** Let through: not refused, not sent to sign in, and the route did its work or refused on its own rules. */
function expectLetThrough(res: Response, who: string, options: { notFoundIsRight?: boolean } = {}) {
  expect(res.status, who).not.toBe(401);
  expect(res.status, who).not.toBe(403);
  expect(res.headers.get("location") ?? "", who).not.toMatch(/^\/admin\/sign-in\?next=/);
  // A refused action is a 409 or 422; a 404 would mean the fixture or the route is wrong.
  expect(res.status, who).toBeLessThan(500);
  if (!options.notFoundIsRight) expect(res.status, who).not.toBe(404);
}

const staffRoles = ["door", "organiser", "owner"] as const;

describe("the role table covers every route of the app", () => {
  it("gives every route of the app a decision", () => {
    const undecided = appRoutes().filter((key) => !(key in table));
    expect(undecided, "routes with no entry in the role table: decide who may call them and add them").toEqual([]);
  });

  it("names no route the app no longer has", () => {
    const routes = new Set(appRoutes());
    const stale = Object.keys(table).filter((key) => !routes.has(key));
    expect(stale, "entries in the role table for routes the app does not have").toEqual([]);
  });

  it("calls each route at an address that matches its path", () => {
    const f = placeholders;
    const mismatched = Object.entries(table)
      .filter(([key, entry]) => !patternOf(key.split(" ")[1]!).test(new URL(entry.path(f), "http://example.test").pathname))
      .map(([key, entry]) => `${key} -> ${entry.path(f)}`);
    expect(mismatched).toEqual([]);
  });
});

describe("every route answers each caller as its decision says", () => {
  for (const [key, entry] of Object.entries(table)) {
    const method = key.split(" ")[0]!;
    const label = `${method} ${entry.path(placeholders)}`;
    // A generous time limit: the staff page lists every staff member with every event, and by
    // the end this file has made hundreds of both.
    it(`${key}: ${entry.decision}`, async () => {
      const f = await prepared(entry);
      const anonymous = await call(method, entry, f, null);

      if (entry.decision === "public") {
        expectLetThrough(anonymous, `anonymous ${label}`);
      } else if (entry.decision === "dev-only") {
        expectLetThrough(anonymous, `anonymous (development) ${label}`, { notFoundIsRight: true });
      } else if (entry.decision === "stripe-signed") {
        expect(anonymous.status, `unsigned ${label}`).toBe(400);
      } else if (isApi(entry.path(f))) {
        expect(anonymous.status, `anonymous ${label}`).toBe(401);
      } else {
        expect(anonymous.status, `anonymous ${label}`).toBe(303);
        expect(anonymous.headers.get("location"), `anonymous ${label}`).toMatch(/^\/admin\/sign-in\?next=/);
      }

      for (const role of staffRoles) {
        // Fresh records for each caller, so one role's delete does not hide the next one's access.
        const mine = await prepared(entry);
        const caller = await signedInAs(role, { events: [mine.eventId] });
        for (const viaToken of isApi(entry.path(mine)) ? [false, true] : [false]) {
          const who = `${role}${viaToken ? " (API token)" : ""} ${label}`;
          const res = await call(method, entry, mine, caller, viaToken);
          if (entry.decision === "dev-only") {
            expectLetThrough(res, `${who} (development)`, { notFoundIsRight: true });
          } else if (entry.decision === "stripe-signed") {
            expect(res.status, `${who} without a signature`).toBe(400);
          } else if (allowedRoles[entry.decision].includes(role)) {
            expectLetThrough(res, who, { notFoundIsRight: entry.ownOnly && role !== "owner" });
            if (entry.ownOnly && role !== "owner") expect(res.status, `${who}: someone else's record`).toBe(404);
          } else {
            expect(res.status, who).toBe(403);
          }
        }
      }

      if (entry.decision === "door-of-event") {
        // Door staff of another event learn nothing about this one.
        const mine = await prepared(entry);
        const elsewhere = await signedInAs("door");
        expect((await call(method, entry, mine, elsewhere)).status, `door staff of another event ${label}`).toBe(403);
      }

      if (entry.decision === "dev-only") {
        // Even the development entry's app answers 404 to its dev tools when ENVIRONMENT=production.
        const app = createApp(devTools);
        const owner = await signedInAs("owner");
        for (const caller of [null, owner]) {
          const { path, init } = requestFor(method, entry, f, caller);
          const res = await app.request(`http://example.test${path}`, init, production);
          expect(res.status, `${caller ? "owner" : "anonymous"} in production ${label}`).toBe(404);
        }
      }
    }, 20_000);
  }

  it("refuses a revoked or unknown API token", async () => {
    const f = await fixtures();
    const organiser = await signedInAs("organiser");
    await db.apiToken.updateMany({ where: { staffId: organiser.staff.id }, data: { revokedAt: new Date() } });
    const exportRoute = table["GET /api/v1/events/:slug/attendees.csv"]!;
    expect((await call("GET", exportRoute, f, organiser, true)).status).toBe(401);
    const bogus = await fetchWorker(exportRoute.path(f), { headers: { authorization: "Bearer tok_nope", accept: "application/json" } });
    expect(bogus.status).toBe(401);
  });
});
