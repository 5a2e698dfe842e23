import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
// @ts-expect-error: plain ESM helper shared with scripts/keys.mjs, no type declarations
import { generateTicketKeys } from "./scripts/lib/ticket-keys.mjs";

const src = fileURLToPath(new URL("./src", import.meta.url));
const emails = fileURLToPath(new URL("./emails", import.meta.url));

// Two projects: "worker" runs inside workerd (the real runtime, real D1, migrations applied
// by the setup file; storage isolated per test file); "node" runs the tooling checks
// (migrations against schema.prisma) and the browser tests, which drive wrangler dev.
export default defineConfig(async () => {
  const migrations = await readD1Migrations(fileURLToPath(new URL("./prisma/migrations", import.meta.url)));
  // A fresh ticket-signing key per run; tests that rotate keys make their own.
  const keys = await generateTicketKeys("test1");
  return {
    resolve: { alias: { "@": src, "@emails": emails } },
    test: {
      projects: [
        {
          resolve: { alias: { "@": src, "@emails": emails } },
          plugins: [
            cloudflareTest({
              // The development entry (the app plus the Stripe emulator and /dev routes), with
              // wrangler.toml's bindings: the production entry src/index.ts has no emulator.
              main: "./src/dev/entry.ts",
              wrangler: { configPath: "./wrangler.toml" },
              miniflare: {
                bindings: { ENVIRONMENT: "test", PUBLIC_CACHE_SECONDS: "0", TEST_MIGRATIONS: migrations, TICKET_SIGNING_KEY: keys.signingKey, TEST_TICKET_PUBLIC_KEY: keys.publicKey },
              },
            }),
          ],
          test: {
            name: "worker",
            // Concurrency tests run hundreds of requests; on a loaded 2-core machine 5 s is too
            // tight. Timeouts catch hangs, not slowness: speed is measured by npm run bench.
            testTimeout: 30_000,
            include: ["test/worker/**/*.test.{ts,tsx}"],
            setupFiles: ["./test/worker/setup.ts"],
          },
        },
        {
          resolve: { alias: { "@": src, "@emails": emails } },
          test: {
            name: "node",
            environment: "node",
            include: ["test/node/**/*.test.ts"],
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
      ],
    },
  };
});
