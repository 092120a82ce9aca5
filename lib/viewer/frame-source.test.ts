import { describe, expect, it } from "vitest";
import { frameFromImageId, frameSource, splitFrameSource, stepFrame } from "./frame-source";

describe("frame sources", () => {
  it("keeps frame 1 on the plain file URL and names later frames in a fragment", () => {
    expect(frameSource("/api/v1/instances/i1/file", 1)).toBe("/api/v1/instances/i1/file");
    expect(frameSource("/api/v1/instances/i1/file", 3)).toBe("/api/v1/instances/i1/file#frame=3");
    expect(splitFrameSource("/api/v1/instances/i1/file#frame=3")).toEqual({ url: "/api/v1/instances/i1/file", frame: 3 });
    expect(splitFrameSource("/api/v1/instances/i1/file")).toEqual({ url: "/api/v1/instances/i1/file", frame: 1 });
    expect(frameFromImageId("cxr-preview:/api/v1/instances/i1/file#frame=2")).toBe(2);
    expect(frameFromImageId("cxr:/api/v1/instances/i1/file")).toBe(1);
  });

  it("pages forward and back, wrapping at both ends; a single frame stays put", () => {
    expect([stepFrame(1, 3, 1), stepFrame(3, 3, 1), stepFrame(1, 3, -1), stepFrame(2, 3, -1)]).toEqual([2, 1, 3, 1]);
    expect(stepFrame(1, 1, 1)).toBe(1);
  });
});
