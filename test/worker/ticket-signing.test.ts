import { env } from "cloudflare:workers";
import jsQR from "jsqr";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { decodePng } from "./png-decode";
import { loadConfig, type Config } from "@/config";
import { newId } from "@/lib/ids";
import { base64urlEncode, normaliseTypedCode, parseTicketCode } from "@/domain/tickets/code-format";
import { qrModules, qrPng, qrSvg } from "@/domain/tickets/qr";
import { en } from "@/i18n/en";
import { publicKeys, signTicketCode, verifyTicketCode } from "@/domain/tickets/signing";

const config = loadConfig(env);

const claims = () => ({ eventId: newId("evt"), ticketId: newId("tkt"), ticketTypeId: newId("tier") });

/** A fresh Ed25519 key pair in the settings' format, made the way `npm run keys` makes one. */
async function newKeys(keyId: string) {
  const pair = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"])) as CryptoKeyPair;
  const pkcs8 = new Uint8Array((await crypto.subtle.exportKey("pkcs8", pair.privateKey)) as ArrayBuffer);
  const raw = new Uint8Array((await crypto.subtle.exportKey("raw", pair.publicKey)) as ArrayBuffer);
  return { signingKey: `${keyId}.${base64urlEncode(pkcs8)}`, publicKey: `${keyId}.${base64urlEncode(raw)}` };
}

const withKeys = (signingKey: string, keys: string[] = []): Config => ({ ...config, tickets: { signingKey, publicKeys: keys } });

/** Every character QR's alphanumeric mode can carry, plus lower case: what a scan or a typo could produce. */
const candidates = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:abcdefghijklmnopqrstuvwxyz";

