// PLACEHOLDER: attendee exports for organiser pages (being written).
import { Hono } from "hono";
import type { AppEnv } from "@/env";

export const adminExportRoutes = new Hono<AppEnv>();
