// The SQL of the health check: one statement that proves D1 answers.

/** One round trip to D1, for the health check. */
export async function pingDatabase(d1: D1Database): Promise<void> {
  await d1.prepare("SELECT 1").first();
}
