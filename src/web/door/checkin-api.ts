import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import * as z from "zod";
import type { FieldCode } from "@/domain/issues";
import type { AppEnv } from "@/env";
import { slugParam } from "@/lib/schemas";
import { validate } from "@/lib/validate";
import { credentialOf, requirePermission } from "@/web/middleware/auth";
import { doorEvent } from "@/domain/checkin/access";
import { admitInOneTrip, checkIn, undoCheckIn } from "@/domain/checkin/check-in";
import { doorList, doorSearch, doorStats } from "@/domain/checkin/door-data";
import { ticketIdOfShortCode } from "@/domain/tickets/ticket-view";

const nonce = z.string().trim().min(8, "nonce_required" satisfies FieldCode).max(100);
const device = z.string().trim().max(100).default("");

const checkInBody = z
  .object({ event: z.string().min(1).max(80), code: z.string().max(400).optional(), ticketId: z.string().regex(/^tkt_[0-9a-z]{16}$/).optional(), nonce, device })
  // Either the scanned code or a ticketId: a code, said in the reader's language by the error's `fields`.
  .refine((b) => Boolean(b.code) !== Boolean(b.ticketId), { message: "invalid" satisfies FieldCode, path: ["code"] });

/**
 * The usual scan, a valid ticket admitted, in one round trip (domain/checkin admitInOneTrip);
 * anything else goes on to the long way below (requirePermission, doorEvent, checkIn), which
 * gives every other answer exactly as before.
 */
const admitFirst = createMiddleware<AppEnv>(async function admitFirst(c, next) {
  const credential = await credentialOf(c);
  const body = credential ? checkInBody.safeParse(await c.req.json().catch(() => undefined)) : undefined;
  if (!credential || !body?.success) return next();
  const typed = body.data.code ? await ticketIdOfShortCode(c.var.deps.d1, body.data.code) : null;
  const sent = typed ? { ticketId: typed } : { code: body.data.code, ticketId: body.data.ticketId };
  const outcome = await admitInOneTrip(c.var.deps, credential, body.data.event, { ...sent, nonce: body.data.nonce, device: body.data.device });
  if (!outcome) return next();
  return c.json(outcome);
});

/**
 * The door's JSON API: check in (by scanned code or, after a search, by ticket id), undo,
 * the offline ticket list, live counts and search. Door staff (or organisers), for events they
 * are assigned to, with a session cookie or an API token.
 */
export const checkinRoutes = new Hono<AppEnv>()
  .post("/checkins", admitFirst, requirePermission("check_in"), validate("json", checkInBody), async (c) => {
    const body = c.req.valid("json");
    const event = await doorEvent(c.var.deps, c.var.staff, body.event);
    // A short code typed at the door ("HRD-7KQ4M-2") names a ticket; it is then checked like any other.
    const typed = body.code ? await ticketIdOfShortCode(c.var.deps.d1, body.code) : null;
    const sent = typed ? { ticketId: typed } : { code: body.code, ticketId: body.ticketId };
    const outcome = await checkIn(c.var.deps, c.var.staff, event, { ...sent, nonce: body.nonce, device: body.device });
    return c.json(outcome);
  })
  .post("/checkins/undo", requirePermission("check_in"), validate("json", z.object({ event: z.string().min(1).max(80), ticketId: z.string().regex(/^tkt_[0-9a-z]{16}$/), nonce, device })), async (c) => {
    const body = c.req.valid("json");
    const event = await doorEvent(c.var.deps, c.var.staff, body.event);
    return c.json(await undoCheckIn(c.var.deps, c.var.staff, event, body));
  })
  .get("/events/:slug/door-list", requirePermission("check_in"), validate("param", slugParam), async (c) => {
    const event = await doorEvent(c.var.deps, c.var.staff, c.req.valid("param").slug);
    c.header("Cache-Control", "private, no-store");
    return c.json(await doorList(c.var.deps, event));
  })
  .get("/events/:slug/checkins/stats", requirePermission("check_in"), validate("param", slugParam), async (c) => {
    const event = await doorEvent(c.var.deps, c.var.staff, c.req.valid("param").slug);
    return c.json(await doorStats(c.var.deps, event));
  })
  .get("/events/:slug/door-search", requirePermission("check_in"), validate("param", slugParam), validate("query", z.object({ q: z.string().max(100).default("") })), async (c) => {
    const event = await doorEvent(c.var.deps, c.var.staff, c.req.valid("param").slug);
    return c.json({ tickets: await doorSearch(c.var.deps, event, c.req.valid("query").q) });
  });
