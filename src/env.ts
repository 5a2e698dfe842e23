import type { Config } from "@/config";
import type { PrismaClient } from "@/generated/prisma/client";

/** Bindings from wrangler.toml (generated into worker-configuration.d.ts) plus optional secrets. */
export type Bindings = Env;

/** The one environment type every router uses. */
export type AppEnv = {
  Bindings: Bindings;
  Variables: {
    requestId: string;
    config: Config;
    db: PrismaClient;
  };
};
