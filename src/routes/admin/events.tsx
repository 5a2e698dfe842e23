// PLACEHOLDER: organiser pages for events, tiers and previews (being written).
import { Hono } from "hono";
import type { AppEnv } from "@/env";

export const adminEventRoutes = new Hono<AppEnv>();
