import { countRateLimitHit } from "@/domain/staff/repo";

/**
 * Counts one use of `key` in a fixed window and says whether it is within `limit`. One atomic
 * upsert, so concurrent requests cannot slip past the limit together.
 */
export async function hitRateLimit(d1: D1Database, key: string, limit: number, windowMs: number, now: Date): Promise<boolean> {
  const count = await countRateLimitHit(d1, key, new Date(now.getTime() - windowMs), now);
  return (count ?? Infinity) <= limit;
}
