-- A caseworker's name was written at registration and never read: no longer kept.
ALTER TABLE "Caseworker" DROP COLUMN "name";

-- The staff member behind an event, so that their /forget finds their name.
ALTER TABLE "ReferralEvent" ADD COLUMN "actorId" TEXT;
-- Events from before: the referral's holder, when the name is theirs (released ones are not known).
UPDATE "ReferralEvent" SET "actorId" = (
    SELECT r."holderId" FROM "Referral" r WHERE r."id" = "ReferralEvent"."referralId" AND r."holderName" = "ReferralEvent"."actor"
) WHERE "actor" NOT IN ('person', 'bot');

-- CreateIndex
CREATE INDEX "ReferralEvent_actorId_idx" ON "ReferralEvent"("actorId");
