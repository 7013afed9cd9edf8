-- CreateTable
CREATE TABLE "Service" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "latitude" REAL,
    "longitude" REAL,
    "phones" TEXT,
    "website" TEXT,
    "telegram" TEXT,
    "takesReferrals" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL,
    "verifiedAt" DATETIME,
    "active" BOOLEAN NOT NULL DEFAULT true
);

-- CreateIndex
CREATE INDEX "Service_latitude_longitude_idx" ON "Service"("latitude", "longitude");

-- CreateIndex
CREATE INDEX "Service_category_latitude_idx" ON "Service"("category", "latitude");

-- CreateIndex
CREATE INDEX "Service_oblast_category_idx" ON "Service"("oblast", "category");

