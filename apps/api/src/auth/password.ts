import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

// scrypt is memory-hard: N=2^15, r=8 uses 32 MiB per hash.
export const PRODUCTION_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

/**
 * The cost of new hashes: the production cost, except inside Vitest when SCRYPT_TEST_N is set
 * to a power of two (vitest.config.ts), because the API tests make and check hundreds of hashes. A stored hash names
 * its own parameters, so checking follows whatever made it; both conditions are needed, so no
 * variable alone lowers the cost of a running server.
 */
export function hashCost(env: NodeJS.ProcessEnv): ScryptCost {
  const testN = Number(env.SCRYPT_TEST_N);
  const powerOfTwo = Number.isInteger(testN) && testN >= 2 && (testN & (testN - 1)) === 0;
  if (!env.VITEST || !powerOfTwo) return PRODUCTION_COST;
  return { ...PRODUCTION_COST, N: testN };
}

const COST = hashCost(process.env);

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFC"), salt, KEY_LENGTH, { N: n, r, p, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string, cost: ScryptCost = COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost.N, cost.r, cost.p);
  return ["scrypt", cost.N, cost.r, cost.p, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const expected = Buffer.from(key, "base64");
  const actual = await derive(password, Buffer.from(salt, "base64"), Number(n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash to compare against when the account does not exist, so both cases take as long. */
export const UNKNOWN_USER_HASH = await hashPassword(randomBytes(16).toString("hex"));
