import type { EmulatorContext } from "@/dev/stripe-emulator/context";

/** The Hono environment of the emulated Stripe API (a separate, in-process app). */
export type ApiEnv = {
  Bindings: { emulator: EmulatorContext };
  Variables: { requestId: string };
};

const decoder = new TextDecoder();

/**
 * The raw request body as text. Read as bytes: workerd warns when `.text()` is called on a
 * form-encoded body, and Hono caches the bytes for every later read.
 */
export async function bodyText(c: { req: { arrayBuffer(): Promise<ArrayBuffer> } }): Promise<string> {
  return decoder.decode(await c.req.arrayBuffer());
}
