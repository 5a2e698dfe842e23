-- Migration 0003_ticket_emails: written by `npm run db:diff` from prisma/schema.prisma.
-- Review before committing; wrangler applies it (npm start, npm test, npm run deploy).

-- AlterTable
ALTER TABLE "Event" ADD COLUMN "ticketEmailSubject" TEXT;

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "windowStart" DATETIME NOT NULL,
    "count" INTEGER NOT NULL
);
