import type { D1Migration } from "@cloudflare/vitest-plugin";

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
      TICKET_SIGNING_KEY: string;
      TEST_TICKET_PUBLIC_KEY: string;
    }
    interface GlobalProps {
      /** The development entry (vitest.config.ts `main`): the app plus the emulator and /dev routes. */
      mainModule: typeof import("../../src/dev/entry");
    }
  }
}
