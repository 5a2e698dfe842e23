-- Migration 0009_self_service: `npm run db:diff` from prisma/schema.prisma, then edited by
-- hand: ADD COLUMN instead of rebuilding the table.
--
-- Self-service: each event's refund policy for tickets its attendees cancel themselves, and
-- how long before the start they may still change a name, transfer or cancel.

-- AlterTable
ALTER TABLE "Event" ADD COLUMN "refundPolicy" TEXT NOT NULL DEFAULT 'none';
ALTER TABLE "Event" ADD COLUMN "refundUntil" DATETIME;
ALTER TABLE "Event" ADD COLUMN "refundFeeMinor" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Event" ADD COLUMN "changesCutoffHours" INTEGER NOT NULL DEFAULT 24;
