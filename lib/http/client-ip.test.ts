import { describe, expect, it } from "vitest";
import { clientIp, normaliseAddress, parseTrustedProxies } from "./client-ip";

describe("clientIp", () => {
  const none = parseTrustedProxies("");
  const lb = parseTrustedProxies("10.0.0.0/8, 192.168.1.5, fd00::/8");

  it("without trusted proxies the TCP peer (last hop) is the client, whatever the client wrote before it", () => {
    expect(clientIp("203.0.113.9", none)).toBe("203.0.113.9");
    expect(clientIp("1.2.3.4, 203.0.113.9", none)).toBe("203.0.113.9");
  });

  it("walks back through trusted proxies only", () => {
    expect(clientIp("198.51.100.7, 10.1.2.3", lb)).toBe("198.51.100.7");
    expect(clientIp("6.6.6.6, 198.51.100.7, 192.168.1.5, 10.1.2.3", lb)).toBe("198.51.100.7");
    // An untrusted hop in the middle stops the walk: what it says about earlier hops is not believed.
    expect(clientIp("6.6.6.6, 203.0.113.1, 10.1.2.3", lb)).toBe("203.0.113.1");
  });

  it("every hop trusted: the first one; nothing: null", () => {
    expect(clientIp("10.0.0.1, 10.0.0.2", lb)).toBe("10.0.0.1");
    expect(clientIp(null, lb)).toBeNull();
    expect(clientIp(" , ", lb)).toBeNull();
  });

  it("IPv6 and v4-mapped peers", () => {
    expect(clientIp("2001:db8::1, fd00::1", lb)).toBe("2001:db8::1");
    expect(clientIp("198.51.100.7, ::ffff:10.9.9.9", lb)).toBe("198.51.100.7");
    expect(normaliseAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseAddress("127.0.0.1:5555")).toBe("127.0.0.1");
  });

  it("refuses a malformed TRUSTED_PROXIES entry", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8, proxy.local")).toThrow(/proxy.local/);
    expect(() => parseTrustedProxies("10.0.0.0/x")).toThrow();
  });
});
