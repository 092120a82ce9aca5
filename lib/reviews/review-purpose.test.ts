import { describe, expect, it } from "vitest";
import { canSignOff, resolvePurpose } from "@/lib/reviews/review-purpose";

describe("resolvePurpose", () => {
  it("defaults radiologists and admins to primary and annotators to annotation", () => {
    expect(resolvePurpose("radiologist")).toBe("primary");
    expect(resolvePurpose("admin")).toBe("primary");
    expect(resolvePurpose("annotator")).toBe("annotation");
    expect(resolvePurpose("radiologist", "double_read")).toBe("double_read");
  });

  it("refuses purposes outside the role", () => {
    expect(() => resolvePurpose("annotator", "primary")).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(() => resolvePurpose("radiologist", "annotation")).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(() => resolvePurpose("radiologist", "consensus")).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(() => resolvePurpose("annotator", "consensus")).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(resolvePurpose("admin", "consensus")).toBe("consensus");
  });

  it("never lets an annotation review be signed off", () => {
    expect(canSignOff("annotation")).toBe(false);
    expect(canSignOff("primary")).toBe(true);
  });
});
