-- Migration 0007_event_languages: `npm run db:diff` from prisma/schema.prisma, then edited by
-- hand: ADD COLUMN instead of rebuilding the four tables.
--
-- Languages: each event has a main language and, per other language, its own version of the
-- organisers' texts (JSON { "es": { "title": … } } on events, agenda items and tiers). An
-- order remembers its buyer's language for later emails; a ticket may name its attendee's.

-- AlterTable
ALTER TABLE "Event" ADD COLUMN "mainLanguage" TEXT NOT NULL DEFAULT 'en';
ALTER TABLE "Event" ADD COLUMN "translations" TEXT NOT NULL DEFAULT '{}';
ALTER TABLE "AgendaItem" ADD COLUMN "translations" TEXT NOT NULL DEFAULT '{}';
ALTER TABLE "TicketType" ADD COLUMN "translations" TEXT NOT NULL DEFAULT '{}';
ALTER TABLE "Order" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'en';
ALTER TABLE "Ticket" ADD COLUMN "language" TEXT;
