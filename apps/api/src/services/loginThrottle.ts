import { isIPv4, isIPv6 } from "node:net";
import type { AppDeps } from "../env.ts";
import { Problem } from "../problem.ts";

/**
 * Login throttling with exponential back-off, never a lockout.
 *
 * Two counters take part in every password check (a login, or the current password when it is
 * changed): one per (client address, account) pair and one per client address. Each allows its free
 * failures (`loginFailureLimit` per pair, `loginAddressFailureLimit` per address, over all accounts);
 * from there on each failure sets a wait of 1 s, 2 s, 4 s … (capped at `loginBackoffMaxSeconds`)
 * during which the key answers 429 with Retry-After without looking at the password. The attempt is
 * counted in one UPSERT … RETURNING *before* the password is checked (repositories/loginAttempts.ts),
 * so a burst of concurrent attempts gets its free attempts and no more.
 *
 * There is deliberately no account-wide counter: anything that slows an account for every address is
 * a way for a stranger who knows a farmer's e-mail address to keep that farmer out at the deadline.
 * An attacker is slowed per address instead (and spraying many accounts from one address by the
 * address counter), while the farmer's right password from their own address always gets through.
 *
 * A success resets the pair's counter. The address counter only takes back the attempt the success
 * had claimed: were it reset, an attacker could clear it by logging in to an account of their own.
 */

/** Where a request comes from, when nothing better is known (tests: `app.request` has no socket). */
export const UNKNOWN_ADDRESS = "unknown";

/** The e-mail address as the account is known: trimmed, NFC, lower case (users.email is NOCASE). */
export const normaliseEmail = (email: string) => email.trim().normalize("NFC").toLowerCase();

/**
 * An IP address as a throttling key: IPv4 as is (also when IPv4-mapped or given with a port), IPv6
 * reduced to its /64 (one subscriber usually holds a whole /64). Undefined for anything else.
 */
export function normaliseAddress(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  address = address.replace(/%.*$/, "").toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped?.[1]) address = mapped[1];
  if (isIPv4(address)) return address;
  if (isIPv6(address)) return `${ipv6Groups(address).slice(0, 4).join(":")}::/64`;
  return undefined;
}

function ipv6Groups(address: string): string[] {
  const groupsOf = (part: string) =>
    part ? part.split(":").flatMap((g) => (g.includes(".") ? ["0", "0"] : [g])) : [];
  const [head = "", tail] = address.split("::");
  const before = groupsOf(head);
  const after = tail === undefined ? [] : groupsOf(tail);
  const zeros = Array.from({ length: Math.max(0, 8 - before.length - after.length) }, () => "0");
  return [...before, ...zeros, ...after].map((g) => Number.parseInt(g, 16).toString(16));
}

/**
 * The client address of a request: the socket's peer, or, only when the API is configured to sit
 * behind a proxy (`trustProxy`), the last X-Forwarded-For entry (the one our proxy appended; the
 * entries before it are whatever the client claimed). Falls back to a fixed value.
 */
export function clientAddress(request: {
  socketAddress: string | undefined;
  forwardedFor: string | undefined;
  trustProxy: boolean;
}): string {
  if (request.trustProxy && request.forwardedFor) {
    const forwarded = normaliseAddress(request.forwardedFor.split(",").at(-1));
    if (forwarded) return forwarded;
  }
  return normaliseAddress(request.socketAddress) ?? UNKNOWN_ADDRESS;
}

/** A 429 during a back-off: the route sends `retryAfterSeconds` as the Retry-After header. */
export class LoginThrottled extends Problem {
  constructor(readonly retryAfterSeconds: number) {
    super(429, "login_wait", `Retry after ${retryAfterSeconds} s`);
  }
}

export interface PasswordAttempt {
  /** The password was right: the pair starts over, the address takes back this attempt. */
  succeeded(): Promise<void>;
}

/**
 * Counts a password attempt of `email` from `address` before the password is checked; throws
 * LoginThrottled while either counter is waiting out its back-off. A failure needs no further call:
 * the attempt is already counted.
 */
export async function beginPasswordAttempt(
  deps: AppDeps,
  email: string,
  address: string,
): Promise<PasswordAttempt> {
  const { config, repos, clock } = deps;
  const pairKey = `pair:${address}|${normaliseEmail(email)}`;
  const addressKey = `address:${address}`;
  const claim = await repos.loginAttempts.claim(
    [
      { key: pairKey, freeFailures: config.loginFailureLimit },
      { key: addressKey, freeFailures: config.loginAddressFailureLimit },
    ],
    clock().getTime(),
    {
      baseMs: config.loginBackoffBaseSeconds * 1000,
      maxMs: config.loginBackoffMaxSeconds * 1000,
      memoryMs: config.loginFailureMemoryHours * 3_600_000,
    },
  );
  if (!claim.admitted) throw new LoginThrottled(Math.max(1, Math.ceil(claim.retryAfterMs / 1000)));
  return { succeeded: () => repos.loginAttempts.succeeded([pairKey], [addressKey]) };
}
