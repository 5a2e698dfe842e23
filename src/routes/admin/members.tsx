// PLACEHOLDER: the members list upload (being written).
import { Hono } from "hono";
import type { AppEnv } from "@/env";

export const adminMemberRoutes = new Hono<AppEnv>();
