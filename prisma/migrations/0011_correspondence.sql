-- Migration 0011_correspondence: written by `npm run db:diff` from prisma/schema.prisma.
--
-- Receipts name the organisation (one row in "Organisation", edited by owners at
-- /admin/settings). Messages to attendees are kept in "AttendeeMessage": its unique nonce
-- (from the form) makes a double-clicked Send send once.

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',
    "charityNumber" TEXT NOT NULL DEFAULT '',
    "companyNumber" TEXT NOT NULL DEFAULT '',
    "vatStatus" TEXT NOT NULL DEFAULT 'not_registered',
    "vatNumber" TEXT NOT NULL DEFAULT '',
    "vatRateBasisPoints" INTEGER NOT NULL DEFAULT 2000,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AttendeeMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'message',
    "audience" TEXT NOT NULL,
    "ticketTypeId" TEXT,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "translations" TEXT NOT NULL DEFAULT '{}',
    "nonce" TEXT NOT NULL,
    "staffId" TEXT,
    "recipients" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "AttendeeMessage_nonce_key" ON "AttendeeMessage"("nonce");

-- CreateIndex
CREATE INDEX "AttendeeMessage_eventId_createdAt_idx" ON "AttendeeMessage"("eventId", "createdAt");
