-- Migration 0010_reminders: reminder emails before the day, and the organisers' notifications
-- (daily sales summary, sold-out alert). Written by `npm run db:diff`, then reduced to plain
-- ADD COLUMNs (no table rebuild).

-- AlterTable
ALTER TABLE "Event" ADD COLUMN "reminderHours" INTEGER DEFAULT 48;
ALTER TABLE "Event" ADD COLUMN "notifyDailySummary" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Event" ADD COLUMN "notifySoldOut" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Event" ADD COLUMN "soldOutNotifiedAt" DATETIME;

-- AlterTable
ALTER TABLE "TicketType" ADD COLUMN "soldOutNotifiedAt" DATETIME;

-- AlterTable
ALTER TABLE "Staff" ADD COLUMN "language" TEXT;
