import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../apps/api/src/app.ts";
import { Database } from "../../apps/api/src/db/client.ts";
import type { AppConfig } from "../../apps/api/src/env.ts";
import { clientAddress, normaliseAddress } from "../../apps/api/src/services/loginThrottle.ts";
import { checkAgainstContract, createTestApi, problemOf, type TestApi } from "../support/api.ts";

/**
 * Login throttling (services/loginThrottle.ts): per (address, account) and per address, counted in
 * one statement before the password is checked, with exponential back-off instead of a lockout.
 * The clock is fixed and moved by hand; addresses come from X-Forwarded-For (`trustProxy`).
 */
const START = new Date("2026-11-21T10:00:00.000Z").getTime();
let now = START;
const clock = () => new Date(now);
const advance = (seconds: number) => {
  now += seconds * 1000;
};
const PASSWORD = "demo-password";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ farms: 20, now: clock, config: { trustProxy: true } });
});
afterAll(() => api.close());

const attempt = (target: TestApi, email: string, password: string, address: string) =>
  target.request("/api/auth/login", {
    method: "POST",
    headers: { "x-forwarded-for": address },
    body: JSON.stringify({ email, password }),
  });
const login = (email: string, password: string, address: string) => attempt(api, email, password, address);
const retryAfter = (response: Response) => Number(response.headers.get("retry-after"));

describe("an attack on one account", () => {
  it("lets 100 concurrent wrong passwords from one address have only the free failures, while the right password from another address logs in", async () => {
    const wrong = Array.from({ length: 100 }, (_, i) =>
      login("farmer@demo.test", `guess-${i}`, "203.0.113.7"),
    );
    const farmer = login("farmer@demo.test", PASSWORD, "198.51.100.20");
    const responses = await Promise.all([...wrong.slice(0, 50), farmer, ...wrong.slice(50)]);
    const ofAttack = [...responses.slice(0, 50), ...responses.slice(51)];

    expect((await farmer).status).toBe(200);
    const statuses = ofAttack.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(95);
    for (const response of ofAttack.filter((r) => r.status === 429)) {
      expect(retryAfter(response)).toBe(1);
      const problem = await problemOf(response);
      expect(problem.status).toBe(429);
      expect(problem.title).toBe(
        "Te veel mislukte aanmeldingen van hier. Wacht even voor u het opnieuw probeert.",
      );
    }

    // The attacker's address waits; the right password from there waits too, without being checked.
    const during = await login("farmer@demo.test", PASSWORD, "203.0.113.7");
    expect(during.status).toBe(429);
    expect(retryAfter(during)).toBe(1);
    // Another address, even for a farmer who never logged in from it, is not slowed.
    expect((await login("farmer@demo.test", PASSWORD, "192.0.2.44")).status).toBe(200);

    // After the back-off the right password from the attacked address works as well.
    advance(1);
    expect((await login("farmer@demo.test", PASSWORD, "203.0.113.7")).status).toBe(200);
  });

  it("doubles the wait with every further failure, and answers 429 without checking the password meanwhile", async () => {
    const address = "203.0.113.8";
    for (let i = 0; i < 5; i++) expect((await login("jury@demo.test", "nope", address)).status).toBe(401);
    const waits: number[] = [];
    for (let round = 0; round < 4; round++) {
      const refused = await login("jury@demo.test", "nope", address);
      expect(refused.status).toBe(429);
      waits.push(retryAfter(refused));
      advance(retryAfter(refused) - 1);
      if (retryAfter(refused) > 1) {
        // Not over yet: still 429, even with the right password, and the wait is not extended.
        const early = await login("jury@demo.test", PASSWORD, address);
        expect(early.status).toBe(429);
        expect(retryAfter(early)).toBe(1);
      }
      advance(1);
      expect((await login("jury@demo.test", "nope", address)).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8]);
    const next = await login("jury@demo.test", "nope", address);
    expect(retryAfter(next)).toBe(16);
    advance(16);
  });

  it("starts over after a successful login from the same address", async () => {
    const address = "203.0.113.9";
    for (let i = 0; i < 4; i++) expect((await login("sector@demo.test", "nope", address)).status).toBe(401);
    expect((await login("sector@demo.test", PASSWORD, address)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await login("sector@demo.test", "nope", address)).status).toBe(401);
    const throttled = await login("sector@demo.test", "nope", address);
    expect(throttled.status).toBe(429);
    expect(retryAfter(throttled)).toBe(1);
    advance(1);
    expect((await login("sector@demo.test", PASSWORD, address)).status).toBe(200);
    expect((await login("sector@demo.test", "nope", address)).status).toBe(401);
  });

  it("counts an account by its normalised e-mail address", async () => {
    const address = "203.0.113.10";
    const spellings = [
      "buyer@demo.test",
      "BUYER@demo.test",
      " Buyer@Demo.Test ",
      "buyer@DEMO.test",
      "bUyer@demo.test",
    ];
    for (const email of spellings) expect((await login(email, "nope", address)).status).toBe(401);
    expect((await login("buyer@demo.test", PASSWORD, address)).status).toBe(429);
    advance(1);
    expect((await login("Buyer@Demo.test", PASSWORD, address)).status).toBe(200);
  });

  it("keeps the count in the database: a second API instance on the same database shares it", async () => {
    const config: Partial<AppConfig> = { trustProxy: true };
    const db = new Database({ url: api.url });
    const second = createApp({ db, clock, config });
    try {
      const viaSecond = async (password: string) => {
        const response = await second.request("/api/auth/login", {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: "http://localhost:8787",
            "x-forwarded-for": "203.0.113.11",
          },
          body: JSON.stringify({ email: "auditor@demo.test", password }),
        });
        await checkAgainstContract("POST", "/api/auth/login", response);
        return response;
      };
      const responses = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          i % 2 ? viaSecond(`guess-${i}`) : login("auditor@demo.test", `guess-${i}`, "203.0.113.11"),
        ),
      );
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(35);
      advance(1);
    } finally {
      db.close();
    }
  });
});

