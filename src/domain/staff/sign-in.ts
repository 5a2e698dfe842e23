import { DomainError } from "@/domain/errors";
import { sha256Hex } from "@/lib/hash";
import { normaliseEmail } from "@/lib/text";
import { randomToken } from "@/lib/tokens";
import { auditStatement } from "@/domain/staff/audit";
import type { StaffIdentity } from "@/domain/staff/roles";
import { isRole } from "@/domain/staff/roles";
import type { ServiceDeps } from "@/domain/deps";
import { enqueueEmailStatement } from "@/domain/mail/repo";
import { hitRateLimit } from "@/domain/staff/rate-limit";
import {
  createAuditEntry,
  deleteSession,
  deleteSessionsOf,
  findApiTokenStaff,
  findSessionStaff,
  findStaffByEmail,
  findStaffById,
  insertLoginTokenStatement,
  setStaffLanguageStatement,
  insertSessionStatement,
  markLoginTokenUsed,
  runBatch,
  touchApiToken,
  TOUCH_EVERY_MS,
  type StaffAccessRow,
} from "@/domain/staff/repo";

export const SIGN_IN_LINK_MINUTES = 15;
export const SESSION_DAYS = 30;
const HOUR = 60 * 60_000;

/**
 * Emails a one-time sign-in link to a staff member. Answers the same way whether or not the
 * address belongs to staff (the caller shows one message); rate-limited per address (5 an
 * hour, silently) and per client (20 an hour, 429). Only the link's hash is stored. The email
 * speaks `language`, the one the person asked in.
 */
export async function requestSignInLink(deps: ServiceDeps, rawEmail: string, client: string, language = "en"): Promise<void> {
  const now = deps.now();
  if (!(await hitRateLimit(deps.d1, `sign-in:client:${client}`, 20, HOUR, now))) {
    throw new DomainError("rate_limited", { what: "sign_in" });
  }
  const email = normaliseEmail(rawEmail);
  if (!(await hitRateLimit(deps.d1, `sign-in:email:${email}`, 5, HOUR, now))) return;
  const staff = await findStaffByEmail(deps.d1, email);
  if (!staff || staff.disabledAt) return;

  const token = randomToken();
  const expiresAt = new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000);
  const url = `${deps.origin}/admin/sign-in/${token}`;
  await runBatch(deps.d1, [
    insertLoginTokenStatement(deps.d1, { tokenHash: await sha256Hex(token), staffId: staff.id, expiresAt }, now),
    setStaffLanguageStatement(deps.d1, staff.id, language),
    // The link is in the message itself; it works once and for 15 minutes only.
    enqueueEmailStatement(deps, { template: "sign_in_link", recipient: email, orderId: null, data: { url, name: staff.name, minutes: SIGN_IN_LINK_MINUTES, language }, idempotencyKey: `sign-in-${await sha256Hex(token)}` }, now),
  ]);
}

/**
 * Uses a sign-in link: one conditional update marks it used only if it is unused and
 * unexpired, so it works once. Returns a new session token for the cookie.
 */
export async function consumeSignInLink(deps: ServiceDeps, token: string): Promise<{ sessionToken: string; staffId: string; role: string; expiresAt: Date }> {
  const now = deps.now();
  const used = await markLoginTokenUsed(deps.d1, await sha256Hex(token), now);
  const staff = used && (await findStaffById(deps.d1, used.staffId));
  if (!staff || staff.disabledAt) {
    throw new DomainError("unauthorized", { reason: "link_expired" });
  }
  const sessionToken = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 24 * HOUR);
  await runBatch(deps.d1, [
    insertSessionStatement(deps.d1, { tokenHash: await sha256Hex(sessionToken), staffId: staff.id, expiresAt }, now),
    auditStatement(deps.d1, { staffId: staff.id, action: "signed_in", entity: "staff", entityId: staff.id }, now),
  ]);
  return { sessionToken, staffId: staff.id, role: staff.role, expiresAt };
}

function identity(staff: StaffAccessRow): StaffIdentity | null {
  if (staff.disabledAt || !isRole(staff.role)) return null;
  return { id: staff.id, email: staff.email, name: staff.name, role: staff.role };
}

/** The staff member a session cookie belongs to, if the session is current. */
export async function staffForSession(deps: ServiceDeps, sessionToken: string): Promise<{ staff: StaffIdentity; sessionId: string } | null> {
  const row = await findSessionStaff(deps.d1, await sha256Hex(sessionToken), deps.now());
  const staff = row && identity(row);
  return staff ? { staff, sessionId: row.sessionId } : null;
}

/** The staff member an API token belongs to (tokens carry their owner's role). */
export async function staffForApiToken(deps: ServiceDeps, token: string): Promise<StaffIdentity | null> {
  const now = deps.now();
  const row = await findApiTokenStaff(deps.d1, await sha256Hex(token));
  if (!row) return null;
  // The "last used" column on the tokens page; the statement writes it at most once a minute.
  if (!row.lastUsedAt || now.getTime() - new Date(row.lastUsedAt).getTime() > TOUCH_EVERY_MS) {
    await touchApiToken(deps.d1, row.tokenHash, now);
  }
  return identity(row);
}

/** Ends one session (sign out here). */
export async function signOut(deps: ServiceDeps, sessionId: string): Promise<void> {
  await deleteSession(deps.d1, sessionId);
}

/** Ends every session of a staff member (sign out everywhere). */
export async function signOutEverywhere(deps: ServiceDeps, staffId: string): Promise<number> {
  const count = await deleteSessionsOf(deps.d1, staffId);
  await createAuditEntry(deps.d1, { staffId, action: "signed_out_everywhere", entity: "staff", entityId: staffId, detail: { sessions: count } });
  return count;
}
