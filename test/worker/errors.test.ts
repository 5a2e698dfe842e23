import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { createApp } from "@/app";
import { loadConfig } from "@/config";
import { ConfigError, DomainError } from "@/domain/errors";
import { issue } from "@/domain/issues";

function appWith(handler: () => never) {
  const app = createApp();
  app.get("/boom", handler);
  app.get("/api/v1/boom", handler);
  return app;
}

describe("errors", () => {
  it("turns an unknown error into a generic 500 that reveals nothing, and logs it with the request id", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const app = appWith(() => {
      throw new Error("db password is hunter2 at /srv/secret.ts:42");
    });
    for (const [path, accept] of [["/boom", "text/html"], ["/api/v1/boom", "application/json"]] as const) {
      const res = await app.request(path, { headers: { accept } }, env);
      const text = await res.text();
      expect(res.status).toBe(500);
      expect(text).not.toContain("hunter2");
      expect(text).not.toContain("secret.ts");
      expect(text).toContain("Something went wrong");
      const requestId = res.headers.get("x-request-id")!;
      expect(text).toContain(requestId);
      expect(log.mock.calls.some(([line]) => String(line).includes(requestId) && String(line).includes("hunter2"))).toBe(true);
    }
    log.mockRestore();
  });

  it("maps a DomainError to its stable code and status", async () => {
    const app = appWith(() => {
      throw new DomainError("sold_out", { left: 2 }, { quantity: issue("too_many", { max: 2 }) });
    });
    const res = await app.request("/api/v1/boom", {}, env);
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: {
        code: "sold_out",
        message: "Only 2 places are left. Choose fewer and try again.",
        fields: { quantity: "Choose 2 or fewer." },
        fieldCodes: { quantity: "too_many" },
      },
    });
  });

  it("answers unknown pages with a 404 page", async () => {
    const res = await createApp().request("/no/such/page", { headers: { accept: "text/html" } }, env);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Page not found");
  });
});

describe("configuration", () => {
  it("names a missing setting", () => {
    expect(() => loadConfig({})).toThrow(ConfigError);
    expect(() => loadConfig({})).toThrow(/ENVIRONMENT is missing/);
  });

  it("names a malformed setting without echoing its value", () => {
    let message = "";
    try {
      loadConfig({ ENVIRONMENT: "production", PUBLIC_URL: "not a url sk_live_123" });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain("PUBLIC_URL is malformed");
    expect(message).not.toContain("sk_live_123");
  });

  it("requires PUBLIC_URL in production, so links never come from the request's Host", () => {
    const production = { ...env, ENVIRONMENT: "production", STRIPE_SECRET_KEY: "sk_test_cfg", STRIPE_WEBHOOK_SECRET: "whsec_cfg", RESEND_API_KEY: "re_cfg" };
    expect(() => loadConfig({ ...production, PUBLIC_URL: undefined })).toThrow(/PUBLIC_URL is missing/);
    expect(loadConfig({ ...production, PUBLIC_URL: "https://tickets.example.org/" }).publicUrl).toBe("https://tickets.example.org");
  });

  it("refuses requests with a message naming the broken setting", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await createApp().request("/api/v1/events", {}, { ...env, ENVIRONMENT: "staging" });
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("misconfigured");
    expect(body.error.message).toContain("ENVIRONMENT");
    expect(body.error.message).not.toContain("staging");
    log.mockRestore();
  });
});
