import { describe, expect, it } from "vitest";
import { errorComment, outcomeOfFailure, outcomeOfIngest, outcomeTooLarge, STORE_STATUS } from "./store-status";

describe("C-STORE outcome", () => {
  it("stored and duplicate are success to the sender", () => {
    expect(outcomeOfIngest({ fileName: "a", status: "stored", studyId: "s1" })).toEqual({ status: 0, result: "stored", studyId: "s1" });
    expect(outcomeOfIngest({ fileName: "a", status: "duplicate", studyId: "s1" })).toMatchObject({ status: 0, result: "duplicate" });
  });
  it("a rejected file is 0xC000 with the ingest's reason; too large and backend failures are 0xA700 (send again later)", () => {
    expect(
      outcomeOfIngest({
        fileName: "a",
        status: "rejected",
        error: { code: "unprocessable", message: "JPEG baseline pixel data could not be decoded" },
      }),
    ).toEqual({
      status: STORE_STATUS.cannotUnderstand,
      comment: "JPEG baseline pixel data could not be decoded",
      result: "rejected",
    });
    expect(outcomeOfIngest({ fileName: "a", status: "rejected", error: { code: "payload_too_large", message: "big" } }).status).toBe(
      0xa700,
    );
    expect(outcomeTooLarge(200)).toMatchObject({ status: 0xa700, comment: "Instance larger than 200 MB" });
    expect(outcomeOfFailure().status).toBe(0xa700);
  });
  it("keeps the Error Comment a valid LO: at most 64 characters, no backslash or control characters", () => {
    const c = errorComment(`a\\b\nc ${"x".repeat(100)}`);
    expect(c.length).toBe(64);
    expect(c).not.toMatch(/[\\\n]/);
    expect(c.endsWith("...")).toBe(true);
  });
});
