/**
 * A few seconds of memory per isolate for public, read-mostly answers (event pages and the
 * events API), so a rush of visitors costs one database read per page every few seconds.
 * Availability shown can be that many seconds old; it never causes an oversell, because seats
 * are taken by the database at order time. Only finished values are kept (never promises: a
 * promise made while serving one request must not be awaited by another).
 */
const entries = new Map<string, { expires: number; value: unknown }>();
const MAX_ENTRIES = 500;

export async function cached<T>(key: string, ttlSeconds: number, make: () => Promise<T>): Promise<T> {
  if (ttlSeconds <= 0) return make();
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.expires > now) return hit.value as T;
  const value = await make();
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(key, { expires: now + ttlSeconds * 1000, value });
  return value;
}
