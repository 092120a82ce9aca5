import { describe, expect, it } from "vitest";
import { assertAcceptedFrames, frameNumbers, imageKey, splitImageKey } from "./frames";

describe("multi-frame policy", () => {
  it("accepts single-frame images of any modality and multi-frame DX/CR up to the limit", () => {
    expect(() => assertAcceptedFrames({ numberOfFrames: 1, modality: "OT" }, 4)).not.toThrow();
    expect(() => assertAcceptedFrames({ numberOfFrames: 3, modality: "DX" }, 4)).not.toThrow();
    expect(() => assertAcceptedFrames({ numberOfFrames: 4, modality: "cr" }, 4)).not.toThrow();
  });

  it("refuses other multi-frame objects and too many frames, saying why", () => {
    expect(() => assertAcceptedFrames({ numberOfFrames: 30, modality: "US" }, 64)).toThrow(
      expect.objectContaining({ code: "unsupported", message: expect.stringMatching(/Multi-frame US \(30 frames\).*only DX and CR/) }),
    );
    expect(() => assertAcceptedFrames({ numberOfFrames: 2, modality: undefined }, 64)).toThrow(
      expect.objectContaining({ code: "unsupported" }),
    );
    expect(() => assertAcceptedFrames({ numberOfFrames: 65, modality: "DX" }, 64)).toThrow(
      expect.objectContaining({ code: "payload_too_large", message: expect.stringMatching(/65 frames; at most 64/) }),
    );
  });

  it("numbers frames from 1 and keys each frame as its own image, frame 1 as the plain instance id", () => {
    expect(frameNumbers(3)).toEqual([1, 2, 3]);
    expect(frameNumbers(0)).toEqual([1]);
    expect(imageKey("i1")).toBe("i1");
    expect(imageKey("i1", 1)).toBe("i1");
    expect(imageKey("i1", 2)).toBe("i1#frame=2");
    expect(splitImageKey("i1#frame=2")).toEqual({ instanceId: "i1", frame: 2 });
    expect(splitImageKey("i1")).toEqual({ instanceId: "i1", frame: 1 });
    expect(splitImageKey("")).toEqual({ instanceId: "", frame: 1 });
  });
});
