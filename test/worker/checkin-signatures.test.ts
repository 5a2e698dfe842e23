import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { loadConfig, type Config } from "@/config";
import { base64urlEncode, formatTicketCode, parseTicketCode } from "@/domain/tickets/code-format";
import { signTicketCode } from "@/domain/tickets/signing";
import { codeFor, doorSetup, nonce, scan } from "./door-helpers";
import { db } from "./helpers";

/** A signing key the app does not know, in the settings' format, under `keyId`. */
async function strangerKey(keyId: string): Promise<Config> {
  const pair = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"])) as CryptoKeyPair;
  const pkcs8 = new Uint8Array((await crypto.subtle.exportKey("pkcs8", pair.privateKey)) as ArrayBuffer);
  const config = loadConfig(env);
  return { ...config, tickets: { signingKey: `${keyId}.${base64urlEncode(pkcs8)}`, publicKeys: [] } };
}

describe("POST /api/v1/checkins checks the ticket's signature", () => {
  it("refuses a real ticket's payload with an altered signature", async () => {
    const { event, tickets, door } = await doorSetup(1);
    const parsed = parseTicketCode(await codeFor(tickets[0]!.id))!;
    const signature = parsed.signature.slice();
    signature[10] = signature[10]! ^ 0x01;
    const answer = await (await scan(door, { event: event.slug, code: formatTicketCode(parsed.payload, signature), nonce: nonce() })).json();
    expect(answer).toEqual({ result: "invalid", reason: "bad_signature" });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: tickets[0]!.id } })).checkedInAt).toBeNull();
  });

  it("refuses a real ticket's ids signed by another key under our key id", async () => {
    const { event, tickets, door } = await doorSetup(1);
    const t = tickets[0]!;
    const forged = await signTicketCode(await strangerKey("test1"), { eventId: event.id, ticketId: t.id, ticketTypeId: t.ticketTypeId });
    expect(await (await scan(door, { event: event.slug, code: forged, nonce: nonce() })).json()).toEqual({ result: "invalid", reason: "bad_signature" });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: t.id } })).checkedInAt).toBeNull();
  });

  it("refuses a real ticket's ids signed by a key it does not know", async () => {
    const { event, tickets, door } = await doorSetup(1);
    const t = tickets[0]!;
    const forged = await signTicketCode(await strangerKey("rogue"), { eventId: event.id, ticketId: t.id, ticketTypeId: t.ticketTypeId });
    expect(await (await scan(door, { event: event.slug, code: forged, nonce: nonce() })).json()).toEqual({ result: "invalid", reason: "unknown_key" });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: t.id } })).checkedInAt).toBeNull();
  });
});
