-- CreateTable
CREATE TABLE "TrackedMessage" (
    "chatId" TEXT NOT NULL,
    "messageId" INTEGER NOT NULL,
    "sentAt" DATETIME NOT NULL,

    PRIMARY KEY ("chatId", "messageId")
);

-- CreateTable
CREATE TABLE "EraseSchedule" (
    "chatId" TEXT NOT NULL PRIMARY KEY,
    "dueAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "TrackedMessage_sentAt_idx" ON "TrackedMessage"("sentAt");

-- CreateIndex
CREATE INDEX "EraseSchedule_dueAt_idx" ON "EraseSchedule"("dueAt");

