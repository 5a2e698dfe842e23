/** True when a request should be answered in JSON rather than an HTML page. */
export function wantsJson(path: string, accept: string | undefined): boolean {
  if (path.startsWith("/api/") || path.startsWith("/webhooks/") || path === "/healthz") return true;
  if (!accept) return false;
  return accept.includes("application/json") && !accept.includes("text/html");
}

/**
 * The JSON error body every endpoint uses: `fields` maps each field path to its sentence,
 * `fieldCodes` the same paths to their field codes, for machines.
 */
export function errorBody(code: string, message: string, fields?: { messages: Record<string, string>; codes: Record<string, string> }) {
  return { error: fields ? { code, message, fields: fields.messages, fieldCodes: fields.codes } : { code, message } };
}
