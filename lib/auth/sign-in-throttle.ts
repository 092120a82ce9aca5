import { env } from "@/lib/env";

// Sign-in throttle, in this process: every attempt takes a slot per account and per client address for a fixed window;
// a success gives both back (and clears the account), so only failures and attempts still being checked count. It is
// checked before any password hashing, so a flood of guesses costs the server nothing. Several web processes each
// keep their own counts (a limit per process, which is still a hard ceiling per process).
type Slot = { count: number; resetAt: number };

export class WindowCounter {
  private slots = new Map<string, Slot>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Takes a slot, or says how many seconds until one frees up. */
  take(key: string, now: number): { ok: true } | { ok: false; retryAfterSeconds: number } {
    this.prune(now);
    const s = this.slots.get(key);
    if (!s || s.resetAt <= now) {
      this.slots.set(key, { count: 1, resetAt: now + this.windowMs });
      return { ok: true };
    }
    if (s.count >= this.max) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((s.resetAt - now) / 1000)) };
    s.count += 1;
    return { ok: true };
  }

  giveBack(key: string): void {
    const s = this.slots.get(key);
    if (s && s.count > 0) s.count -= 1;
  }

  clear(key: string): void {
    this.slots.delete(key);
  }

  // Bounded memory under a flood of distinct keys: expired windows go first.
  private prune(now: number): void {
    if (this.slots.size < 10_000) return;
    for (const [k, s] of this.slots) if (s.resetAt <= now) this.slots.delete(k);
  }
}

const accounts = new WindowCounter(env.SIGN_IN_MAX_PER_ACCOUNT, env.SIGN_IN_WINDOW_S * 1000);
const addresses = new WindowCounter(env.SIGN_IN_MAX_PER_IP, env.SIGN_IN_WINDOW_S * 1000);

const accountKey = (email: string) => email.trim().toLowerCase();

/** Null when the attempt may go ahead (a slot is taken), else seconds to wait. */
export function takeSignInAttempt(email: string, ip: string | null, now = Date.now()): number | null {
  const byIp = ip ? addresses.take(ip, now) : { ok: true as const };
  if (!byIp.ok) return byIp.retryAfterSeconds;
  const byAccount = accounts.take(accountKey(email), now);
  if (byAccount.ok) return null;
  if (ip) addresses.giveBack(ip); // refused before any work: not held against the address twice
  return byAccount.retryAfterSeconds;
}

export function signInSucceeded(email: string, ip: string | null): void {
  accounts.clear(accountKey(email));
  if (ip) addresses.giveBack(ip);
}