describe("an address trying many accounts", () => {
  it("slows the address over all accounts once it used its free failures; other addresses are not slowed", async () => {
    const sprayed = await createTestApi({
      farms: 20,
      now: clock,
      config: { trustProxy: true, loginAddressFailureLimit: 3 },
    });
    try {
      const address = "203.0.113.50";
      for (const email of ["a@demo.test", "b@demo.test", "c@demo.test"])
        expect((await attempt(sprayed, email, "nope", address)).status).toBe(401);
      const next = await attempt(sprayed, "d@demo.test", "nope", address);
      expect(next.status).toBe(429);
      expect(retryAfter(next)).toBe(1);
      // Whoever shares the address shares its wait; from anywhere else the account is untouched.
      expect((await attempt(sprayed, "farmer@demo.test", PASSWORD, address)).status).toBe(429);
      expect((await attempt(sprayed, "farmer@demo.test", PASSWORD, "198.51.100.77")).status).toBe(200);
      advance(1);
      expect((await attempt(sprayed, "e@demo.test", "nope", address)).status).toBe(401);
      expect(retryAfter(await attempt(sprayed, "f@demo.test", "nope", address))).toBe(2);
    } finally {
      sprayed.close();
    }
  });

  it("caps the wait at loginBackoffMaxSeconds", async () => {
    const capped = await createTestApi({
      farms: 20,
      now: clock,
      config: { trustProxy: true, loginFailureLimit: 1, loginBackoffMaxSeconds: 4 },
    });
    try {
      const waits: number[] = [];
      for (let i = 0; i < 5; i++) {
        expect((await attempt(capped, "jury@demo.test", "nope", "203.0.113.60")).status).toBe(401);
        const refused = await attempt(capped, "jury@demo.test", "nope", "203.0.113.60");
        waits.push(retryAfter(refused));
        advance(retryAfter(refused));
      }
      expect(waits).toEqual([1, 2, 4, 4, 4]);
    } finally {
      capped.close();
    }
  });
});

describe("the client address", () => {
  it("ignores X-Forwarded-For unless the API is configured to sit behind a proxy", async () => {
    const direct = await createTestApi({ farms: 20, now: clock });
    try {
      for (let i = 0; i < 5; i++)
        expect((await attempt(direct, "farmer@demo.test", "nope", `198.18.0.${i}`)).status).toBe(401);
      // A claimed address changes nothing: every request here comes from the same (fallback) address.
      expect((await attempt(direct, "farmer@demo.test", PASSWORD, "198.18.1.1")).status).toBe(429);
    } finally {
      direct.close();
    }
  });

  it("takes the socket's address, or behind a proxy the entry the proxy appended, IPv6 by its /64", () => {
    expect(
      clientAddress({ socketAddress: "::ffff:192.0.2.1", forwardedFor: "10.0.0.1", trustProxy: false }),
    ).toBe("192.0.2.1");
    expect(
      clientAddress({ socketAddress: "10.0.0.2", forwardedFor: "6.6.6.6, 192.0.2.9", trustProxy: true }),
    ).toBe("192.0.2.9");
    expect(clientAddress({ socketAddress: undefined, forwardedFor: undefined, trustProxy: true })).toBe(
      "unknown",
    );
    expect(
      clientAddress({ socketAddress: "10.0.0.3", forwardedFor: "not an address", trustProxy: true }),
    ).toBe("10.0.0.3");
    expect(normaliseAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(normaliseAddress("2001:DB8:1:2:ffff:eeee:dddd:1")).toBe("2001:db8:1:2::/64");
    expect(normaliseAddress("[2001:db8::5]:443")).toBe("2001:db8:0:0::/64");
    expect(normaliseAddress("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(normaliseAddress("192.0.2.1:8080")).toBe("192.0.2.1");
    expect(normaliseAddress("example.org")).toBeUndefined();
  });
});
