-- Migration 0008_questions: written by `npm run db:diff` from prisma/schema.prisma.
-- Review before committing; wrangler applies it (npm start, npm test, npm run deploy).

-- CreateTable
CREATE TABLE "Question" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "help" TEXT NOT NULL DEFAULT '',
    "options" TEXT NOT NULL DEFAULT '[]',
    "required" BOOLEAN NOT NULL DEFAULT false,
    "tierIds" TEXT NOT NULL DEFAULT '[]',
    "per" TEXT NOT NULL DEFAULT 'attendee',
    "atDoor" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "retiredAt" DATETIME,
    "translations" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Answer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "questionId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "ticketId" TEXT,
    "value" TEXT NOT NULL,
    "detail" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "Question_eventId_sortOrder_idx" ON "Question"("eventId", "sortOrder");

-- CreateIndex
CREATE INDEX "Answer_orderId_idx" ON "Answer"("orderId");

-- CreateIndex
CREATE INDEX "Answer_ticketId_idx" ON "Answer"("ticketId");

-- CreateIndex
CREATE INDEX "Answer_questionId_value_idx" ON "Answer"("questionId", "value");
