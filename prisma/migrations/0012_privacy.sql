-- Migration 0012_privacy: written by hand as ADD COLUMN (see 0007_event_languages.sql).
--
-- Personal data retention: each event keeps its attendees' personal data for a number of
-- days after it ends (default 90); the organisers are told a week before, then it is erased.
-- An order remembers when its personal data was erased (by retention or on request).

-- AlterTable
ALTER TABLE "Event" ADD COLUMN "retentionDays" INTEGER NOT NULL DEFAULT 90;
ALTER TABLE "Event" ADD COLUMN "retentionRemindedAt" DATETIME;
ALTER TABLE "Event" ADD COLUMN "personalDataErasedAt" DATETIME;
ALTER TABLE "Order" ADD COLUMN "erasedAt" DATETIME;
