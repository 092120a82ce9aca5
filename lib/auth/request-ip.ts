import { env } from "@/lib/env";
import { clientIp, parseTrustedProxies, type TrustedProxies } from "@/lib/http/client-ip";

let trusted: TrustedProxies | undefined;

// The caller's address for throttling and the audit trail, honouring TRUSTED_PROXIES.
export function requestIp(forwardedFor: string | null | undefined): string | null {
  trusted ??= parseTrustedProxies(env.TRUSTED_PROXIES);
  return clientIp(forwardedFor, trusted);
}
