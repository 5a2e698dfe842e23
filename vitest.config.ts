import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = fileURLToPath(new URL("./src", import.meta.url));

// Two projects: "worker" runs inside workerd (the real runtime, real D1, migrations applied
// by the setup file; storage isolated per test file); "node" runs the tooling checks
// (migrations against schema.prisma) and the browser tests, which drive wrangler dev.
export default defineConfig(async () => {
  const migrations = await readD1Migrations(fileURLToPath(new URL("./prisma/migrations", import.meta.url)));
  return {
    resolve: { alias: { "@": src } },
    test: {
      projects: [
        {
          resolve: { alias: { "@": src } },
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./wrangler.toml" },
              miniflare: { bindings: { ENVIRONMENT: "test", TEST_MIGRATIONS: migrations } },
            }),
          ],
          test: {
            name: "worker",
            include: ["test/worker/**/*.test.{ts,tsx}"],
            setupFiles: ["./test/worker/setup.ts"],
          },
        },
        {
          resolve: { alias: { "@": src } },
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
