import { describe, expect, it } from "vitest";
import { claimBucket, CODE, newCode, ukrainianPhone } from "../../src/features/referrals/domain.js";

describe("referral rules", () => {
  it("accepts Ukrainian numbers in the usual spellings and gives them one form", () => {
    for (const text of ["+380 50 123 45 67", "380501234567", "050-123-45-67", "(050) 123 4567", "0501234567", " +380501234567 "]) {
      expect(ukrainianPhone(text), text).toBe("+380501234567");
    }
  });

  it("refuses what is not a Ukrainian number", () => {
    for (const text of ["12345", "+48 501 234 567", "050 123 45 6", "0001234567", "call me 0501234567", "+380 50 123 45 678", "050 123 45 67 ext 2"]) {
      expect(ukrainianPhone(text), text).toBeUndefined();
    }
  });

  it("makes short codes without look-alike letters", () => {
    for (let i = 0; i < 200; i++) {
      const code = newCode();
      expect(code).toMatch(CODE);
      expect(code).not.toMatch(/[01IOL]/);
    }
  });

  it("buckets the time to claim", () => {
    expect(claimBucket(5 * 60_000)).toBe("under-15m");
    expect(claimBucket(15 * 60_000)).toBe("15-60m");
    expect(claimBucket(90 * 60_000)).toBe("1-4h");
    expect(claimBucket(5 * 3600_000)).toBe("over-4h");
  });
});
