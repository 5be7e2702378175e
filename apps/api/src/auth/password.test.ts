import { describe, expect, it } from "vitest";
import { hashCost, hashPassword, PRODUCTION_COST, UNKNOWN_USER_HASH, verifyPassword } from "./password.ts";

describe("password hashes", () => {
  it("cost N=2^15, r=8, p=1 outside the tests, whatever SCRYPT_TEST_N says", () => {
    expect(PRODUCTION_COST).toEqual({ N: 32768, r: 8, p: 1 });
    expect(hashCost({})).toEqual(PRODUCTION_COST);
    expect(hashCost({ SCRYPT_TEST_N: "1024" })).toEqual(PRODUCTION_COST);
    expect(hashCost({ VITEST: "true" })).toEqual(PRODUCTION_COST);
    expect(hashCost({ VITEST: "true", SCRYPT_TEST_N: "1000" })).toEqual(PRODUCTION_COST);
    expect(hashCost({ VITEST: "true", SCRYPT_TEST_N: "1024" })).toEqual({ N: 1024, r: 8, p: 1 });
  });

  it("stores the production cost and a salt of its own, and checks a password against it", async () => {
    const stored = await hashPassword("correct horse", PRODUCTION_COST);
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(stored).not.toContain("correct horse");
    expect(await hashPassword("correct horse", PRODUCTION_COST)).not.toBe(stored);
    expect(await verifyPassword("correct horse", stored)).toBe(true);
    expect(await verifyPassword("correct hors", stored)).toBe(false);
    expect(await verifyPassword("correct horse", stored.replace("$32768$", "$16384$"))).toBe(false);
  });

  it("checks a hash with the parameters it names, so the tests' cheaper hashes still work", async () => {
    const cheap = await hashPassword("correct horse", { ...PRODUCTION_COST, N: 1024 });
    expect(cheap).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword("correct horse", cheap)).toBe(true);
    expect(await verifyPassword("Correct horse", cheap)).toBe(false);
    expect(await verifyPassword("correct horse", "bcrypt$whatever")).toBe(false);
    expect(UNKNOWN_USER_HASH).toMatch(/^scrypt\$\d+\$8\$1\$/);
  });
});
