// PLACEHOLDER: the emulator's hosted checkout page is being written (see the emulator task).
import { Hono } from "hono";
import type { AppEnv } from "@/env";

/** The emulator's checkout page, mounted at /dev/stripe. */
export const devStripeRoutes = new Hono<AppEnv>();
