import { sha256Hex } from "@/lib/hash";
import { newId } from "@/lib/ids";
import { randomToken } from "@/lib/tokens";
import { csrfTokenFor } from "@/web/middleware/auth";
import type { Role } from "@/domain/staff/roles";
import { db, fetchWorker } from "./helpers";

export type Caller = {
  staff: { id: string; email: string; role: Role };
  /** Headers for a signed-in browser: the session cookie (and Origin, for form posts). */
  headers: Record<string, string>;
  csrf: string;
  /** A bearer API token of the same staff member. */
  apiToken: string;
};

/** A staff member with a live session and an API token, made directly in the database. */
export async function signedInAs(role: Role, options: { events?: string[] } = {}): Promise<Caller> {
  const id = newId("stf");
  const email = `${role}-${id.slice(4, 10)}@example.org`;
  await db.staff.create({ data: { id, email, name: `Test ${role}`, role } });
  for (const eventId of options.events ?? []) await db.staffEvent.create({ data: { staffId: id, eventId } });
  const session = randomToken();
  await db.session.create({ data: { id: newId("ses"), tokenHash: await sha256Hex(session), staffId: id, expiresAt: new Date(Date.now() + 86_400_000) } });
  const apiToken = `tok_${randomToken(24)}`;
  await db.apiToken.create({ data: { id: newId("tok"), name: "test", tokenHash: await sha256Hex(apiToken), staffId: id } });
  return {
    staff: { id, email, role },
    headers: { cookie: `session=${session}`, origin: "http://example.test" },
    csrf: await csrfTokenFor(session),
    apiToken,
  };
}

/** Posts a form as a signed-in browser would, CSRF token included. */
export function postAs(caller: Caller, path: string, fields: Record<string, string> = {}) {
  return fetchWorker(path, {
    method: "POST",
    headers: { ...caller.headers, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ _csrf: caller.csrf, ...fields }),
    redirect: "manual",
  });
}

/** Gets a page as a signed-in browser would. */
export function getAs(caller: Caller, path: string) {
  return fetchWorker(path, { headers: caller.headers, redirect: "manual" });
}
