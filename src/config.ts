import { z } from "zod";
import { ConfigError } from "@/lib/errors";

/**
 * Every setting the Worker reads, from `wrangler.toml` [vars], `.dev.vars` locally, or
 * `wrangler secret put` in production. `.dev.vars.example` documents each one.
 */
const configSchema = z.object({
  ENVIRONMENT: z.enum(["development", "test", "production"]),
  /** Base URL used in links that leave the request (emails, Stripe return URLs). */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
});

export type Config = {
  environment: z.infer<typeof configSchema>["ENVIRONMENT"];
  publicUrl: string | undefined;
};

const cache = new WeakMap<object, Config>();

/**
 * Parses the settings once per bindings object. Throws a ConfigError naming each missing
 * or malformed setting (never echoing a value, which may be a secret).
 */
export function loadConfig(bindings: object): Config {
  const cached = cache.get(bindings);
  if (cached) return cached;
  const raw = Object.fromEntries(
    Object.keys(configSchema.shape).map((key) => {
      const value = (bindings as Record<string, unknown>)[key];
      return [key, value === "" ? undefined : value];
    }),
  );
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "configuration");
      return raw[name] === undefined ? `${name} is missing` : `${name} is malformed (${issue.message})`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
  }
  const config: Config = {
    environment: parsed.data.ENVIRONMENT,
    publicUrl: parsed.data.PUBLIC_URL?.replace(/\/$/, ""),
  };
  cache.set(bindings, config);
  return config;
}
