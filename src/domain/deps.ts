import type Stripe from "stripe";
import type { Config } from "@/config";
import type { PrismaClient } from "@/generated/prisma/client";

/** What services need from the outside world; routes and the scheduled handler supply it. */
export type ServiceDeps = {
  config: Config;
  db: PrismaClient;
  /** The raw D1 binding, for atomic batches Prisma cannot express on D1. */
  d1: D1Database;
  stripe: Stripe;
  /** Origin for links that leave the request (Stripe return URLs). */
  origin: string;
  now: () => Date;
};
