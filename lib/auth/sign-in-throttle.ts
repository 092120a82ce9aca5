import { env } from "@/lib/env";
import { createLimiter } from "@/lib/rate-limit/create-limiter";

// Sign-in throttle: every attempt takes a slot per account and per client address for a fixed window; a success gives
// both back (and clears the account), so only failures and attempts still being checked count. It is checked before
// any password hashing, so a flood of guesses costs the server nothing. With REDIS_URL the counts are shared by every
// web instance (N instances do not allow N × the guesses); without it they are per process.
const accounts = createLimiter({ name: "sign-in:account", points: env.SIGN_IN_MAX_PER_ACCOUNT, durationS: env.SIGN_IN_WINDOW_S });
const addresses = createLimiter({ name: "sign-in:ip", points: env.SIGN_IN_MAX_PER_IP, durationS: env.SIGN_IN_WINDOW_S });

const accountKey = (email: string) => email.trim().toLowerCase();

/** Null when the attempt may go ahead (a slot is taken), else seconds to wait. */
export async function takeSignInAttempt(email: string, ip: string | null): Promise<number | null> {
  const byIp = ip ? await addresses.take(ip) : { ok: true as const };
  if (!byIp.ok) return byIp.retryAfterSeconds;
  const byAccount = await accounts.take(accountKey(email));
  if (byAccount.ok) return null;
  if (ip) await addresses.giveBack(ip); // refused before any work: not held against the address twice
  return byAccount.retryAfterSeconds;
}

export async function signInSucceeded(email: string, ip: string | null): Promise<void> {
  await accounts.clear(accountKey(email));
  if (ip) await addresses.giveBack(ip);
}
