import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "@/env";
import { ConfigError, DomainError, retryAfterOf } from "@/domain/errors";
import type { FieldIssues } from "@/domain/issues";
import { configMessage, errorMessage, fieldCodesOf, fieldMessages } from "@/i18n";
import { errorBody, wantsJson } from "@/lib/negotiate";
import { ErrorPage } from "@/web/shared/error-page";
import { messagesOf } from "@/web/shared/i18n";

function respond(c: Context<AppEnv>, status: ContentfulStatusCode, code: string, message: string, fields?: FieldIssues) {
  const m = messagesOf(c);
  if (wantsJson(c.req.path, c.req.header("accept"))) {
    return c.json(errorBody(code, message, fields && { messages: fieldMessages(fields, m), codes: fieldCodesOf(fields) }), status);
  }
  return c.html(ErrorPage({ m, status, message, requestId: c.get("requestId") }), status);
}

/**
 * The one error handler. DomainErrors map to their stable code and the catalogue's sentence
 * for it, HTTPExceptions keep their status, and anything else is logged with the request id
 * and answered with a generic 500 that reveals nothing about the cause.
 */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  const m = messagesOf(c);
  if (err instanceof DomainError) {
    const retryAfter = retryAfterOf(err);
    if (retryAfter) c.header("Retry-After", String(retryAfter));
    return respond(c, err.status, err.code, errorMessage(err, m), err.fields);
  }
  if (err instanceof HTTPException) {
    if (err.res) return err.getResponse();
    const status = err.status as ContentfulStatusCode;
    // Hono's own messages are English for developers; people read the catalogue's sentence.
    const message = status === 400 ? m.http.badRequest : m.http.refused;
    return respond(c, status, status === 400 ? "bad_request" : `http_${status}`, message);
  }
  const requestId = c.get("requestId");
  if (err instanceof ConfigError) {
    // Names the setting (never its value) so whoever runs the server can fix it.
    const detail = configMessage(err, m);
    console.error(JSON.stringify({ level: "error", requestId, error: detail }));
    return respond(c, 500, "misconfigured", m.http.misconfigured({ detail }));
  }
  console.error(
    JSON.stringify({ level: "error", requestId, path: c.req.path, error: String(err), stack: err.stack }),
  );
  return respond(c, 500, "internal", m.http.internal({ requestId }));
};

export const notFound: NotFoundHandler<AppEnv> = (c) => respond(c, 404, "not_found", messagesOf(c).http.pageNotFound);
