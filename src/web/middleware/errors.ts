import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "@/env";
import { ConfigError, DomainError } from "@/domain/errors";
import { errorBody, wantsJson } from "@/lib/negotiate";
import { ErrorPage } from "@/web/shared/error-page";

function respond(c: Context<AppEnv>, status: ContentfulStatusCode, code: string, message: string, fields?: Record<string, string>) {
  if (wantsJson(c.req.path, c.req.header("accept"))) {
    return c.json(errorBody(code, message, fields), status);
  }
  return c.html(ErrorPage({ status, message, requestId: c.get("requestId") }), status);
}

/**
 * The one error handler. HTTPExceptions keep their status and message, DomainErrors map to
 * their stable code, and anything else is logged with the request id and answered with a
 * generic 500 that reveals nothing about the cause.
 */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof DomainError) {
    return respond(c, err.status, err.code, err.message, err.fields);
  }
  if (err instanceof HTTPException) {
    if (err.res) return err.getResponse();
    const status = err.status as ContentfulStatusCode;
    const message = err.message || (status === 400 ? "The request could not be understood." : "Request refused.");
    return respond(c, status, status === 400 ? "bad_request" : `http_${status}`, message);
  }
  const requestId = c.get("requestId");
  if (err instanceof ConfigError) {
    // Names the setting (never its value) so whoever runs the server can fix it.
    console.error(JSON.stringify({ level: "error", requestId, error: err.message }));
    return respond(c, 500, "misconfigured", `The server is not configured correctly. ${err.message}.`);
  }
  console.error(
    JSON.stringify({ level: "error", requestId, path: c.req.path, error: String(err), stack: err.stack }),
  );
  return respond(c, 500, "internal", `Something went wrong on our side. Please try again in a moment (reference ${requestId}).`);
};

export const notFound: NotFoundHandler<AppEnv> = (c) =>
  respond(c, 404, "not_found", "We could not find that page. Check the address, or start from the list of events.");
