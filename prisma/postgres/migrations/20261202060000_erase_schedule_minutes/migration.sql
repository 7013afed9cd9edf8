-- EraseSchedule keeps the chosen minutes and the chat's last activity (null
-- once erased): the row stays while auto-erase is on. A row from before keeps
-- its due time, counted as 15 minutes until the person's next update writes
-- their choice.
ALTER TABLE "EraseSchedule" ADD COLUMN "minutes" INTEGER NOT NULL DEFAULT 15,
ADD COLUMN "lastAt" TIMESTAMP(3);
UPDATE "EraseSchedule" SET "lastAt" = "dueAt" - INTERVAL '15 minutes';
ALTER TABLE "EraseSchedule" ALTER COLUMN "minutes" DROP DEFAULT;

-- DropIndex
DROP INDEX "EraseSchedule_dueAt_idx";

-- AlterTable
ALTER TABLE "EraseSchedule" DROP COLUMN "dueAt";

-- CreateIndex
CREATE INDEX "EraseSchedule_lastAt_idx" ON "EraseSchedule"("lastAt");

-- Every message tracked (either side, sent by anyone: a reply, a campaign
-- message, a staff message relayed) moves the chat's last activity forward,
-- in the same statement that records it. Prisma does not manage triggers:
-- a migration that rebuilds TrackedMessage must create this one again.
-- The body's semicolons are written \073 (octal, in an E'' string): Prisma's
-- PostgreSQL adapter splits a migration at every semicolon, even in quotes.
CREATE FUNCTION "rearm_erase"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    UPDATE "EraseSchedule" SET "lastAt" = NEW."sentAt"
    WHERE "chatId" = NEW."chatId" AND ("lastAt" IS NULL OR "lastAt" < NEW."sentAt")\073
    RETURN NULL\073
END
';

CREATE TRIGGER "TrackedMessage_rearm_erase" AFTER INSERT ON "TrackedMessage"
FOR EACH ROW EXECUTE FUNCTION "rearm_erase"();
