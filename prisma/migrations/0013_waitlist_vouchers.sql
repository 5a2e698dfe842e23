-- Migration 0013_waitlist_vouchers: tables from `npm run db:diff`, columns added by hand.
--
-- A waiting list per tier (WaitlistEntry): freed seats are offered in joining order and held
-- for the person offered them. Vouchers: codes for a lower price or a hidden tier, whose uses
-- and seats are counted in the order's own batch. Orders and tickets remember the voucher
-- and what it took off.

-- CreateTable
CREATE TABLE "WaitlistEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "ticketTypeId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "places" INTEGER NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    "status" TEXT NOT NULL DEFAULT 'waiting',
    "leaveToken" TEXT NOT NULL,
    "offerToken" TEXT,
    "offeredAt" DATETIME,
    "offerExpiresAt" DATETIME,
    "orderId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Voucher" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0,
    "ticketTypeId" TEXT,
    "validFrom" DATETIME,
    "validUntil" DATETIME,
    "maxUses" INTEGER,
    "maxPerOrder" INTEGER,
    "seatBudget" INTEGER,
    "usesCount" INTEGER NOT NULL DEFAULT 0,
    "seatsCount" INTEGER NOT NULL DEFAULT 0,
    "label" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- AlterTable (by hand as ADD COLUMN, see 0007_event_languages.sql)
ALTER TABLE "Event" ADD COLUMN "waitlistEnabled" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "Event" ADD COLUMN "waitlistPaused" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Event" ADD COLUMN "offerHours" INTEGER NOT NULL DEFAULT 48;
ALTER TABLE "TicketType" ADD COLUMN "hidden" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Order" ADD COLUMN "voucherId" TEXT;
ALTER TABLE "Order" ADD COLUMN "discountMinor" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Ticket" ADD COLUMN "voucherId" TEXT;
ALTER TABLE "Ticket" ADD COLUMN "discountMinor" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "WaitlistEntry_leaveToken_key" ON "WaitlistEntry"("leaveToken");

-- CreateIndex
CREATE UNIQUE INDEX "WaitlistEntry_offerToken_key" ON "WaitlistEntry"("offerToken");

-- CreateIndex
CREATE INDEX "WaitlistEntry_eventId_status_position_idx" ON "WaitlistEntry"("eventId", "status", "position");

-- CreateIndex
CREATE INDEX "WaitlistEntry_status_offerExpiresAt_idx" ON "WaitlistEntry"("status", "offerExpiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "WaitlistEntry_ticketTypeId_email_key" ON "WaitlistEntry"("ticketTypeId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "WaitlistEntry_eventId_position_key" ON "WaitlistEntry"("eventId", "position");

-- CreateIndex
CREATE INDEX "Voucher_eventId_createdAt_idx" ON "Voucher"("eventId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Voucher_eventId_code_key" ON "Voucher"("eventId", "code");
