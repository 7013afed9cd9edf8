-- EraseSchedule keeps the chosen minutes and the chat's last activity (null
-- once erased): the row stays while auto-erase is on. A row from before keeps
-- its due time, counted as 15 minutes until the person's next update writes
-- their choice. SQLite stores DateTime as ISO text: "2026-11-25T09:00:00.000+00:00".

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_EraseSchedule" (
    "chatId" TEXT NOT NULL PRIMARY KEY,
    "minutes" INTEGER NOT NULL,
    "lastAt" DATETIME
);
INSERT INTO "new_EraseSchedule" ("chatId", "minutes", "lastAt")
SELECT "chatId", 15, strftime('%Y-%m-%dT%H:%M:%f', "dueAt", '-15 minutes') || '+00:00' FROM "EraseSchedule";
DROP TABLE "EraseSchedule";
ALTER TABLE "new_EraseSchedule" RENAME TO "EraseSchedule";
CREATE INDEX "EraseSchedule_lastAt_idx" ON "EraseSchedule"("lastAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Every message tracked (either side, sent by anyone: a reply, a campaign
-- message, a staff message relayed) moves the chat's last activity forward,
-- in the same statement that records it. Prisma does not manage triggers:
-- a migration that rebuilds TrackedMessage must create this one again.
CREATE TRIGGER "TrackedMessage_rearm_erase" AFTER INSERT ON "TrackedMessage"
BEGIN
    UPDATE "EraseSchedule" SET "lastAt" = NEW."sentAt"
    WHERE "chatId" = NEW."chatId" AND ("lastAt" IS NULL OR "lastAt" < NEW."sentAt");
END;
