import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { defineConfig } from "prisma/config";

// The Prisma CLI wants its native schema engine even for `generate`, which never runs it.
// Where that binary could not be downloaded (no network beyond the npm registry), point
// the CLI at any existing file so `generate` works; with the engine present, nothing changes.
// Migrations are written by `npm run db:diff` (WebAssembly engine) and applied by wrangler.
const enginesDir = join(import.meta.dirname, "node_modules", "@prisma", "engines");
const hasNativeEngine =
  existsSync(enginesDir) && readdirSync(enginesDir).some((f) => f.startsWith("schema-engine"));
if (!hasNativeEngine && !process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = join(import.meta.dirname, "prisma", "schema.prisma");
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
