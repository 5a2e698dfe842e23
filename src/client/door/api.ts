import type { CheckInOutcome, DoorList, SearchHit, Stats } from "./types";
import { fill, words } from "./words";

/** No answer: offline, the Wi-Fi dropped, or the server took too long. */
export class NetworkError extends Error {}

/** The server answered with an error: `status` 401 = signed out, 403 = not allowed or expired page. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** How long the door waits for the server before deciding on the phone. */
export const CHECK_IN_TIMEOUT_MS = 4000;
const READ_TIMEOUT_MS = 10_000;

async function call<T>(path: string, init: RequestInit & { csrf: string; timeoutMs: number }): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      credentials: "same-origin",
      cache: "no-store",
      signal: AbortSignal.timeout(init.timeoutMs),
      headers: { accept: "application/json", ...(init.body ? { "content-type": "application/json", "x-csrf-token": init.csrf } : {}) },
    });
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : String(err));
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new ApiError(res.status, body?.error?.message ?? fill(words().serverAnswered, { status: res.status }));
  }
  try {
    return (await res.json()) as T;
  } catch (err) {
    throw new NetworkError(`Incomplete answer: ${String(err)}`);
  }
}

/** The door API (src/web/door/checkin-api.ts) with the page's session and CSRF token. */
export function doorApi(slug: string, csrf: string) {
  const post = <T>(path: string, body: unknown, timeoutMs = CHECK_IN_TIMEOUT_MS) => call<T>(path, { method: "POST", body: JSON.stringify(body), csrf, timeoutMs });
  const get = <T>(path: string, timeoutMs = READ_TIMEOUT_MS) => call<T>(path, { method: "GET", csrf, timeoutMs });
  const event = encodeURIComponent(slug);
  return {
    checkIn: (body: { code?: string; ticketId?: string; nonce: string; device: string }, timeoutMs?: number) => post<CheckInOutcome>("/api/v1/checkins", { event: slug, ...body }, timeoutMs),
    undo: (body: { ticketId: string; nonce: string; device: string }) => post<{ undone: boolean }>("/api/v1/checkins/undo", { event: slug, ...body }),
    doorList: () => get<DoorList>(`/api/v1/events/${event}/door-list`),
    stats: () => get<Stats>(`/api/v1/events/${event}/checkins/stats`),
    search: (q: string) => get<{ tickets: SearchHit[] }>(`/api/v1/events/${event}/door-search?q=${encodeURIComponent(q)}`, CHECK_IN_TIMEOUT_MS),
  };
}

export type DoorApi = ReturnType<typeof doorApi>;
