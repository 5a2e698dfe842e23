// Local verification time per scan in the door scanner, in headless Chromium: the page is
// taken offline, codes are typed as a handheld scanner would, and the page's own timings
// (signature check plus list lookup, window.__doorTimings) are read back.
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import { ticketSigner } from "./lib/codes.mjs";
import { prepareState, startServer } from "./lib/server.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const now = () => new Date().toISOString().replace("Z", "+00:00");
const id = (prefix, n) => `${prefix}_${String(n).padStart(16, "0")}`;

export async function benchDoorBrowser({ scans = 40, log = console.log } = {}) {
  if (!existsSync(CHROMIUM)) {
    log(`  (skipped: no Chromium at ${CHROMIUM})`);
    return null;
  }
  const session = randomBytes(32).toString("base64url");
  const event = id("evt", 77), tier = id("tier", 77), staff = id("stf", 77);
  const sql = [
    `INSERT INTO "Event" ("id","slug","title","venueName","venueAddress","startsAt","endsAt","status","updatedAt") VALUES ('${event}','door-bench','Door bench','Hall','1 Street','2030-01-01T10:00:00.000+00:00','2030-01-01T17:00:00.000+00:00','published','${now()}');`,
    `INSERT INTO "TicketType" ("id","eventId","name","priceMinor","updatedAt") VALUES ('${tier}','${event}','Standard',0,'${now()}');`,
    `INSERT INTO "Staff" ("id","email","name","role","createdAt") VALUES ('${staff}','doorbench@example.org','Door','door','${now()}');`,
    `INSERT INTO "StaffEvent" ("staffId","eventId") VALUES ('${staff}','${event}');`,
    `INSERT INTO "Session" ("id","tokenHash","staffId","expiresAt","createdAt") VALUES ('${id("ses", 77)}','${createHash("sha256").update(session).digest("hex")}','${staff}','2031-01-01T00:00:00.000+00:00','${now()}');`,
    ...Array.from({ length: scans }, (_, i) => [
      `INSERT INTO "Order" ("id","eventId","reference","buyerName","buyerEmail","status","totalMinor","currency","createdAt","paidAt","updatedAt") VALUES ('${id("ord", 7700 + i)}','${event}','DB-${i}','B','b@example.org','paid',0,'GBP','${now()}','${now()}','${now()}');`,
      `INSERT INTO "Ticket" ("id","orderId","eventId","ticketTypeId","attendeeName","pricePaidMinor","status","token","createdAt","updatedAt") VALUES ('${id("tkt", 7700 + i)}','${id("ord", 7700 + i)}','${event}','${tier}','Guest ${i}',0,'valid','doorbench${i}','${now()}','${now()}');`,
    ]).flat(),
  ].join("\n");
  const stateDir = await prepareState([sql]);
  const server = await startServer(stateDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
  try {
    const context = await browser.newContext();
    await context.addCookies([{ name: "session", value: session, url: server.base }]);
    const page = await context.newPage();
    await page.goto(`${server.base}/door/door-bench`);
    await page.locator("#door-app[data-ready='true']").waitFor({ timeout: 30_000 });
    await page.getByLabel("Keep each verdict on screen until tapped").check().catch(() => undefined);
    await context.setOffline(true);
    const sign = await ticketSigner(server.signingKey);
    for (let i = 0; i < scans; i++) {
      const code = await sign({ eventId: event, ticketId: id("tkt", 7700 + i), ticketTypeId: tier });
      await page.getByLabel("Ticket code").fill(code);
      await page.getByLabel("Ticket code").press("Enter");
      await page.waitForFunction((n) => (window.__doorTimings?.samples.length ?? 0) >= n, i + 1, { timeout: 10_000 });
      await page.keyboard.press("Escape");
    }
    const samples = (await page.evaluate(() => window.__doorTimings.samples.map((s) => s.totalMs))).sort((a, b) => a - b);
    const result = { scans: samples.length, median: samples[Math.floor(samples.length / 2)], p95: samples[Math.floor(samples.length * 0.95)], max: samples.at(-1) };
    log(`  door scanner, offline: local verification median ${result.median.toFixed(2)} ms, p95 ${result.p95.toFixed(2)} ms over ${result.scans} scans`);
    return result;
  } finally {
    await browser.close();
    await server.cleanup();
  }
}
