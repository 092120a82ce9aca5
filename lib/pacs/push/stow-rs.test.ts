import { describe, expect, it } from "vitest";
import { classifyStowFailure } from "@/lib/pacs/push/stow-rs";

// The job error contract for STOW-RS answers: "unavailable" is retried with backoff, every other code fails at once.
const URL = "http://pacs:8042/dicom-web";

describe("classifyStowFailure", () => {
  it("treats no answer, timeouts, 408, 429 and 5xx as a PACS that is down (transient)", () => {
    for (const status of [0, 408, 429, 500, 502, 503])
      expect(classifyStowFailure(status, null, URL).code, String(status)).toBe("unavailable");
    expect(classifyStowFailure(0, null, URL).message).toMatch(/PACS unreachable at http:\/\/pacs:8042\/dicom-web/);
  });

  it("names wrong credentials as such (permanent)", () => {
    for (const status of [401, 403]) {
      const e = classifyStowFailure(status, null, URL);
      expect(e.code).toBe("unauthorized");
      expect(e.message).toMatch(new RegExp(`refused our credentials \\(HTTP ${status}\\)`));
    }
  });

  it("reports the PACS's per-instance failure reasons from a PS3.18 response (permanent)", () => {
    const body = JSON.stringify({
      "00081198": { vr: "SQ", Value: [{ "00081155": { vr: "UI", Value: ["2.25.1"] }, "00081197": { vr: "US", Value: [0xc000] } }] },
    });
    const e = classifyStowFailure(409, body, URL);
    expect(e.code).toBe("unprocessable");
    expect(e.message).toBe("The PACS rejected the objects (HTTP 409): 2.25.1: failure reason 0xc000.");
    expect(classifyStowFailure(400, "not json", URL).message).toBe("The PACS rejected the objects (HTTP 400).");
  });
});
