import { sqlTime } from "@/lib/sql-time";

/**
 * Counts one use of `key` in a fixed window and says whether it is within `limit`. One atomic
 * upsert, so concurrent requests cannot slip past the limit together.
 */
export async function hitRateLimit(d1: D1Database, key: string, limit: number, windowMs: number, now: Date): Promise<boolean> {
  const row = await d1
    .prepare(
      `INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (?1, ?2, 1)
       ON CONFLICT ("key") DO UPDATE SET
         "count" = CASE WHEN "windowStart" <= ?3 THEN 1 ELSE "count" + 1 END,
         "windowStart" = CASE WHEN "windowStart" <= ?3 THEN ?2 ELSE "windowStart" END
       RETURNING "count"`,
    )
    .bind(key, sqlTime(now), sqlTime(new Date(now.getTime() - windowMs)))
    .first<{ count: number }>();
  return (row?.count ?? Infinity) <= limit;
}
