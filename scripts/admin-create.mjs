#!/usr/bin/env node
// npm run admin:create -- <email> [--remote]
// Creates the first owner (or makes an existing staff member an owner again) in the local D1
// database, or with --remote in the deployed one. They then sign in at /admin/sign-in with an
// emailed one-time link: there are no passwords.
import { randomBytes } from "node:crypto";
import { wrangler } from "./lib/wrangler.mjs";

const args = process.argv.slice(2);
const remote = args.includes("--remote");
const email = args.find((a) => !a.startsWith("--"))?.trim().toLowerCase();
if (!email || !/^[^\s@'"\\]+@[^\s@'"\\]+\.[^\s@'"\\]+$/.test(email)) {
  console.error("Give the owner's email address: npm run admin:create -- you@example.org [--remote]");
  process.exit(2);
}

const alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
const id = `stf_${Array.from(randomBytes(16), (b) => alphabet[b & 31]).join("")}`;
const now = new Date().toISOString().replace("Z", "+00:00");
const sql = `INSERT INTO "Staff" ("id", "email", "name", "role", "createdAt") VALUES ('${id}', '${email}', '', 'owner', '${now}')
  ON CONFLICT ("email") DO UPDATE SET "role" = 'owner', "disabledAt" = NULL;`;

if (!remote) await wrangler(["d1", "migrations", "apply", "DB", "--local"], { quiet: true });
await wrangler(["d1", "execute", "DB", remote ? "--remote" : "--local", "--command", sql], { quiet: true });
console.log(`${email} is an owner ${remote ? "on the deployed database" : "locally"}. Sign in at /admin/sign-in: the link is emailed${remote ? "" : " (locally it appears at /dev/mail)"}.`);
