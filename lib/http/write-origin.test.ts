import { describe, expect, it } from "vitest";
import { crossOriginWriteRefusal } from "./write-origin";

const headers = (h: Record<string, string>) => (n: string) => h[n] ?? null;
const HOST = { host: "cxr.example:3000" };

describe("crossOriginWriteRefusal", () => {
  it("reads always pass", () => {
    expect(crossOriginWriteRefusal("GET", headers({ ...HOST, "sec-fetch-site": "cross-site" }))).toBeNull();
  });

  it("refuses cross-site and same-site browser writes, by Sec-Fetch-Site", () => {
    expect(crossOriginWriteRefusal("POST", headers({ ...HOST, "sec-fetch-site": "cross-site" }))).toMatch(/cross-site/);
    expect(crossOriginWriteRefusal("DELETE", headers({ ...HOST, "sec-fetch-site": "same-site" }))).toMatch(/same-site/);
    expect(crossOriginWriteRefusal("PATCH", headers({ ...HOST, "sec-fetch-site": "same-origin" }))).toBeNull();
  });

  it("falls back to Origin against Host when Sec-Fetch-Site is absent", () => {
    expect(crossOriginWriteRefusal("POST", headers({ ...HOST, origin: "http://cxr.example:3000" }))).toBeNull();
    expect(crossOriginWriteRefusal("POST", headers({ ...HOST, origin: "https://evil.example" }))).toMatch(/evil/);
    expect(crossOriginWriteRefusal("POST", headers({ ...HOST, origin: "null" }))).toMatch(/null/);
    expect(
      crossOriginWriteRefusal("POST", headers({ "x-forwarded-host": "cxr.site", host: "app:3000", origin: "https://cxr.site" })),
    ).toBeNull();
  });

  it("machine calls with a Bearer token and clients that are not browsers pass", () => {
    expect(
      crossOriginWriteRefusal("POST", headers({ ...HOST, authorization: "Bearer cxr_abc", origin: "https://evil.example" })),
    ).toBeNull();
    expect(crossOriginWriteRefusal("POST", headers(HOST))).toBeNull();
  });

  it("an empty Bearer header is no token: the browser check still applies", () => {
    expect(crossOriginWriteRefusal("POST", headers({ ...HOST, authorization: "Bearer ", "sec-fetch-site": "cross-site" }))).toMatch(
      /cross-site/,
    );
  });
});
