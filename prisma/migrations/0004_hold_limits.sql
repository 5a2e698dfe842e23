-- Migration 0004_hold_limits: written by `npm run db:diff` from prisma/schema.prisma.
-- Review before committing; wrangler applies it (npm start, npm test, npm run deploy).

-- AlterTable
ALTER TABLE "Order" ADD COLUMN "clientKey" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Event" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "venueName" TEXT NOT NULL,
    "venueAddress" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'Europe/London',
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "doorsOpenAt" DATETIME,
    "capacity" INTEGER,
    "soldCount" INTEGER NOT NULL DEFAULT 0,
    "heldCount" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "salesStartAt" DATETIME,
    "salesEndAt" DATETIME,
    "currency" TEXT NOT NULL DEFAULT 'GBP',
    "maxPerOrder" INTEGER NOT NULL DEFAULT 10,
    "holdOrdersLimit" INTEGER NOT NULL DEFAULT 3,
    "holdTicketsLimit" INTEGER NOT NULL DEFAULT 20,
    "ticketsPerMembership" INTEGER NOT NULL DEFAULT 1,
    "referencePrefix" TEXT NOT NULL DEFAULT 'REG',
    "ticketEmailSubject" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Event" ("capacity", "createdAt", "currency", "description", "doorsOpenAt", "endsAt", "heldCount", "id", "maxPerOrder", "referencePrefix", "salesEndAt", "salesStartAt", "slug", "soldCount", "startsAt", "status", "summary", "ticketEmailSubject", "timezone", "title", "updatedAt", "venueAddress", "venueName") SELECT "capacity", "createdAt", "currency", "description", "doorsOpenAt", "endsAt", "heldCount", "id", "maxPerOrder", "referencePrefix", "salesEndAt", "salesStartAt", "slug", "soldCount", "startsAt", "status", "summary", "ticketEmailSubject", "timezone", "title", "updatedAt", "venueAddress", "venueName" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");
CREATE INDEX "Event_status_startsAt_idx" ON "Event"("status", "startsAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Order_eventId_clientKey_status_idx" ON "Order"("eventId", "clientKey", "status");
