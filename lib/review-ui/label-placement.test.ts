import { describe, expect, it } from "vitest";
import { intersects, placeLabels, type LabelRequest } from "./label-placement";

const VIEW = { width: 800, height: 600 };
const req = (key: string, x: number, y: number, width = 100, height = 80): LabelRequest => ({
  key,
  box: { x, y, width, height },
  width: 20,
  height: 14,
});

describe("placeLabels", () => {
  it("puts a lone tag above its box's top-left corner", () => {
    const [p] = placeLabels([req("a", 100, 100)], VIEW);
    expect(p).toMatchObject({ key: "a", side: "above", x: 100, y: 100 - 14 - 2 });
  });

  it("never puts a tag over its own box, also at the viewport's top edge", () => {
    const r = req("a", 0, 0, 800, 100);
    const [p] = placeLabels([r], VIEW);
    expect(p!.side).toBe("below");
    expect(intersects(p!, r.box)).toBe(false);
  });

  it("keeps tags of boxes sharing a corner apart", () => {
    const placed = placeLabels([req("a", 100, 100), req("b", 100, 100, 120, 90), req("c", 100, 100, 90, 70)], VIEW);
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++) expect(intersects(placed[i]!, placed[j]!)).toBe(false);
    const boxes = [req("a", 100, 100), req("b", 100, 100, 120, 90), req("c", 100, 100, 90, 70)];
    placed.forEach((p, i) => expect(intersects(p, boxes[i]!.box)).toBe(false));
  });

  it("avoids another box when a free spot exists", () => {
    // b sits right above a, where a's tag would go first.
    const placed = placeLabels([req("a", 100, 200), req("b", 100, 100, 100, 95)], VIEW);
    const a = placed.find((p) => p.key === "a")!;
    expect(intersects(a, { x: 100, y: 100, width: 100, height: 95 })).toBe(false);
  });

  it("gives the first request (the selected box) the preferred spot", () => {
    const placed = placeLabels([req("sel", 100, 100), req("other", 100, 100)], VIEW);
    expect(placed[0]).toMatchObject({ key: "sel", side: "above", x: 100 });
    expect(intersects(placed[0]!, placed[1]!)).toBe(false);
  });
});
