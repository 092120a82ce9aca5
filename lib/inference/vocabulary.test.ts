import { describe, expect, it } from "vitest";
import { FINDING_COLOURS, VINDR_FINDINGS, findingColour, isVinDrFinding, mapClassName } from "./vocabulary";

describe("vocabulary", () => {
  it("has the 14 VinDr-CXR findings, each with a distinct colour", () => {
    expect(VINDR_FINDINGS).toHaveLength(14);
    const colours = VINDR_FINDINGS.map((f) => FINDING_COLOURS[f]);
    expect(new Set(colours).size).toBe(14);
    colours.forEach((c) => expect(c).toMatch(/^#[0-9a-f]{6}$/));
  });

  it("maps model class names case- and spacing-insensitively", () => {
    expect(mapClassName("Mass")).toBe("Nodule/Mass");
    expect(mapClassName("nodule")).toBe("Nodule/Mass");
    expect(mapClassName("Nodule / Mass")).toBe("Nodule/Mass");
    expect(mapClassName("Effusion")).toBe("Pleural effusion");
    expect(mapClassName("pleural_effusion")).toBe("Pleural effusion");
    expect(mapClassName("  PLEURAL   Thickening ")).toBe("Pleural thickening");
    expect(mapClassName("lung-opacity")).toBe("Lung Opacity");
    expect(mapClassName("ild")).toBe("ILD");
    expect(mapClassName("Aortic enlargement")).toBe("Aortic enlargement");
  });

  it("keeps unknown names as they are", () => {
    expect(mapClassName("Rib fracture")).toBe("Rib fracture");
    expect(isVinDrFinding("Rib fracture")).toBe(false);
  });

  it("gives stable colours, also to unknown names", () => {
    expect(findingColour("Mass")).toBe(FINDING_COLOURS["Nodule/Mass"]);
    expect(findingColour("Rib fracture")).toBe(findingColour("Rib fracture"));
    expect(findingColour("Rib fracture")).toMatch(/^#[0-9a-f]{6}$/);
  });
});
