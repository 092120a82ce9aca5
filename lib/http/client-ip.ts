import net from "node:net";

// The client's address as the app sees it. `npm start` serves through scripts/serve.mjs, which appends the TCP peer to
// X-Forwarded-For, so the chain's last entry is always real; earlier entries count only when every hop after them is a
// trusted proxy (TRUSTED_PROXIES). A client can therefore prepend anything, but never choose the address we use.
export function clientIp(forwardedFor: string | null | undefined, trusted: TrustedProxies): string | null {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((h) => normaliseAddress(h.trim()))
    .filter((h) => h.length > 0);
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.has(hops[i]!)) return hops[i]!;
  return hops[0] ?? null;
}

export type TrustedProxies = { has(address: string): boolean };

/** Parses `10.0.0.1, 10.1.0.0/16, fd00::/8` into a matcher; throws on an entry that is not an address or CIDR. */
export function parseTrustedProxies(spec: string): TrustedProxies {
  const list = new net.BlockList();
  for (const raw of spec
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [addr, bits] = raw.split("/");
    const family = net.isIP(addr ?? "");
    if (!family || (bits !== undefined && !/^\d{1,3}$/.test(bits)))
      throw new Error(`TRUSTED_PROXIES: '${raw}' is not an IP address or CIDR`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) list.addAddress(addr!, type);
    else list.addSubnet(addr!, Number(bits), type);
  }
  return {
    has(address) {
      const family = net.isIP(address);
      return family !== 0 && list.check(address, family === 4 ? "ipv4" : "ipv6");
    },
  };
}

// "::ffff:10.0.0.1" (a v4 peer on a dual-stack socket) is the v4 address; a port suffix on v4 is dropped.
export function normaliseAddress(a: string): string {
  const v4mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  if (v4mapped) return v4mapped[1]!;
  const v4port = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(a);
  return v4port ? v4port[1]! : a;
}
