-- CreateTable
CREATE TABLE "JobRun" (
    "name" TEXT NOT NULL,
    "tick" DATETIME NOT NULL,

    PRIMARY KEY ("name", "tick")
);

