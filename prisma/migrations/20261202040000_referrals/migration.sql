-- CreateTable
CREATE TABLE "Partner" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "chatId" TEXT,
    "serviceId" TEXT,
    "oblast" TEXT,
    "city" TEXT,
    "lang" TEXT NOT NULL DEFAULT 'uk',
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Caseworker" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "partnerId" INTEGER,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CaseworkerInvite" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "partnerId" INTEGER,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "chatId" TEXT,
    "lang" TEXT NOT NULL,
    "partnerId" INTEGER,
    "serviceId" TEXT,
    "help" TEXT NOT NULL,
    "contact" TEXT NOT NULL,
    "phone" TEXT,
    "window" TEXT,
    "voicemail" BOOLEAN,
    "note" TEXT,
    "status" TEXT NOT NULL,
    "outcome" TEXT,
    "holderId" TEXT,
    "holderName" TEXT,
    "cardChatId" TEXT,
    "cardMessageId" INTEGER,
    "escChatId" TEXT,
    "escMessageId" INTEGER,
    "createdAt" DATETIME NOT NULL,
    "claimedAt" DATETIME,
    "closedAt" DATETIME,
    "remindedAt" DATETIME,
    "escalatedAt" DATETIME
);

-- CreateTable
CREATE TABLE "ReferralEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "referralId" INTEGER NOT NULL,
    "at" DATETIME NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    CONSTRAINT "ReferralEvent_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Partner_chatId_key" ON "Partner"("chatId");

-- CreateIndex
CREATE UNIQUE INDEX "Caseworker_partnerId_userId_key" ON "Caseworker"("partnerId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Referral_code_key" ON "Referral"("code");

-- CreateIndex
CREATE INDEX "Referral_chatId_idx" ON "Referral"("chatId");

-- CreateIndex
CREATE INDEX "Referral_status_createdAt_idx" ON "Referral"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ReferralEvent_referralId_idx" ON "ReferralEvent"("referralId");

