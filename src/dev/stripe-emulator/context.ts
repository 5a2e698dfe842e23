import type { PrismaClient } from "@/generated/prisma/client";

/** What the offline Stripe emulator needs from the Worker it runs in. */
export type EmulatorContext = {
  db: PrismaClient;
  /** Signs the webhooks it delivers, exactly as Stripe would. */
  webhookSecret: string;
  /** Origin for the URLs it hands out, e.g. http://localhost:8787 (checkout page). */
  origin: string;
  /** Sends a request to this Worker's own fetch handler, in process (no network). */
  dispatch: (request: Request) => Promise<Response>;
  /** Keeps work (webhook delivery and retries) running after the response. */
  waitUntil: (promise: Promise<unknown>) => void;
};
