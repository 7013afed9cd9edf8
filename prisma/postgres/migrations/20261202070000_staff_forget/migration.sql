-- A caseworker's name was written at registration and never read: no longer kept.
ALTER TABLE "Caseworker" DROP COLUMN "name";

-- The staff member behind an event, so that their /forget finds their name.
ALTER TABLE "ReferralEvent" ADD COLUMN "actorId" TEXT;

-- CreateIndex
CREATE INDEX "ReferralEvent_actorId_idx" ON "ReferralEvent"("actorId");
