-- CreateTable
CREATE TABLE "Recipient" (
    "chatId" TEXT NOT NULL PRIMARY KEY,
    "language" TEXT NOT NULL,
    "subscribed" BOOLEAN NOT NULL DEFAULT false,
    "silent" BOOLEAN NOT NULL DEFAULT true,
    "neutral" BOOLEAN NOT NULL DEFAULT true
);

-- CreateTable
CREATE TABLE "Broadcast" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT,
    "kind" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "sendAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "progressChat" TEXT,
    "progressMessage" INTEGER,
    "total" INTEGER NOT NULL DEFAULT 0,
    "sent" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "Outbox" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "broadcastId" INTEGER NOT NULL,
    "chatId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "silent" BOOLEAN NOT NULL,
    "neutral" BOOLEAN NOT NULL,
    "subscriber" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "notBefore" DATETIME,
    "claim" TEXT,
    "leaseUntil" DATETIME,
    "error" TEXT,
    CONSTRAINT "Outbox_broadcastId_fkey" FOREIGN KEY ("broadcastId") REFERENCES "Broadcast" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Recipient_subscribed_idx" ON "Recipient"("subscribed");

-- CreateIndex
CREATE UNIQUE INDEX "Broadcast_key_key" ON "Broadcast"("key");

-- CreateIndex
CREATE INDEX "Broadcast_status_sendAt_idx" ON "Broadcast"("status", "sendAt");

-- CreateIndex
CREATE INDEX "Outbox_status_id_idx" ON "Outbox"("status", "id");

-- CreateIndex
CREATE INDEX "Outbox_broadcastId_status_idx" ON "Outbox"("broadcastId", "status");

-- CreateIndex
CREATE INDEX "Outbox_chatId_idx" ON "Outbox"("chatId");

-- CreateIndex
CREATE UNIQUE INDEX "Outbox_broadcastId_chatId_key" ON "Outbox"("broadcastId", "chatId");

