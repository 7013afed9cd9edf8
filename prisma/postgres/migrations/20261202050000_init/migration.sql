-- CreateTable
CREATE TABLE "Session" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "TrackedMessage" (
    "chatId" TEXT NOT NULL,
    "messageId" INTEGER NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrackedMessage_pkey" PRIMARY KEY ("chatId","messageId")
);

-- CreateTable
CREATE TABLE "EraseSchedule" (
    "chatId" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EraseSchedule_pkey" PRIMARY KEY ("chatId")
);

-- CreateTable
CREATE TABLE "DailyCount" (
    "day" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DailyCount_pkey" PRIMARY KEY ("day","name")
);

-- CreateTable
CREATE TABLE "Service" (
    "id" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "nameUk" TEXT,
    "nameEn" TEXT,
    "addressUk" TEXT,
    "addressEn" TEXT,
    "descriptionUk" TEXT,
    "descriptionEn" TEXT,
    "hoursUk" TEXT,
    "hoursEn" TEXT,
    "servesUk" TEXT,
    "servesEn" TEXT,
    "accessibilityUk" TEXT,
    "accessibilityEn" TEXT,
    "oblast" TEXT,
    "cityUk" TEXT,
    "cityEn" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "phones" TEXT,
    "website" TEXT,
    "telegram" TEXT,
    "takesReferrals" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL,
    "verifiedAt" TIMESTAMP(3),
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationState" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "ConversationState_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SafetyPlan" (
    "chatId" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "SafetyPlan_pkey" PRIMARY KEY ("chatId")
);

-- CreateTable
CREATE TABLE "Partner" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "chatId" TEXT,
    "serviceId" TEXT,
    "oblast" TEXT,
    "city" TEXT,
    "lang" TEXT NOT NULL DEFAULT 'uk',
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Caseworker" (
    "id" SERIAL NOT NULL,
    "partnerId" INTEGER,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Caseworker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseworkerInvite" (
    "tokenHash" TEXT NOT NULL,
    "partnerId" INTEGER,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseworkerInvite_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" SERIAL NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL,
    "claimedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),
    "escalatedAt" TIMESTAMP(3),

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferralEvent" (
    "id" SERIAL NOT NULL,
    "referralId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,

    CONSTRAINT "ReferralEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recipient" (
    "chatId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "subscribed" BOOLEAN NOT NULL DEFAULT false,
    "silent" BOOLEAN NOT NULL DEFAULT true,
    "neutral" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Recipient_pkey" PRIMARY KEY ("chatId")
);

-- CreateTable
CREATE TABLE "Broadcast" (
    "id" SERIAL NOT NULL,
    "key" TEXT,
    "kind" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "sendAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "progressChat" TEXT,
    "progressMessage" INTEGER,
    "total" INTEGER NOT NULL DEFAULT 0,
    "sent" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Broadcast_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Outbox" (
    "id" SERIAL NOT NULL,
    "broadcastId" INTEGER NOT NULL,
    "chatId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "silent" BOOLEAN NOT NULL,
    "neutral" BOOLEAN NOT NULL,
    "subscriber" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "notBefore" TIMESTAMP(3),
    "claim" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "error" TEXT,

    CONSTRAINT "Outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "name" TEXT NOT NULL,
    "tick" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("name","tick")
);

-- CreateIndex
CREATE INDEX "TrackedMessage_sentAt_idx" ON "TrackedMessage"("sentAt");

-- CreateIndex
CREATE INDEX "EraseSchedule_dueAt_idx" ON "EraseSchedule"("dueAt");

-- CreateIndex
CREATE INDEX "Service_latitude_longitude_idx" ON "Service"("latitude", "longitude");

-- CreateIndex
CREATE INDEX "Service_category_latitude_idx" ON "Service"("category", "latitude");

-- CreateIndex
CREATE INDEX "Service_oblast_category_idx" ON "Service"("oblast", "category");

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

-- AddForeignKey
ALTER TABLE "ReferralEvent" ADD CONSTRAINT "ReferralEvent_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outbox" ADD CONSTRAINT "Outbox_broadcastId_fkey" FOREIGN KEY ("broadcastId") REFERENCES "Broadcast"("id") ON DELETE CASCADE ON UPDATE CASCADE;