describe("ticket codes", () => {
  it("round-trips the ids through a signed code", async () => {
    const ids = claims();
    const code = await signTicketCode(config, ids);
    expect(code).toMatch(/^T1:[A-Z2-7]+$/);
    expect(await verifyTicketCode(config, code)).toEqual({ ok: true, keyId: "test1", ...ids });
  });

  it("signs the same ticket to the same code every time", async () => {
    const ids = claims();
    expect(await signTicketCode(config, ids)).toBe(await signTicketCode(config, ids));
  });

  it("derives the current public key from the signing key", async () => {
    const [current] = await publicKeys(config);
    expect(`${current!.keyId}.${current!.publicKey}`).toBe(env.TEST_TICKET_PUBLIC_KEY);
  });

  it("rejects every single-character change, deletion and insertion", async () => {
    const code = await signTicketCode(config, claims());
    const accepted: string[] = [];
    const reasons = new Set<string>();
    const check = async (changed: string) => {
      const result = await verifyTicketCode(config, changed);
      if (result.ok) accepted.push(changed);
      else reasons.add(result.reason);
    };
    for (let i = 0; i < code.length; i++) {
      for (const c of candidates) if (c !== code[i]) await check(code.slice(0, i) + c + code.slice(i + 1));
      await check(code.slice(0, i) + code.slice(i + 1));
      await check(code.slice(0, i) + "A" + code.slice(i));
    }
    expect(accepted).toEqual([]);
    expect([...reasons].sort()).toEqual(["bad_signature", "malformed", "unknown_key"]);
  });

  it("accepts a code typed by hand once it is normalised", async () => {
    const ids = claims();
    const code = await signTicketCode(config, ids);
    const typed = `${code.slice(0, 40).toLowerCase()} ${code.slice(40, 90)}\n ${code.slice(90).toLowerCase()} `;
    expect(await verifyTicketCode(config, typed)).toEqual({ ok: false, reason: "malformed" });
    expect(await verifyTicketCode(config, normaliseTypedCode(typed))).toEqual({ ok: true, keyId: "test1", ...ids });
  });

  it("rejects text that is not a ticket code", async () => {
    for (const text of ["", "T1:", "hello", "https://example.org/tickets/abc", "T1:" + "A".repeat(500)]) {
      expect(await verifyTicketCode(config, text)).toEqual({ ok: false, reason: "malformed" });
    }
  });

  it("rejects a code signed by another key under our key id", async () => {
    const forger = await newKeys("test1");
    const forged = await signTicketCode(withKeys(forger.signingKey), claims());
    expect(await verifyTicketCode(config, forged)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("rejects a code signed by a key it does not know", async () => {
    const other = await newKeys("other");
    const code = await signTicketCode(withKeys(other.signingKey), claims());
    expect(await verifyTicketCode(config, code)).toEqual({ ok: false, reason: "unknown_key" });
  });

  it("still accepts codes of an old key listed in TICKET_PUBLIC_KEYS after a rotation", async () => {
    const ids = claims();
    const oldCode = await signTicketCode(config, ids);
    const next = await newKeys("test2");
    const rotated = withKeys(next.signingKey, [env.TEST_TICKET_PUBLIC_KEY]);

    expect(await verifyTicketCode(rotated, oldCode)).toEqual({ ok: true, keyId: "test1", ...ids });
    const newCode = await signTicketCode(rotated, ids);
    expect(await verifyTicketCode(rotated, newCode)).toEqual({ ok: true, keyId: "test2", ...ids });
    expect((await publicKeys(rotated)).map((k) => k.keyId)).toEqual(["test2", "test1"]);
    // Once the old key is dropped from the list, its codes stop working.
    expect(await verifyTicketCode(withKeys(next.signingKey), oldCode)).toEqual({ ok: false, reason: "unknown_key" });
  });

  it("carries ids only: version, key id, three ids and the signature", async () => {
    const code = await signTicketCode(config, claims());
    const parsed = parseTicketCode(code)!;
    // 1 version byte + 1 length byte + "test1" + 3 × 10 id bytes; nothing else fits.
    expect(parsed.payload.length).toBe(2 + 5 + 30);
    expect(parsed.signature.length).toBe(64);
    expect(Object.keys(parsed.claims).sort()).toEqual(["eventId", "ticketId", "ticketTypeId"]);
  });

  it("refuses ids that are not ours rather than signing something else", async () => {
    await expect(signTicketCode(config, { ...claims(), ticketId: "tkt_Ada Lovelace" })).rejects.toThrow(TypeError);
  });

  it("fits QR version 7 at error correction M, even with the longest key id", async () => {
    const longest = await newKeys("abcd5678");
    const cases = [
      { code: await signTicketCode(config, claims()), length: 165 },
      { code: await signTicketCode(withKeys(longest.signingKey), claims()), length: 170 },
    ];
    for (const { code, length } of cases) {
      expect(code.length).toBe(length);
      const qr = QRCode.create(code, { errorCorrectionLevel: "M" });
      expect(qr.version).toBe(7); // 45 × 45 modules; the limit we set is 8
      expect(qr.segments.map((s) => s.mode.id)).toEqual(["Alphanumeric"]);
    }
  });
});

describe("QR images", () => {
  it("makes a crisp PNG that an independent decoder reads back to a valid code", async () => {
    const ids = claims();
    const code = await signTicketCode(config, ids);
    const png = await qrPng(code);
    const { width, height, rgba } = await decodePng(png);
    expect(width).toBe(height);
    expect(width).toBeGreaterThanOrEqual(300);
    expect(width).toBeLessThanOrEqual(400);
    expect(width % (45 + 8)).toBe(0); // whole pixels per module: sharp edges
    const scanned = jsQR(rgba, width, height);
    expect(scanned?.data).toBe(code);
    expect(await verifyTicketCode(config, scanned!.data)).toEqual({ ok: true, keyId: "test1", ...ids });
  });

  it("draws exactly the symbol the qrcode library would, mask choice included, for codes and for other text", async () => {
    const real = await Promise.all(Array.from({ length: 20 }, () => signTicketCode(config, claims())));
    // Codes' shape ("T1:" + base32, 165 characters) with varied content, from a fixed seed, so
    // every one of the 8 masks gets chosen; and text that is not alphanumeric (another segment).
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const shaped = Array.from({ length: 60 }, () => "T1:" + Array.from({ length: 162 }, () => "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[Math.floor(random() * 32)]).join(""));
    const masks = new Set<number>();
    for (const text of [...real, ...shaped, "T1:ABC", "hello, world", "https://example.org/tickets/x?y=1", "Zoë 🎟"]) {
      const library = QRCode.create(text, { errorCorrectionLevel: "M" });
      const ours = qrModules(text);
      expect(ours.size, text).toBe(library.modules.size);
      expect(ours.maskPattern, text).toBe(library.maskPattern);
      expect(Buffer.from(ours.data).equals(Buffer.from(library.modules.data)), text).toBe(true);
      masks.add(ours.maskPattern);
    }
    expect([...masks].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("gives the same image for the same code again, each caller its own copy", async () => {
    const code = await signTicketCode(config, claims());
    const first = await qrPng(code);
    const again = await qrPng(code);
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    first.fill(0); // one caller's changes never reach another's
    expect(Buffer.from(await qrPng(code)).equals(Buffer.from(again))).toBe(true);
    const { width, height, rgba } = await decodePng(await qrPng(code));
    expect(jsQR(rgba, width, height)?.data).toBe(code);
  });

  it("makes an SVG with an accessible name and no style attributes", async () => {
    const code = await signTicketCode(config, claims());
    const svg = await qrSvg(code, en.tickets.qrLabelFor({ name: `"Zoë" <O'Brien> & co` }));
    expect(svg).toMatch(/^<svg role="img" aria-label="Ticket QR code for &quot;Zoë&quot; &lt;O'Brien&gt; &amp; co" /);
    expect(svg).toContain('viewBox="0 0 53 53"');
    expect(svg).not.toMatch(/style=|<script/);
  });
});
