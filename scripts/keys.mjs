#!/usr/bin/env node
// npm run keys: prints a new Ed25519 key pair for signing ticket QR codes.
// Production: `npx wrangler secret put TICKET_SIGNING_KEY` and paste the first value.
// Rotating: set the new TICKET_SIGNING_KEY and add the OLD public key to TICKET_PUBLIC_KEYS,
// so tickets already sent keep verifying until you remove it.
import { generateTicketKeys } from "./lib/ticket-keys.mjs";

const { keyId, signingKey, publicKey } = await generateTicketKeys();
console.log(`# Ticket signing key ${keyId} (keep the first line secret)`);
console.log(`TICKET_SIGNING_KEY=${signingKey}`);
console.log(`# Public key ${keyId}: door scanners verify with it; after rotating, keep it in TICKET_PUBLIC_KEYS`);
console.log(`TICKET_PUBLIC_KEY=${publicKey}`);
