/** A Date as Prisma stores DateTime in SQLite/D1 ("2027-01-09T10:30:00.000+00:00"), for raw SQL. */
export function sqlTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
