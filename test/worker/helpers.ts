import { env, exports } from "cloudflare:workers";
import { prismaFor } from "@/dev/db";
import { serviceDepsFrom } from "@/deps";
import type { Event, TicketType } from "@/generated/prisma/client";
import { newId } from "@/lib/ids";
import { loadConfig } from "@/config";
import { paymentsFor } from "@/domain/payments/context";
import { emulatorContextOf, emulatorFetch } from "@/dev/stripe-emulator";
import type { ServiceDeps } from "@/domain/deps";

export const db = prismaFor(env.DB);

const day = 24 * 60 * 60 * 1000;

/** Calls the Worker exactly as the runtime would. */
export function fetchWorker(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(new Request(`http://example.test${path}`, init));
}

export async function getJson<T = any>(path: string): Promise<{ status: number; body: T }> {
  const res = await fetchWorker(path, { headers: { accept: "application/json" } });
  return { status: res.status, body: (await res.json()) as T };
}

type EventInput = Partial<Omit<Event, "id">> & { tiers?: Array<Partial<Omit<TicketType, "id" | "eventId">>> };

/** A published event 30 days from now with one open £10 tier, unless told otherwise. */
export async function createEvent(input: EventInput = {}) {
  const { tiers, ...fields } = input;
  const startsAt = fields.startsAt ?? new Date(Date.now() + 30 * day);
  const id = newId("evt");
  const tierRows = (tiers ?? [{}]).map((t, i) => ({
    id: newId("tier"),
    name: `Tier ${i + 1}`,
    priceMinor: 1000,
    sortOrder: i,
    ...t,
  }));
  return db.event.create({
    data: {
      id,
      slug: `event-${id.slice(4)}`,
      title: `Test event ${id.slice(4, 10)}`,
      venueName: "Test Hall",
      venueAddress: "1 Test Street, London",
      status: "published",
      ...fields,
      startsAt,
      endsAt: fields.endsAt ?? new Date(startsAt.getTime() + 6 * 60 * 60 * 1000),
      ticketTypes: { create: tierRows },
    },
    include: { ticketTypes: { orderBy: { sortOrder: "asc" } } },
  });
}

export const days = (n: number) => n * day;

export async function postJson<T = any>(path: string, body: unknown): Promise<{ status: number; body: T }> {
  const res = await fetchWorker(path, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** Service dependencies as the app builds them, with the emulator for Stripe and a settable clock. */
export function serviceDeps(now: () => Date = () => new Date()): ServiceDeps {
  const config = loadConfig(env);
  const origin = "http://example.test";
  const { stripe } = paymentsFor({
    config,
    d1: env.DB,
    origin,
    dispatch: (request) => exports.default.fetch(request),
    waitUntil: (promise) => void promise,
    offlineStripe: (ctx) => emulatorFetch(emulatorContextOf(ctx)),
  });
  return serviceDepsFrom({ config, d1: env.DB, stripe, origin, now });
}

export async function addMember(member: { email?: string; membershipNumber?: string }) {
  return db.member.create({ data: { id: newId("mem"), ...member } });
}

/** An order request body for the API with `n` tickets of `tierId`. */
export function orderBody(tierId: string, n = 1, extra: Record<string, unknown> = {}) {
  return {
    buyer: { name: "Ada Buyer", email: "ada+tickets@example.org" },
    tickets: Array.from({ length: n }, (_, i) => ({ tier: tierId, name: `Attendee ${i + 1}`, ...extra })),
  };
}
