-- The separate Stripe emulator Worker's own database (wrangler.emulator.toml): only the
-- emulator's two tables, exactly as prisma/schema.prisma describes them and as the app's
-- prisma/migrations/0002_stripe_emulator.sql makes them for the in-process emulator.
-- test/node/migrations.test.ts checks the two stay the same.

-- CreateTable
CREATE TABLE "StripeEmulatorObject" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "sessionId" TEXT,
    "data" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StripeEmulatorDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastStatusCode" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" DATETIME
);

-- CreateIndex
CREATE INDEX "StripeEmulatorObject_kind_sessionId_idx" ON "StripeEmulatorObject"("kind", "sessionId");

-- CreateIndex
CREATE INDEX "StripeEmulatorDelivery_status_nextAttemptAt_idx" ON "StripeEmulatorDelivery"("status", "nextAttemptAt");
