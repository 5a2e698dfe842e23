/** True when a request should be answered in JSON rather than an HTML page. */
export function wantsJson(path: string, accept: string | undefined): boolean {
  if (path.startsWith("/api/") || path.startsWith("/webhooks/") || path === "/healthz") return true;
  if (!accept) return false;
  return accept.includes("application/json") && !accept.includes("text/html");
}

/** The JSON error body every endpoint uses. */
export function errorBody(code: string, message: string, fields?: Record<string, string>) {
  return { error: fields ? { code, message, fields } : { code, message } };
}
