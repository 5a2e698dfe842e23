// PLACEHOLDER: attendee exports over the API (being written).
import { Hono } from "hono";
import type { AppEnv } from "@/env";

export const apiExportRoutes = new Hono<AppEnv>();
